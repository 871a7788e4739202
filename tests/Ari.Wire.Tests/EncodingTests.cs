using System.Buffers;

namespace Ari.Wire.Tests;

/// <summary>
/// Exact bytes, written out by hand from docs/wire-format.md. Round trips alone would pass a writer and a
/// reader that agree with each other but not with the spec (and so not with ari-tap).
/// </summary>
public class EncodingTests
{
    private static byte[] Write(Action<WireWriter> write)
    {
        var output = new ArrayBufferWriter<byte>();
        write(new WireWriter(output));
        return output.WrittenSpan.ToArray();
    }

    [Fact]
    public void Header_is_magic_version_flags()
    {
        Assert.Equal([0x41, 0x52, 0x49, 0x54, 0x41, 0x50, 0x01, 0x00], Write(w => w.WriteHeader()));
    }

    [Fact]
    public void The_spec_example_batch_is_delta_encoded()
    {
        byte[] bytes = Write(w =>
        {
            w.WriteBatch(
                new Enter(0, 1, 51234 + 310, 0, 1),
                new Exit(0, 2, 51234 + 405, 0, 1),
                new Close(0, 3, 51234 + 445, 0, 1));
            w.Write(new Watermark(0, 4));
        });

        byte[] expected =
        [
            0x06, 0x10, 0x00, 0x01, 0xD8, 0x92, 0x03, // Batch thread 0, seq 1, ts 51544
            0x04, 0x24, 0x00, 0x00, 0x01,             // Enter seq+0 ts+0 id 1
            0x04, 0x25, 0x01, 0x5F, 0x01,             // Exit seq+1 ts+95 id 1
            0x04, 0x26, 0x01, 0x28, 0x01,             // Close seq+1 ts+40 id 1
            0x02, 0x04, 0x04,                         // Watermark 4
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Callsite_writes_line_plus_one_and_field_names_in_order()
    {
        byte[] bytes = Write(w =>
        {
            w.Write(new Callsite(0, 2, CallsiteKind.Event, Level.Warn, "n", "t", "m", "f", 0, ["a", "bc"]));
            w.Write(new Callsite(0, 3, CallsiteKind.Span, Level.Trace, "", "", "", "", null, []));
        });

        byte[] expected =
        [
            0x13, 0x02, 0x02, 0x01, 0x03, 0x01, (byte)'n', 0x01, (byte)'t', 0x01, (byte)'m', 0x01, (byte)'f',
            0x01, 0x02, 0x01, (byte)'a', 0x02, (byte)'b', (byte)'c',
            0x0A, 0x02, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Values_use_zigzag_varint_little_endian_and_two_bool_codes()
    {
        var values = FieldValues.Create(
            new Field(0, FieldValue.FromI64(-1)),
            new Field(1, FieldValue.FromI64(64)),
            new Field(2, FieldValue.FromU64(300)),
            new Field(3, FieldValue.FromI128(-2)),
            new Field(4, FieldValue.FromU128(1)),
            new Field(5, FieldValue.FromF64(1.0)),
            new Field(6, FieldValue.FromBool(false)),
            new Field(7, FieldValue.FromBool(true)),
            new Field(8, FieldValue.FromStr("s")),
            new Field(9, FieldValue.FromDebug("d")),
            new Field(10, FieldValue.FromError("e")));
        byte[] bytes = Write(w => w.WriteBatch(new Event(0, 0, 0, 0, 1, SpanParent.Explicit(300), values)));

        byte[] body =
        [
            0x23, 0x00, 0x00, 0x01, 0x02, 0xAC, 0x02,
            0x00, 0x00, 0x01,
            0x01, 0x00, 0x80, 0x01,
            0x02, 0x01, 0xAC, 0x02,
            0x03, 0x02, .. Enumerable.Repeat((byte)0xFF, 15).Prepend((byte)0xFE),
            0x04, 0x03, 0x01, .. new byte[15],
            0x05, 0x04, 0, 0, 0, 0, 0, 0, 0xF0, 0x3F,
            0x06, 0x05,
            0x07, 0x06,
            0x08, 0x07, 0x01, (byte)'s',
            0x09, 0x08, 0x01, (byte)'d',
            0x0A, 0x09, 0x01, (byte)'e',
        ];
        Assert.Equal([0x04, 0x10, 0x00, 0x00, 0x00, (byte)body.Length, .. body], bytes);
    }

    [Fact]
    public void Frame_lengths_over_127_take_two_varint_bytes()
    {
        byte[] bytes = Write(w => w.Write(new ThreadInfo(0, 0, 0, new string('x', 200))));

        Assert.Equal([0xCD, 0x01, 0x03, 0x00, 0x00, 0xC8, 0x01], bytes[..7]);
        Assert.Equal(2 + 205, bytes.Length);
    }
}
