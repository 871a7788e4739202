namespace Ari.Wire.Tests;

public class RoundTripTests
{
    public static readonly WireRecord[] StreamRecords =
    [
        new StreamStart(0, ulong.MaxValue, 0, "prögram ✓", ""),
        Samples.SpawnCallsite,
        Samples.WakerCallsite,
        new Callsite(0, WireFormat.MaxIndex, CallsiteKind.Event, Level.Error, "", "", "", "", 0, []),
        new Callsite(0, 3, CallsiteKind.Span, Level.Warn, "n", "t", "m", "f", uint.MaxValue, ["a"]),
        new Callsite(0, 4, CallsiteKind.Span, Level.Debug, "n", "t", "m", "f", 1, []),
        new Callsite(0, 5, CallsiteKind.Span, Level.Info, "n", "t", "m", "f", 2, []),
        new ThreadInfo(0, 0, 4711, "main"),
        new ThreadInfo(0, 7, ulong.MaxValue, ""),
        new Watermark(0, 0),
        new Watermark(0, ulong.MaxValue),
        new WatermarkClock(0, 1UL << 40, ulong.MaxValue),
        new Dropped(0, 123456789, 3),
        new StreamEnd(0, 1 << 40, 0),
    ];

    [Fact]
    public void Every_stream_record_kind_survives_a_round_trip()
    {
        var b = new RecordingBuilder();
        b.Add(StreamRecords);

        var (records, truncation, decoder) = Decode.All(b.ToArray());

        Assert.Equal(Decode.InReleaseOrder(b.Records), records);
        Assert.Null(truncation);
        Assert.True(decoder.StreamEndSeen);
    }

    [Fact]
    public void Every_callback_record_kind_survives_a_round_trip_with_absolute_sequence_and_time()
    {
        ulong big = 1UL << 62;
        var b = new RecordingBuilder();
        b.Batch(
            new NewSpan(0, big, big, 2, 1, 0, SpanParent.Contextual, Samples.SpawnValues),
            new NewSpan(0, big + 1, big, 2, ulong.MaxValue, 1, SpanParent.Root, FieldValues.Empty),
            new NewSpan(0, big + 2, big + 7, 2, 2, 1, SpanParent.Explicit(ulong.MaxValue), FieldValues.Empty),
            new Record(0, big + 300, big + 7, 2, 1, FieldValues.Create(new Field(1, FieldValue.FromBool(true)))),
            new Record(0, big + 301, big + 8, 2, 1, FieldValues.Empty),
            new FollowsFrom(0, big + 302, big + 9, 2, 1, 2),
            new Event(0, big + 303, big + 100_000, 2, 0, SpanParent.Contextual, FieldValues.Create(new Field(0, FieldValue.FromDebug("hi")))),
            new Event(0, big + 304, big + 100_000, 2, 0, SpanParent.Root, FieldValues.Empty),
            new Event(0, big + 305, big + 100_001, 2, 0, SpanParent.Explicit(2), FieldValues.Empty),
            new Enter(0, big + 306, big + 100_002, 2, 1),
            new Exit(0, big + 307, ulong.MaxValue, 2, 1),
            new Close(0, big + 308, ulong.MaxValue, 2, 1),
            new IdChange(0, ulong.MaxValue, ulong.MaxValue, 2, 3, 4));

        var (records, truncation, decoder) = Decode.All(b.ToArray());

        Assert.Equal(Decode.InReleaseOrder(b.Records), records);
        Assert.Null(truncation);
        Assert.False(decoder.StreamEndSeen);
    }

