using System.IO.Pipelines;

namespace Ari.Cli;

/// <summary>
/// Takes a live tap's stream as fast as it arrives and keeps what the view has not read yet in memory,
/// up to a limit (<see cref="DefaultLimit"/> unless the user gives <c>--backlog</c>). The tap never
/// waits for its reader: when the reader falls behind, the tap's queue fills and it drops records. A
/// view is often slower than the program it shows (a busy program writes records far faster than a
/// terminal takes lines), and a view piped into a pager stops altogether while
/// nobody scrolls. Reading ahead into memory lets the view catch up
/// after the burst, or after the program has ended, without losing anything; only a backlog beyond the
/// limit makes the tap drop (and count) records again.
/// </summary>
internal static class LiveBacklog
{
    /// <summary>
    /// 256 MiB: at about 19 bytes a record (docs/benchmarks.md), some 14 million records behind the program.
    /// </summary>
    public const string DefaultLimit = "256MiB";

    private const int ReadSize = 64 * 1024;

    /// <summary>
    /// Starts reading <paramref name="source"/> on a task of its own; returns the stream to read it from
    /// instead. Reading pauses while more than <paramref name="limitBytes"/> wait unread (it may read one
    /// more chunk of 64 KiB past the limit) and resumes when half of them have been read. The end of
    /// <paramref name="source"/>, or its failure, reaches the returned stream after everything read before
    /// it. Disposing the returned stream stops the reading.
    /// </summary>
    public static Stream Start(Stream source, long limitBytes)
    {
        var pipe = new Pipe(new PipeOptions(
            pauseWriterThreshold: limitBytes,
            resumeWriterThreshold: limitBytes / 2,
            minimumSegmentSize: ReadSize,
            useSynchronizationContext: false));
        _ = Task.Run(() => Fill(source, pipe.Writer));
        return pipe.Reader.AsStream();
    }

    private static async Task Fill(Stream source, PipeWriter backlog)
    {
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(backlog.GetMemory(ReadSize));
                if (read == 0)
                {
                    break;
                }
                backlog.Advance(read);
                // Waits only while the backlog is over its limit; completed when the reader has gone.
                if ((await backlog.FlushAsync()).IsCompleted)
                {
                    break;
                }
            }
            await backlog.CompleteAsync();
        }
        catch (Exception e)
        {
            await backlog.CompleteAsync(e);
        }
    }
}
