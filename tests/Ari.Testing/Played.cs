using Ari.Model;
using Ari.Wire;

namespace Ari.Testing;

/// <summary>A recording played through the replay into a sink, as the commands do (<see cref="Replay.Play"/>).</summary>
public static class Played
{
    public static RecordingEnd File(string path, IEntrySink sink)
    {
        using var source = RecordSource.OpenFile(path);
        return new Replay().Play(source, sink);
    }

    public static RecordingEnd Bytes(byte[] recording, IEntrySink sink) => Into(new Replay(), recording, sink);

    /// <summary>Plays a recording into a replay that may have played others before: it carries on from where they left it.</summary>
    public static RecordingEnd Into(Replay replay, byte[] recording, IEntrySink sink)
    {
        using var source = new RecordSource(new MemoryStream(recording));
        return replay.Play(source, sink);
    }

    public static RecordingEnd File(string path, Action<TraceEntry, Replay> observe) => File(path, new EntryCallback(observe));

    public static RecordingEnd Bytes(byte[] recording, Action<TraceEntry, Replay> observe) => Bytes(recording, new EntryCallback(observe));
}