    public static TheoryData<string, FieldValue> Values => new()
    {
        { "i64 0", FieldValue.FromI64(0) },
        { "i64 -1", FieldValue.FromI64(-1) },
        { "i64 min", FieldValue.FromI64(long.MinValue) },
        { "i64 max", FieldValue.FromI64(long.MaxValue) },
        { "u64 0", FieldValue.FromU64(0) },
        { "u64 max", FieldValue.FromU64(ulong.MaxValue) },
        { "i128 min", FieldValue.FromI128(Int128.MinValue) },
        { "i128 -2", FieldValue.FromI128(-2) },
        { "i128 max", FieldValue.FromI128(Int128.MaxValue) },
        { "u128 max", FieldValue.FromU128(UInt128.MaxValue) },
        { "u128 high word", FieldValue.FromU128(new UInt128(0x0102030405060708, 0x090A0B0C0D0E0F10)) },
        { "f64 pi", FieldValue.FromF64(Math.PI) },
        { "f64 -0", FieldValue.FromF64(-0.0) },
        { "f64 nan", FieldValue.FromF64(double.NaN) },
        { "f64 -inf", FieldValue.FromF64(double.NegativeInfinity) },
        { "bool false", FieldValue.FromBool(false) },
        { "bool true", FieldValue.FromBool(true) },
        { "str empty", FieldValue.FromStr("") },
        { "str unicode", FieldValue.FromStr("héllo \"wörld\" 🦀\n") },
        { "str long", FieldValue.FromStr(new string('x', 100_000)) },
        { "debug", FieldValue.FromDebug("Some(42)") },
        { "error", FieldValue.FromError("connection reset by peer") },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_value_type_survives_a_round_trip(string name, FieldValue value)
    {
        var values = FieldValues.Create(new Field(0, value), new Field(WireFormat.MaxIndex, value), new Field(3, FieldValue.FromU64(1)));
        var b = new RecordingBuilder();
        b.Batch(
            new NewSpan(0, 0, 0, 0, 1, 0, SpanParent.Contextual, values),
            new Record(0, 1, 0, 0, 1, values),
            new Event(0, 2, 0, 0, 0, SpanParent.Root, values));

        var (records, _, _) = Decode.All(b.ToArray());

        Assert.Equal(Decode.InReleaseOrder(b.Records), records);
        Event decoded = Assert.IsType<Event>(records[2]);
        Assert.Equal(value.Type, decoded.Values[0].Value.Type);
        Assert.Equal(value.ToString(), decoded.Values[1].Value.ToString());
        Assert.Equal(WireFormat.MaxIndex, decoded.Values[1].Index);
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Unknown_kinds_are_skipped_and_do_not_end_a_batch()
    {
        var b = new RecordingBuilder();
        b.Batch(new Enter(0, 10, 5, 0, 1));
        b.Frame(0x7F);
        b.Frame(0x0F, 0xFF, 0xFF, 0xFF);
        b.Frame(0x00, 1, 2);
        b.Add(new Exit(0, 11, 6, 0, 1));

        var (records, truncation, decoder) = Decode.All(b.ToArray());

        Assert.Equal(Decode.InReleaseOrder(b.Records), records);
        Assert.Null(truncation);
        Assert.Equal(6, decoder.FramesRead);
    }

    [Fact]
    public void Invalid_utf8_becomes_replacement_characters_rather_than_an_error()
    {
        var b = new RecordingBuilder();
        b.Frame((byte)RecordKind.Thread, 0, 1, 3, (byte)'a', 0xFF, (byte)'b');

        var (records, _, _) = Decode.All(b.ToArray());

        Assert.Equal("a\uFFFDb", Assert.IsType<ThreadInfo>(Assert.Single(records)).Name);
    }

    [Fact]
    public void Header_flags_are_kept_and_otherwise_ignored()
    {
        byte[] data = [.. "ARITAP"u8, 1, 0xA5];

        var (records, truncation, decoder) = Decode.All(data);

        Assert.Empty(records);
        Assert.Null(truncation);
        Assert.Equal(0xA5, decoder.Flags);
    }

    [Fact]
    public void Writer_rejects_callback_records_that_break_batch_rules()
    {
        var writer = new WireWriter(new System.Buffers.ArrayBufferWriter<byte>());
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Enter(0, 0, 0, 0, 1)));

        writer.BeginBatch(0, 5, 100);
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Enter(0, 5, 100, 1, 1)));
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Enter(0, 6, 100, 0, 1)));
        writer.Write(new Enter(0, 5, 100, 0, 1));
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Exit(0, 5, 100, 0, 1)));
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Exit(0, 6, 99, 0, 1)));

        writer.Write(new Watermark(0, 3));
        Assert.Throws<InvalidOperationException>(() => writer.Write(new Exit(0, 6, 100, 0, 1)));
    }
}
