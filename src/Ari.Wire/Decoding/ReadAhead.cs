using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ari.Wire;

/// <summary>
/// Runs an enumeration on a thread of its own, a few items ahead of the thread that consumes it, so
/// reading and decoding a recording overlap with what is done with its records (the replay, analyses,
/// views) on a second core. Items should be large (a run of records, not one record), so that handing
/// one over costs little next to the work on it. The consumer sees exactly the source's items, in order,
/// and then the source's exception, if it threw one, at the same point. The producer starts as soon as
/// this is made, so a caller can have the first items produced while it still gets ready to take them;
/// stopping early, or disposing this without taking the items, stops the producer.
/// </summary>
internal sealed class ReadAhead<T> : IDisposable
{
    /// <summary>
    /// How far the producer may be ahead: it waits when the consumer is this many items behind. Each side
    /// slows down now and then (a collection, the other thread's burst of work, the shared machine), and a
    /// longer queue lets the other side go on meanwhile; a much longer one gained nothing more
    /// (bench/limits.md).
    /// </summary>
    private const int ItemsAhead = 16;

    /// <summary>
    /// The items themselves, not a struct around them: a <c>BlockingCollection</c> of a class shares the
    /// framework's ahead-of-time code, where one of a struct had its code compiled at every start, on
    /// both threads (bench/limits.md).
    /// </summary>
    private readonly BlockingCollection<T> _handed = new(ItemsAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Action? _idle;
    private readonly Thread _producer;

    /// <summary>The source's exception, set by the producer before it completes the collection.</summary>
    private ExceptionDispatchInfo? _failure;
    private bool _taken;
    private bool _disposed;

    /// <param name="idle">Called on the consumer's thread whenever it has taken everything produced so far and is about to wait.</param>
    public ReadAhead(IEnumerable<T> source, Action? idle = null)
    {
        _idle = idle;
        _producer = new Thread(() => Produce(source)) { IsBackground = true, Name = "ari read-ahead" };
        _producer.Start();
    }

    /// <summary>Whether taking the next item would not wait: one is ready, or the source has ended.</summary>
    public bool HasItemReady => _handed.Count > 0 || _handed.IsAddingCompleted;

    /// <summary>The source's items, in order, then its exception, if it threw one; taken once.</summary>
    public IEnumerable<T> Items()
    {
        if (_taken)
        {
            throw new InvalidOperationException("read-ahead items are taken once");
        }

        _taken = true;
        return Consume();
    }

    private IEnumerable<T> Consume()
    {
        try
        {
            while (true)
            {
                if (!_handed.TryTake(out T? next))
                {
                    _idle?.Invoke();
                    if (!_handed.TryTake(out next, Timeout.Infinite))
                    {
                        _failure?.Throw();
                        yield break;
                    }
                }

                yield return next;
            }
        }
        finally
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _stop.Cancel();
        _producer.Join();
        _handed.Dispose();
        _stop.Dispose();
    }

    private void Produce(IEnumerable<T> source)
    {
        try
        {
            foreach (T item in source)
            {
                _handed.Add(item, _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer stopped early: nobody is waiting for the rest.
        }
        catch (Exception e)
        {
            _failure = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _handed.CompleteAdding();
        }
    }
}
