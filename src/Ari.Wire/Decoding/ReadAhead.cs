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

    private readonly HandOff<T> _handOff = new(ItemsAhead);
    private readonly Action? _idle;
    private readonly Thread _producer;
    private bool _taken;

    /// <param name="idle">Called on the consumer's thread whenever it has taken everything produced so far and is about to wait.</param>
    public ReadAhead(IEnumerable<T> source, Action? idle = null)
    {
        _idle = idle;
        _producer = new Thread(() => Produce(source)) { IsBackground = true, Name = "ari read-ahead" };
        _producer.Start();
    }

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
                if (!_handOff.TryTake(out T? next))
                {
                    _idle?.Invoke();
                    if (!_handOff.Take(out next))
                    {
                        _handOff.ThrowIfFailed();
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
        _handOff.Stop();
        _producer.Join();
    }

    private void Produce(IEnumerable<T> source)
    {
        try
        {
            foreach (T item in source)
            {
                if (!_handOff.Add(item))
                {
                    // The consumer stopped early: nobody is waiting for the rest.
                    return;
                }
            }

            _handOff.Complete();
        }
        catch (Exception e)
        {
            _handOff.Complete(ExceptionDispatchInfo.Capture(e));
        }
    }
}
