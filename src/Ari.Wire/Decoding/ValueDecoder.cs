using System.Buffers.Binary;

namespace Ari.Wire;

/// <summary>
/// A callback's values, which run to the end of its body: <see cref="Check"/> reads them when the frame
/// arrives (no objects), <see cref="Decode"/> makes them objects when the record is handed on, perhaps on
/// another thread. Both read a value with the same code, through a checking reader when the bytes are new
/// and a trusting one when they have passed. A decoder keeps a string cache, so it belongs to one thread.
/// </summary>
internal sealed class ValueDecoder
{
    private readonly StringCache _strings = new();

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
    public FieldValues Decode(ReadOnlySpan<byte> values, int count)
    {
        if (count == 0)
        {
            return FieldValues.Empty;
        }

        var fields = new Field[count];
        var reader = new TrustedReader(values);
        for (int i = 0; i < fields.Length; i++)
        {
            int index = (int)reader.ReadVarint();
            fields[i] = new Field(index, ReadValue(ref reader, _strings));
        }

        return FieldValues.Own(fields);
    }

    /// <summary>One value; without <paramref name="strings"/>, strings are only checked and come back as default.</summary>
    private static FieldValue ReadValue<TReader>(ref TReader reader, StringCache? strings)
        where TReader : IValueReader, allows ref struct
    {
        long at = reader.Offset;
        byte type = reader.ReadByte();
        switch (type)
        {
            case 0: return FieldValue.FromI64(Varint.UnZigZag(reader.ReadVarint()));
            case 1: return FieldValue.FromU64(reader.ReadVarint());
            case 2: return FieldValue.FromI128(BinaryPrimitives.ReadInt128LittleEndian(reader.ReadFixed(16)));
            case 3: return FieldValue.FromU128(BinaryPrimitives.ReadUInt128LittleEndian(reader.ReadFixed(16)));
            case 4: return FieldValue.FromF64(BinaryPrimitives.ReadDoubleLittleEndian(reader.ReadFixed(8)));
            case 5: return FieldValue.FromBool(false);
            case 6: return FieldValue.FromBool(true);
            case 7 or 8 or 9 when strings is null:
                reader.ReadUtf8();
                return default;
            case 7: return FieldValue.FromStr(strings.Get(reader.ReadUtf8()));
            case 8: return FieldValue.FromDebug(strings.Get(reader.ReadUtf8()));
            case 9: return FieldValue.FromError(strings.Get(reader.ReadUtf8()));
            default:
                reader.Fail(at, $"unknown value type {type}");
                return default;
        }
    }
}
