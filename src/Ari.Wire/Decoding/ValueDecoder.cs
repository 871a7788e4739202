namespace Ari.Wire;

/// <summary>
/// A callback's values, which run to the end of its body: <see cref="Check"/> reads them when the frame
/// arrives (no objects), <see cref="Decode"/> makes them objects when the record is handed on, perhaps on
/// another thread. A decoder keeps a string cache and a scratch array, so it belongs to one thread.
/// </summary>
internal sealed class ValueDecoder
{
    private Field[] _fields = new Field[16];
    private readonly StringCache _strings = new();

    /// <summary>Checks every value, failing with the offset of the first bad one.</summary>
    public static void Check(ref BodyReader body)
    {
        while (!body.AtEnd)
        {
            body.ReadIndex("field index");
            ReadValue(ref body, strings: null);
        }
    }

    /// <summary>Values that <see cref="Check"/> has passed: decoding them cannot fail.</summary>
    public FieldValues Decode(ReadOnlySpan<byte> values)
    {
        if (values.IsEmpty)
        {
            return FieldValues.Empty;
        }

        // Collects into a reused scratch array so each record allocates exactly one array of its own.
        var body = new BodyReader(values, 0, 0, 0, RecordKind.Event);
        int count = 0;
        while (!body.AtEnd)
        {
            int index = body.ReadIndex("field index");
            if (count == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[count++] = new Field(index, ReadValue(ref body, _strings));
        }

        return FieldValues.Own(_fields.AsSpan(0, count).ToArray());
    }

    /// <summary>One value; without <paramref name="strings"/>, strings are only checked and come back as default.</summary>
    private static FieldValue ReadValue(ref BodyReader body, StringCache? strings)
    {
        long at = body.Offset;
        byte type = body.ReadByte();
        switch (type)
        {
            case 0: return FieldValue.FromI64(body.ReadZigZag());
            case 1: return FieldValue.FromU64(body.ReadVarint());
            case 2: return FieldValue.FromI128(body.ReadI128());
            case 3: return FieldValue.FromU128(body.ReadU128());
            case 4: return FieldValue.FromF64(body.ReadF64());
            case 5: return FieldValue.FromBool(false);
            case 6: return FieldValue.FromBool(true);
            case 7 or 8 or 9 when strings is null:
                body.SkipString();
                return default;
            case 7: return FieldValue.FromStr(body.ReadString(strings));
            case 8: return FieldValue.FromDebug(body.ReadString(strings));
            case 9: return FieldValue.FromError(body.ReadString(strings));
            default:
                body.Fail(at, $"unknown value type {type}");
                return default;
        }
    }
}
