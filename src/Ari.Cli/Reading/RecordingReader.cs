using Ari.Model;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// Plays a recording into a sink, and then says on stderr how the recording ended: cut, damaged,
/// missing records, records out of order. Returns the exit code.
/// <c>beforeReport</c> runs before anything is said on stderr, e.g. to flush stdout first.
/// </summary>
internal static class RecordingReader
{
    public static int Read(string path, IEntrySink sink, TextWriter error)
    {
        using var source = Open(path);
        return Read(path, source, sink, error);
    }

    /// <summary>Plays <paramref name="source"/>, opened from <paramref name="path"/> with <see cref="Open"/>, into a sink; as above.</summary>
    public static int Read(string path, RecordSource source, IEntrySink sink, TextWriter error, Action? beforeReport = null)
    {
        var end = new Replay().Play(source, sink);
        beforeReport?.Invoke();
        return Report(path, end, error);
    }

    /// <summary>
    /// <see cref="Read(string, IEntrySink, TextWriter)"/>, or with <see cref="RecordingCut.Until"/> the
    /// records up to that moment (resolved against the first record's time once it is read): then
    /// <paramref name="stoppedAtCut"/> says records were left after it, and nothing is said of how the
    /// recording ends, which the reader has not seen.
    /// </summary>
    public static int Read(RecordingCut cut, IEntrySink sink, TextWriter error, out bool stoppedAtCut)
    {
        stoppedAtCut = false;
        if (cut.Until is not { } until)
        {
            return Read(cut.Path, sink, error);
        }
        using var cursor = new ReplayCursor(Open(cut.Path), new Replay());
        // Stream records only: the cursor stops before the first callback record, whose time the bound is measured from.
        cursor.Play(sink, until: 0);
        if (cursor.NextTimestamp is { } first)
        {
            cursor.Play(sink, until.StreamTimestamp(first, cursor.Replay.Start?.AnchorUnixNanos ?? 0));
        }
        stoppedAtCut = !cursor.IsAtEnd;
        return stoppedAtCut ? ExitCodes.Ok : Report(cut.Path, cursor.Ending, error);
    }

    /// <summary>Opens a recording file; a file that cannot be read is the user's error.</summary>
    public static RecordSource Open(string path)
    {
        try
        {
            return RecordSource.OpenFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>Says on stderr how a recording or live stream ended; returns the exit code that means.</summary>
    public static int Report(string path, RecordingEnd end, TextWriter error)
    {
        if (end.Damage is { } damage)
        {
            error.WriteLine($"ari: {path}: {damage.Message}; the {end.Entries} records before it are shown");
            return ExitCodes.BadRecording;
        }
        if (end.Dropped is { Records: > 0 } dropped)
        {
            error.WriteLine($"ari: {path}: the tap dropped {dropped.Records} records ({dropped.Batches} batches) because its reader could not keep up");
        }
        if (end.LateCount > 0)
        {
            var records = end.LateCount == 1 ? "1 record" : $"{end.LateCount} records";
            error.WriteLine($"ari: {path}: {records} came out of order (numbered below a watermark, or with a number already seen), which the tap never writes; shown where they arrived");
        }
        if (end.Cut is { } cut)
        {
            error.WriteLine($"ari: {path}: the recording is cut at byte {cut.Offset} ({cut.BytesLeftOver} bytes of a partial record); the {end.Entries} records before it are shown");
            return ExitCodes.IncompleteRecording;
        }
        if (!end.StreamEndSeen)
        {
            if (!end.Started)
            {
                error.WriteLine($"ari: {path}: the recording is empty (the program wrote nothing to the tap)");
            }
            else
            {
                error.WriteLine($"ari: {path}: the recording stops at byte {end.BytesConsumed} without the tap's end record (the program was killed, or is still running); the {end.Entries} records before it are shown");
            }
            return ExitCodes.IncompleteRecording;
        }
        return ExitCodes.Ok;
    }
}
