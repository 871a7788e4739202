using System.Diagnostics;
using Ari.Console.Model;
using Ari.Console.Ui;

namespace Ari.Bench;

/// <summary>
/// The live console's reads of a recording that grows while it is read: the recording is written into a
/// new file in <c>parts</c> equal parts, and after each the console's feed reads until it has caught up
/// (as the live console refreshes). Prints how long the reads of each part took (each goes on from the
/// last), the last part's (what a refresh costs by the end of a long run), a whole read of the
/// recording (what every refresh cost when each read the recording again), and the peak memory while
/// following it (before that whole read).
/// </summary>
public static class LiveTimes
{
    public static int Run(string path, int parts)
    {
        var length = new FileInfo(path).Length;
        var growing = Path.Combine(Directory.CreateTempSubdirectory("ari-bench-live-").FullName, "live.ari");
        try
        {
            var perPart = new List<double>();
            using (var source = File.OpenRead(path))
            using (var writer = new FileStream(growing, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0))
            {
                var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
                using var feed = new LiveFeed(growing, ended.Task);
                var written = 0L;
                var buffer = new byte[1 << 20];
                for (var part = 1; part <= parts; part++)
                {
                    for (var end = length * part / parts; written < end;)
                    {
                        var read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, end - written));
                        writer.Write(buffer, 0, read);
                        written += read;
                    }
                    if (part == parts)
                    {
                        ended.SetResult("exited with code 0");
                    }
                    perPart.Add(CaughtUp(feed, written));
                }
            }
            using var process = Process.GetCurrentProcess();
            var followingPeak = process.PeakWorkingSet64 / (1024 * 1024);
            var clock = Stopwatch.StartNew();
            using (RecordingTimeline.Open(path))
            {
                var whole = clock.Elapsed.TotalMilliseconds;
                var sorted = perPart.Order().ToList();
                System.Console.WriteLine($"parts\t{parts}");
                System.Console.WriteLine($"part read median (ms)\t{sorted[sorted.Count / 2]:F0}");
                System.Console.WriteLine($"last part read (ms)\t{perPart[^1]:F0}");
                System.Console.WriteLine($"whole read (ms)\t{whole:F0}");
            }
            System.Console.WriteLine($"peak memory while following (MiB)\t{followingPeak}");
            return 0;
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(growing)!, recursive: true);
        }
    }

    /// <summary>
    /// Reads until the feed has taken in every whole frame of the <paramref name="written"/> bytes (a part
    /// ends inside a frame, whose rest comes with the next); returns the time spent in reads, in ms.
    /// </summary>
    private static double CaughtUp(LiveFeed feed, long written)
    {
        var reading = TimeSpan.Zero;
        long before = -1;
        while (true)
        {
            var clock = Stopwatch.StartNew();
            using var timeline = feed.Read();
            reading += clock.Elapsed;
            var consumed = timeline.Recording.Ending.BytesConsumed;
            if (consumed == before && written - consumed < 128 * 1024 || feed.HasEnded)
            {
                return reading.TotalMilliseconds;
            }
            before = consumed;
            Thread.Sleep(50);
        }
    }
}
