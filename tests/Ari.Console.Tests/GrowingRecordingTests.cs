using Ari.Console.Model;
using Ari.Console.Ui;
using Ari.Testing;
using Ari.Wire;

namespace Ari.Console.Tests;

/// <summary>
/// A recording read while it is written, as the live console reads it: each read goes on from the last
/// one, shows every record released so far and no more, and what it shows, at its end and at moments
/// before, is what the whole recording says of the same moments.
/// </summary>
public sealed class GrowingRecordingTests
{
    [Theory]
    [InlineData("workers")]
    [InlineData("http")]
    public void Each_read_goes_on_from_the_last_and_shows_what_the_whole_recording_shows(string program)
    {
        var whole = File.ReadAllBytes(SnapshotAgreementTests.RecordingOf(program));
        var records = DecodedRecords.Of(whole);
        var path = Examples.ScratchFile("growing.ari");
        using var writer = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var ended = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var feed = new LiveFeed(path, ended.Task);

        var reads = new List<RecordingTimeline>();
        var written = 0;
        foreach (var watermark in Spread(records.OfType<Watermark>().ToList(), 5))
        {
            var end = FrameEnd(whole, watermark.Offset);
            writer.Write(whole, written, end - written);
            written = end;
            // Everything numbered below the watermark is released, and nothing after it, once the reader has read this far.
            var released = records.OfType<CallbackRecord>().Count(record => record.Sequence < watermark.Sequence && record is not IdChange);
            reads.Add(ReadUntil(feed, released));
        }
        writer.Write(whole, written, whole.Length - written);
        ended.SetResult("exited with code 0");
        var last = feed.Read();

        using var opened = RecordingTimeline.Open(path);
        Assert.Null(last.Recording.Problem);
        Assert.Equal(opened.Recording.Entries, last.Recording.Entries);
        Assert.Equal(Describe(opened.AtEnd), Describe(last.AtEnd));
        Assert.True(reads.Count >= 2, $"{program}'s recording has {reads.Count} watermarks to read up to");
        var activeLater = 0;
        foreach (var read in reads)
        {
            var (start, end) = (read.Recording.Start, read.Recording.End);
            Assert.Equal(Describe(opened.SnapshotAt(end)), Describe(read.AtEnd));
            Assert.Equal(Describe(opened.SnapshotAt(start + ((end - start) / 2))), Describe(read.SnapshotAt(start + ((end - start) / 2))));
            // The file has grown since this read, but its timeline goes no further than what it read.
            foreach (var task in read.AtEnd.Tasks.Where(task => task.State != TaskState.Done).Take(3))
            {
                Assert.Null(read.NextActivity(task, end));
                activeLater += opened.NextActivity(task, end) is null ? 0 : 1;
            }
            read.Dispose();
        }
        Assert.True(activeLater > 0, "some task was polled or woken after an earlier read's end");
    }

    [Fact]
    public async Task A_followed_file_waits_at_its_end_until_its_writer_is_done()
    {
        var path = Examples.ScratchFile("followed.bin");
        await File.WriteAllBytesAsync(path, [1, 2]);
        var done = false;
        using var followed = new FollowedFile(path, () => Volatile.Read(ref done));
        var buffer = new byte[8];
        Assert.Equal(2, followed.Read(buffer));

        var reading = Task.Run(() => followed.Read(buffer));
        await Task.Delay(100);
        Assert.False(reading.IsCompleted, "a read at the end waits for more");
        await File.AppendAllTextAsync(path, "\u0003");
        Assert.Equal(1, await reading.WaitAsync(TimeSpan.FromSeconds(30)));

        Volatile.Write(ref done, true);
        Assert.Equal(0, followed.Read(buffer));
    }

    /// <summary>Reads until the timeline holds <paramref name="entries"/> entries (the reader follows the file a little behind the writer).</summary>
    private static RecordingTimeline ReadUntil(LiveFeed feed, long entries)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var timeline = feed.Read();
            Assert.True(timeline.Recording.Entries <= entries, $"{timeline.Recording.Entries} entries read where {entries} are released");
            if (timeline.Recording.Entries == entries || DateTime.UtcNow > deadline)
            {
                Assert.Equal(entries, timeline.Recording.Entries);
                return timeline;
            }
            timeline.Dispose();
            Thread.Sleep(20);
        }
    }

    /// <summary>At most <paramref name="count"/> of the items, evenly spread.</summary>
    private static IEnumerable<T> Spread<T>(List<T> items, int count) =>
        items.Where((_, i) => i % Math.Max(1, items.Count / count) == 0).Take(count);

    /// <summary>Where the frame at <paramref name="offset"/> ends: after its length, a varint, and that many bytes.</summary>
    private static int FrameEnd(byte[] stream, long offset)
    {
        var at = (int)offset;
        ulong length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = stream[at++];
            length |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return at + (int)length;
            }
        }
    }

    private static string Describe(object? value) => CheckpointOracleTests.Describe(value);
}
