using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Ari.Wire;

/// <summary>
/// Runs an enumeration on a thread of its own, a few chunks ahead of the thread that consumes it, so
/// reading and decoding a recording overlap with what is done with its records (the replay, analyses,
/// views) on a second core. The consumer sees exactly the source's items, in order, and then the
/// source's exception, if it threw one, at the same point. Stopping early stops the producer.
/// </summary>
internal static class ReadAhead
{
    /// <summary>Large enough that handing a chunk over costs nothing per item, small enough to stay in cache.</summary>
    private const int ChunkSize = 1024;

    /// <summary>How many chunks the producer may be ahead: it waits when the consumer is this far behind.</summary>
    private const int ChunksAhead = 4;

    /// <summary>On a single core there is nothing to overlap with, so the source is enumerated as it is.</summary>
    public static IEnumerable<T> Run<T>(IEnumerable<T> source) =>
        Environment.ProcessorCount > 1 ? Overlapped(source) : source;

    private static IEnumerable<T> Overlapped<T>(IEnumerable<T> source)
    {
        using var full = new BlockingCollection<Chunk<T>>(ChunksAhead);
        using var empty = new BlockingCollection<T[]>();
        using var stop = new CancellationTokenSource();
        var producer = new Thread(() => Produce(source, full, empty, stop.Token)) { IsBackground = true, Name = "ari read-ahead" };
        producer.Start();
        try
        {
            foreach (Chunk<T> chunk in full.GetConsumingEnumerable())
            {
                for (int i = 0; i < chunk.Count; i++)
                {
                    yield return chunk.Items[i];
                }

                Array.Clear(chunk.Items, 0, chunk.Count);
                empty.Add(chunk.Items);
                chunk.Failure?.Throw();
            }
        }
        finally
        {
            stop.Cancel();
            producer.Join();
        }
    }

    private static void Produce<T>(IEnumerable<T> source, BlockingCollection<Chunk<T>> full, BlockingCollection<T[]> empty, CancellationToken stop)
    {
        T[] items = new T[ChunkSize];
        int count = 0;
        try
        {
            foreach (T item in source)
            {
                items[count++] = item;
                if (count == ChunkSize)
                {
                    full.Add(new Chunk<T>(items, count, null), stop);
                    items = empty.TryTake(out T[]? spare) ? spare : new T[ChunkSize];
                    count = 0;
                }
            }

            full.Add(new Chunk<T>(items, count, null), stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The consumer stopped early: nobody is waiting for the rest.
        }
        catch (Exception e)
        {
            Hand(full, new Chunk<T>(items, count, ExceptionDispatchInfo.Capture(e)), stop);
        }
        finally
        {
            full.CompleteAdding();
        }
    }

    /// <summary>Hands over the last chunk, unless the consumer has stopped waiting for it.</summary>
    private static void Hand<T>(BlockingCollection<Chunk<T>> full, Chunk<T> chunk, CancellationToken stop)
    {
        try
        {
            full.Add(chunk, stop);
        }
        catch (OperationCanceledException)
        {
        }
    }

    private readonly record struct Chunk<T>(T[] Items, int Count, ExceptionDispatchInfo? Failure);
}
