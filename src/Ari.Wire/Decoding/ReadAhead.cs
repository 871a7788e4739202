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
        var handOff = new HandOff<T>(ItemsAhead);
        var producer = new Thread(() => Produce(source, handOff)) { IsBackground = true, Name = "ari read-ahead" };
        producer.Start();
        try
        {
            while (true)
            {
                if (!handOff.TryTake(out T? next))
                {
                    idle?.Invoke();
                    if (!handOff.Take(out next))
                    {
                        handOff.ThrowIfFailed();
                        yield break;
                    }
                }

                yield return next;
            }
        }
        finally
        {
            handOff.Stop();
            producer.Join();
        }
    }

    private static void Produce<T>(IEnumerable<T> source, HandOff<T> handOff)
    {
        try
        {
            foreach (T item in source)
            {
                if (!handOff.Add(item))
                {
                    // The consumer stopped early: nobody is waiting for the rest.
                    return;
                }
            }

            handOff.Complete();
        }
        catch (Exception e)
        {
            handOff.Complete(ExceptionDispatchInfo.Capture(e));
        }
    }
}
