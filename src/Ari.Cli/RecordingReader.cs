using Ari.Model;
using Ari.Wire;

namespace Ari.Cli;

/// <summary>
/// Reads a recording through the replay, hands every entry on, and then says on stderr how the
/// recording ended: cut, damaged, missing records, records out of order. Returns the exit code.
/// <c>beforeReport</c> runs before anything is said on stderr, e.g. to flush stdout first.
/// </summary>
internal static class RecordingReader
{
    public static int Read(string path, Action<TraceEntry, Replay> onEntry, TextWriter error, Action? beforeReport = null)
    {
        var replay = new Replay();
        RecordSource source;
        try
        {
            source = RecordSource.OpenFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read {path}: {e.Message}");
        }

        using (source)
        {
            try
            {
                foreach (ref readonly var item in source.ReadItems())
                {
                    if (replay.TryApply(item, out var entry))
                    {
                        onEntry(entry, replay);
                    }
                }
            }
            catch (WireFormatException e)
            {
                beforeReport?.Invoke();
                error.WriteLine($"ari: {path}: {e.Message}; the {replay.Entries} records before it are shown");
                return ExitCodes.BadRecording;
            }

            beforeReport?.Invoke();
            return Report(path, replay, source, error);
        }
    }

    /// <summary>Says on stderr how a recording or live stream ended; returns the exit code that means.</summary>
    public static int Report(string path, Replay replay, RecordSource source, TextWriter error)
    {
        if (replay.Dropped is { Records: > 0 } dropped)
        {
            error.WriteLine($"ari: {path}: the tap dropped {dropped.Records} records ({dropped.Batches} batches) because its reader could not keep up");
        }
        if (source.LateCount > 0)
        {
            var records = source.LateCount == 1 ? "1 record" : $"{source.LateCount} records";
            error.WriteLine($"ari: {path}: {records} came out of order (numbered below a watermark, or with a number already seen), which the tap never writes; shown where they arrived");
        }
        if (source.Truncation is { } cut)
        {
            error.WriteLine($"ari: {path}: the recording is cut at byte {cut.Offset} ({cut.BytesLeftOver} bytes of a partial record); the {replay.Entries} records before it are shown");
            return ExitCodes.IncompleteRecording;
        }
        if (!source.StreamEndSeen)
        {
            if (replay.Start is null)
            {
                error.WriteLine($"ari: {path}: the recording is empty (the program wrote nothing to the tap)");
            }
            else
            {
                error.WriteLine($"ari: {path}: the recording stops at byte {source.BytesConsumed} without the tap's end record (the program was killed, or is still running); the {replay.Entries} records before it are shown");
            }
            return ExitCodes.IncompleteRecording;
        }
        return ExitCodes.Ok;
    }
}
