using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;

namespace Ari.Wire;

/// <summary>
/// A bounded queue from one producing thread to one consuming thread, for large items (a stretch of
/// records, a block of output), so that a lock and a wake-up an item cost little. Full-queue policy: the
/// producer waits; nothing is dropped. Either side can end the hand-off: the producer with
/// <see cref="Complete"/> once it has added everything (the consumer takes what is left, then sees the
/// producer's failure, if it had one), the consumer with <see cref="Stop"/> when it takes no more (the
/// producer's next <see cref="Add"/> returns false, and it sees the consumer's failure, if it had one).
/// </summary>
/// <remarks>
/// A lock and two arrays rather than a <c>BlockingCollection</c>: its code and its concurrent queue's are
/// generic over the item, so they were compiled when a command started, on both threads, while ari's own
/// code, this type's included, is compiled ahead of time (bench/limits.md).
/// </remarks>
internal sealed class HandOff<T>
{
    private readonly object _gate = new();
    private readonly T[] _items;
    private int _first;
    private int _count;
    private bool _completed;
    private bool _stopped;
    private ExceptionDispatchInfo? _failure;

    public HandOff(int capacity) => _items = new T[capacity];

    /// <summary>
    /// Adds an item after those before it, waiting while the queue is full. False when the consumer has
    /// stopped: the item is not taken, and nothing more will be.
    /// </summary>
    public bool Add(T item)
    {
        lock (_gate)
        {
            while (_count == _items.Length && !_stopped)
            {
                Monitor.Wait(_gate);
            }

            if (_stopped)
            {
                return false;
            }

            _items[(_first + _count) % _items.Length] = item;
            _count++;
            if (_count == 1)
            {
                Monitor.Pulse(_gate);
            }

            return true;
        }
    }

    /// <summary>The oldest item, if one waits; never waits itself.</summary>
    public bool TryTake([MaybeNullWhen(false)] out T item)
    {
        lock (_gate)
        {
            return TakeWaiting(out item);
        }
    }

    /// <summary>The oldest item, waiting for one; false once the producer has completed and every item is taken, or after <see cref="Stop"/>.</summary>
    public bool Take([MaybeNullWhen(false)] out T item)
    {
        lock (_gate)
        {
            while (_count == 0 && !_completed && !_stopped)
            {
                Monitor.Wait(_gate);
            }

            return TakeWaiting(out item);
        }
    }

    /// <summary>The producer adds nothing more; <paramref name="failure"/>, if given, is why, seen by the consumer after the last item.</summary>
    public void Complete(ExceptionDispatchInfo? failure = null)
    {
        lock (_gate)
        {
            _failure ??= failure;
            _completed = true;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>The consumer takes nothing more; <paramref name="failure"/>, if given, is why, seen by the producer.</summary>
    public void Stop(ExceptionDispatchInfo? failure = null)
    {
        lock (_gate)
        {
            _failure ??= failure;
            _stopped = true;
            Array.Clear(_items);
            _count = 0;
            Monitor.Pulse(_gate);
        }
    }

    /// <summary>Throws the other side's failure, if it ended with one.</summary>
    public void ThrowIfFailed()
    {
        lock (_gate)
        {
            _failure?.Throw();
        }
    }

    private bool TakeWaiting([MaybeNullWhen(false)] out T item)
    {
        if (_count == 0 || _stopped)
        {
            item = default;
            return false;
        }

        item = _items[_first];
        _items[_first] = default!;
        _first = (_first + 1) % _items.Length;
        _count--;
        if (_count == _items.Length - 1)
        {
            Monitor.Pulse(_gate);
        }

        return true;
    }
}
