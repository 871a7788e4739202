using Ari.Testing;

namespace Ari.Model.Tests;

/// <summary>
/// Real recordings, cut at every byte and split at every position: the replay shows exactly the
/// whole records before a cut, and the same entries however the bytes are split.
/// </summary>
public sealed class CutAndSplitTests
{
    public static TheoryData<string> Recordings => ["spinner", "wakes", "oneshot", "workers"];

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_cut_shows_a_subsequence_of_the_whole(string example)
    {
        var bytes = File.ReadAllBytes(Examples.Recorded(example).Recording);
        var whole = ReplayedRecording.Entries([bytes], ReplayedRecording.DescribeRecord);
        var index = whole.Select((entry, i) => (entry, i)).ToDictionary(pair => pair.entry, pair => pair.i);
        var previous = 0;
        for (var cut = 0; cut <= bytes.Length; cut++)
        {
            var partial = ReplayedRecording.Entries([bytes[..cut]], ReplayedRecording.DescribeRecord);
            // Batches of different threads arrive out of order: what a cut keeps is a subsequence.
            var positions = partial.Select(entry => index.TryGetValue(entry, out var i) ? i : -1).ToList();
            Assert.DoesNotContain(-1, positions);
            Assert.Equal(positions.Order(), positions);
            Assert.True(partial.Count >= previous, $"cut at {cut} lost records that a shorter cut had");
            previous = partial.Count;
        }
        Assert.Equal(whole.Count, previous);
    }

    [Theory]
    [MemberData(nameof(Recordings))]
    public void Every_split_gives_the_same_entries(string example)
    {
        var bytes = File.ReadAllBytes(Examples.Recorded(example).Recording);
        var whole = ReplayedRecording.Entries(bytes);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var split = ReplayedRecording.Entries([bytes.AsMemory(0, at), bytes.AsMemory(at)]);
            Assert.Equal(whole, split);
        }
        var oneByteAtATime = ReplayedRecording.Entries(Enumerable.Range(0, bytes.Length).Select(i => (ReadOnlyMemory<byte>)bytes.AsMemory(i, 1)));
        Assert.Equal(whole, oneByteAtATime);
    }
}
