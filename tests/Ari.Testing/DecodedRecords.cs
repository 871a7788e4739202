using Ari.Wire;

namespace Ari.Testing;

/// <summary>
/// What a reader hands on, as the record objects a <see cref="WireWriter"/> is given, so that a test can
/// compare what was read with what was written.
/// </summary>
public static class DecodedRecords
{
    /// <summary>Every record of a recording's bytes, in the order a <see cref="RecordSource"/> yields them.</summary>
    public static List<WireRecord> Of(byte[] recording)
    {
        using var source = new RecordSource(new MemoryStream(recording));
        return Of(source);
    }

    public static List<WireRecord> OfFile(string path)
    {
        using var source = RecordSource.OpenFile(path);
        return Of(source);
    }

    public static List<WireRecord> Of(RecordSource source) => [.. source.ReadItems().Select(item => From(item))];

    public static WireRecord From(in WireItem item) => item.Kind switch
    {
        _ when item.Stream is { } stream => stream,
        RecordKind.NewSpan => new NewSpan(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId, item.CallsiteIndex, item.Parent, item.Values),
        RecordKind.Event => new Event(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.CallsiteIndex, item.Parent, item.Values),
        RecordKind.Record => new Record(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId, item.Values),
        RecordKind.Enter => new Enter(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId),
        RecordKind.Exit => new Exit(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId),
        RecordKind.Close => new Close(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId),
        RecordKind.FollowsFrom => new FollowsFrom(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId, item.OtherId),
        RecordKind.IdChange => new IdChange(item.Offset, item.Sequence, item.Timestamp, item.ThreadIndex, item.SpanId, item.OtherId),
        _ => throw new ArgumentException($"no record for {item.Kind}", nameof(item)),
    };

    /// <summary>
    /// Records written again as a recording, each callback record in a batch of its own: read back, the
    /// records come out in the order given (stream records as they come, callbacks by their numbers).
    /// </summary>
    public static byte[] Recording(IEnumerable<WireRecord> records)
    {
        var output = new System.Buffers.ArrayBufferWriter<byte>();
        var writer = new WireWriter(output);
        writer.WriteHeader();
        foreach (var record in records)
        {
            if (record is CallbackRecord callback)
            {
                writer.WriteBatch(callback);
            }
            else
            {
                writer.Write(record);
            }
        }
        return output.WrittenSpan.ToArray();
    }
}
