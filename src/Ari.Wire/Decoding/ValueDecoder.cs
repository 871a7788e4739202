using System.Buffers.Binary;

namespace Ari.Wire;

/// <summary>
/// A callback's values, which run to the end of its body: <see cref="Check"/> reads them when the frame
/// arrives (no objects), <see cref="Decode"/> makes them objects when someone reads them
/// (<see cref="EncodedValues"/>), perhaps on another thread. Both read a value with the same code,
/// through a checking reader when the bytes are new and a trusting one when they have passed. A decoder
/// keeps a string cache, so it belongs to one thread.
/// </summary>
internal sealed class ValueDecoder
{
    private readonly StringCache _strings = new();

    /// <summary>
    /// Counts values that are sound, reading only their sizes: false at the first thing <see cref="Check"/>
    /// would refuse, for it to say what and where. The same grammar as <see cref="ReadValue"/>'s, which
    /// decodes; this only steps over each value, for the reader's fast path.
    /// </summary>
    public static bool TryCount(ReadOnlySpan<byte> values, out int count)
    {
        count = 0;
        int at = 0;
        while (at < values.Length)
        {
            if (!TrySmall(values, ref at, out ulong index) || index > WireFormat.MaxIndex || at == values.Length)
            {
                return false;
            }

            var tag = (ValueTag)values[at++];
            int size = tag switch
            {
                ValueTag.I64 or ValueTag.U64 => TrySmall(values, ref at, out _) ? 0 : -1,
                ValueTag.I128 or ValueTag.U128 => 16,
                ValueTag.F64 => 8,
                ValueTag.False or ValueTag.True => 0,
                ValueTag.Str or ValueTag.Debug or ValueTag.Error => TrySmall(values, ref at, out ulong length) && length <= int.MaxValue ? (int)length : -1,
                _ => -1,
            };
            if (size < 0 || size > values.Length - at)
            {
                return false;
            }

            at += size;
            count++;
        }

        return true;
    }

    /// <summary>
    /// A varint, read in place when it is one byte, as field indexes, string lengths and most numbers
    /// are: this runs for every value of three records in ten, before any other work on them.
    /// </summary>
    private static bool TrySmall(ReadOnlySpan<byte> bytes, ref int at, out ulong value)
    {
        if ((uint)at < (uint)bytes.Length && bytes[at] < 0x80)
        {
            value = bytes[at++];
            return true;
        }

        return TryStep(bytes, ref at, out value);
    }

    private static bool TryStep(ReadOnlySpan<byte> bytes, ref int at, out ulong value)
    {
        bool read = Varint.TryRead(bytes[at..], out value, out int length) == VarintStatus.Done;
        at += length;
        return read;
    }

    /// <summary>Checks every value, failing with the offset of the first bad one. Returns how many there are.</summary>
    public static int Check(ref BodyReader body)
    {
        int count = 0;
        while (!body.AtEnd)
        {
            body.ReadIndex("field index");
            ReadValue(ref body, strings: null);
            count++;
        }

        return count;
    }

    /// <summary>
    /// The <paramref name="count"/> values that <see cref="Check"/> has passed: decoding them cannot fail,
    /// so nothing is checked again, and they go straight into an array of their own.
    /// </summary>
    public Field[] Decode(ReadOnlySpan<byte> values, int count)
    {
        var fields = new Field[count];
        var reader = new TrustedReader(values);
        for (int i = 0; i < fields.Length; i++)
        {
            int index = (int)reader.ReadVarint();
            fields[i] = new Field(index, ReadValue(ref reader, _strings));
        }

        return fields;
    }

    /// <summary>One value; without <paramref name="strings"/>, strings are only checked and come back as default.</summary>
    private static FieldValue ReadValue<TReader>(ref TReader reader, StringCache? strings)
        where TReader : IValueReader, allows ref struct
    {
        long at = reader.Offset;
        var tag = (ValueTag)reader.ReadByte();
        switch (tag)
        {
            case ValueTag.I64: return FieldValue.FromI64(Varint.UnZigZag(reader.ReadVarint()));
            case ValueTag.U64: return FieldValue.FromU64(reader.ReadVarint());
            case ValueTag.I128: return FieldValue.FromI128(BinaryPrimitives.ReadInt128LittleEndian(reader.ReadFixed(16)));
            case ValueTag.U128: return FieldValue.FromU128(BinaryPrimitives.ReadUInt128LittleEndian(reader.ReadFixed(16)));
            case ValueTag.F64: return FieldValue.FromF64(BinaryPrimitives.ReadDoubleLittleEndian(reader.ReadFixed(8)));
            case ValueTag.False: return FieldValue.FromBool(false);
            case ValueTag.True: return FieldValue.FromBool(true);
            case ValueTag.Str or ValueTag.Debug or ValueTag.Error when strings is null:
                reader.ReadUtf8();
                return default;
            case ValueTag.Str: return FieldValue.FromStr(strings.Get(reader.ReadUtf8()));
            case ValueTag.Debug: return FieldValue.FromDebug(strings.Get(reader.ReadUtf8()));
            case ValueTag.Error: return FieldValue.FromError(strings.Get(reader.ReadUtf8()));
            default:
                reader.Fail(at, $"unknown value type {(byte)tag}");
                return default;
        }
    }
}
