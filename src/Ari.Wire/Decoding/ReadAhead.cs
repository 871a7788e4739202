using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ari.Wire;

/// <summary>
/// Runs an enumeration on a thread of its own, a few items ahead of the thread that consumes it, so
/// reading and decoding a recording overlap with what is done with its records (the replay, analyses,
/// views) on a second core. Items should be large (a run of records, not one record), so that handing
/// one over costs little next to the work on it. The consumer sees exactly the source's items, in order,
/// and then the source's exception, if it threw one, at the same point. Stopping early stops the producer.
/// </summary>
internal static class ReadAhead
{
    /// <summary>
    /// How far the producer may be ahead: it waits when the consumer is this many items behind. Each side
    /// slows down now and then (a collection, the other thread's burst of work, the shared machine), and a
    /// longer queue lets the other side go on meanwhile; a much longer one gained nothing more
    /// (bench/limits.md).
    /// </summary>
    private const int ItemsAhead = 16;

    /// <summary>
    /// Enumerates <paramref name="source"/> on its own thread. <paramref name="idle"/>, if given, is called
    /// on the consumer's thread whenever it has taken everything produced so far and is about to wait.
    /// </summary>
    public static IEnumerable<T> Run<T>(IEnumerable<T> source, Action? idle = null)
    {
        using var handed = new BlockingCollection<Handed<T>>(ItemsAhead);
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() => Produce(source, handed, stop.Token)) { IsBackground = true, Name = "ari read-ahead" };
        producer.Start();
        try
        {
            while (true)
            {
                if (!handed.TryTake(out Handed<T> next))
                {
                    idle?.Invoke();
                    if (!handed.TryTake(out next, Timeout.Infinite))
                    {
                        yield break;
                    }
                }

                next.Failure?.Throw();
                yield return next.Item;
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<Handed<T>> handed, CancellationToken stop)
    {
        try
        {
            foreach (T item in source)
            {
                handed.Add(new Handed<T>(item, null), stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped early: nobody is waiting for the rest.
        }
        catch (Exception e)
        {
            HandFailure(handed, ExceptionDispatchInfo.Capture(e), stop);
        }
        finally
        {
            handed.CompleteAdding();
        }
    }

    /// <summary>Hands over the source's exception, unless the consumer has stopped waiting for it.</summary>
    private static void HandFailure<T>(BlockingCollection<Handed<T>> handed, ExceptionDispatchInfo failure, CancellationToken stop)
    {
        try
        {
            handed.Add(new Handed<T>(default!, failure), stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>An item, or (with <see cref="Failure"/>) the end of a source that threw.</summary>
    private readonly record struct Handed<T>(T Item, ExceptionDispatchInfo? Failure);
}
