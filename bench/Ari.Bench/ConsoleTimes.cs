using System.Diagnostics;
using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Console.Ui;

namespace Ari.Bench;

/// <summary>
/// The console's times on a recording, in process: the first screen (opening the recording, which reads
/// it once, and drawing the tasks frame at its end: a user's first wait, the JIT's first pass included),
/// then jumps to moments spread over the recording, each a snapshot and its frame, after one warm-up
/// jump; the interactive tasks list at the end (laid out, then sorted by polls); and the process's peak
/// memory, by the first screen and in all. Each time also as CPU time of
/// the whole process (GC threads included), which a machine shared with other work disturbs less than
/// the clock, and the GC's pauses within each jump. Prints <c>name&lt;TAB&gt;value</c> lines.
/// </summary>
public static class ConsoleTimes
{
    public static int Run(string path, int jumps)
    {
        var process = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var timeline = RecordingTimeline.Open(path);
        // Held while the list is timed below: the timeline keeps the end's snapshot only while someone does.
        var atEnd = timeline.AtEnd;
        Draw(timeline, timeline.Recording.End);
        var first = clock.Elapsed.TotalMilliseconds;
        var firstCpu = CpuMilliseconds(process);
        var firstPeak = PeakMebibytes(process);
        var (layout, sort) = TasksList(atEnd);
        atEnd = null;

        var recording = timeline.Recording;
        var span = recording.End - recording.Start;
        Draw(timeline, recording.Start + (span / 2));
        var times = new List<double>();
        var cpuTimes = new List<double>();
        var pauses = new List<double>();
        for (var i = 1; i <= jumps; i++)
        {
            // Moments from early to late, the latest just before the end (the end is the snapshot kept).
            var at = recording.Start + (ulong)(span * (i - 0.5) / jumps);
            var cpu = CpuMilliseconds(process);
            var paused = GC.GetTotalPauseDuration();
            clock.Restart();
            Draw(timeline, at);
            times.Add(clock.Elapsed.TotalMilliseconds);
            cpuTimes.Add(CpuMilliseconds(process) - cpu);
            pauses.Add((GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
        }
        times.Sort();
        cpuTimes.Sort();
        pauses.Sort();
        System.Console.WriteLine($"records\t{recording.Entries}");
        System.Console.WriteLine($"first screen (ms)\t{first:F0}");
        System.Console.WriteLine($"jump median (ms)\t{times[times.Count / 2]:F0}");
        System.Console.WriteLine($"jump slowest (ms)\t{times[^1]:F0}");
        System.Console.WriteLine($"first screen CPU (ms)\t{firstCpu:F0}");
        System.Console.WriteLine($"jump median CPU (ms)\t{cpuTimes[cpuTimes.Count / 2]:F0}");
        System.Console.WriteLine($"jump slowest CPU (ms)\t{cpuTimes[^1]:F0}");
        System.Console.WriteLine($"tasks list at the end (ms)\t{layout:F0}");
        System.Console.WriteLine($"tasks list sorted again (ms)\t{sort:F0}");
        System.Console.WriteLine($"jump median GC pause (ms)\t{pauses[pauses.Count / 2]:F0}");
        System.Console.WriteLine($"jump longest GC pause (ms)\t{pauses[^1]:F0}");
        System.Console.WriteLine($"peak memory by the first screen (MiB)\t{firstPeak}");
        System.Console.WriteLine($"peak memory (MiB)\t{PeakMebibytes(process)}");
        return 0;
    }

    /// <summary>The interactive tasks list of <paramref name="snapshot"/> laid out as the console first shows it, then sorted by polls, in ms.</summary>
    private static (double Layout, double Sort) TasksList(ConsoleSnapshot snapshot)
    {
        var list = new TableCache<TaskRow>();
        var cursor = new ListCursor();
        var clock = Stopwatch.StartNew();
        list.Get(snapshot, snapshot.Tasks, _ => true, TaskColumns.All, cursor);
        var layout = clock.Elapsed.TotalMilliseconds;
        cursor.SortColumn = TaskColumns.All.ToList().FindIndex(column => column.Name == "Polls");
        clock.Restart();
        list.Get(snapshot, snapshot.Tasks, _ => true, TaskColumns.All, cursor);
        return (layout, clock.Elapsed.TotalMilliseconds);
    }

    private static long PeakMebibytes(Process process)
    {
        process.Refresh();
        return process.PeakWorkingSet64 / (1024 * 1024);
    }

    private static double CpuMilliseconds(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static void Draw(RecordingTimeline timeline, ulong at) =>
        ConsoleFrames.Draw(timeline, new FrameChoice(FrameView.Tasks), at, new FrameOptions(FrameSize.Default));
}
