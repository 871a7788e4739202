using Google.Protobuf;

namespace Ari.Export.Tests;

/// <summary>
/// A span as it arrived in an OTLP <c>ExportTraceServiceRequest</c>, decoded field by field with the
/// field numbers of opentelemetry-proto's trace.proto (what this test needs, nothing more).
/// </summary>
internal sealed record OtlpSpan(string TraceId, string SpanId, string ParentSpanId, string Name, ulong Start, ulong End,
    Dictionary<string, object> Attributes, List<(string TraceId, string SpanId, Dictionary<string, object> Attributes)> Links, List<string> Events)
{
    public static IEnumerable<OtlpSpan> Decode(byte[] request) =>
        Messages(request, 1).SelectMany(resourceSpans => Messages(resourceSpans, 2)).SelectMany(scopeSpans => Messages(scopeSpans, 2)).Select(Span);

    private static OtlpSpan Span(byte[] message)
    {
        var span = new OtlpSpan("", "", "", "", 0, 0, [], [], []);
        foreach (var (field, value) in Fields(message))
        {
            span = field switch
            {
                1 => span with { TraceId = Hex(value) },
                2 => span with { SpanId = Hex(value) },
                4 => span with { ParentSpanId = Hex(value) },
                5 => span with { Name = Text(value) },
                7 => span with { Start = (ulong)value },
                8 => span with { End = (ulong)value },
                _ => span,
            };
            switch (field)
            {
                case 9: AddAttribute(span.Attributes, (byte[])value); break;
                case 11: span.Events.Add(Fields((byte[])value).Where(f => f.Field == 2).Select(f => Text(f.Value)).Single()); break;
                case 13: span.Links.Add(Link((byte[])value)); break;
            }
        }
        return span;
    }

    private static (string, string, Dictionary<string, object>) Link(byte[] message)
    {
        var (traceId, spanId, attributes) = ("", "", new Dictionary<string, object>());
        foreach (var (field, value) in Fields(message))
        {
            switch (field)
            {
                case 1: traceId = Hex(value); break;
                case 2: spanId = Hex(value); break;
                case 4: AddAttribute(attributes, (byte[])value); break;
            }
        }
        return (traceId, spanId, attributes);
    }

    private static void AddAttribute(Dictionary<string, object> attributes, byte[] keyValue)
    {
        var fields = Fields(keyValue).ToList();
        var key = Text(fields.Single(f => f.Field == 1).Value);
        var any = Fields((byte[])fields.Single(f => f.Field == 2).Value).Single();
        attributes[key] = any.Field switch
        {
            1 => Text(any.Value),
            2 => (ulong)any.Value != 0,
            3 => (long)(ulong)any.Value,
            4 => BitConverter.UInt64BitsToDouble((ulong)any.Value),
            _ => any.Value,
        };
    }

    private static IEnumerable<byte[]> Messages(byte[] message, int field) =>
        Fields(message).Where(f => f.Field == field).Select(f => (byte[])f.Value);

    /// <summary>Every field: varints and fixed64 as ulong, length-delimited as bytes.</summary>
    private static List<(int Field, object Value)> Fields(byte[] message)
    {
        var fields = new List<(int, object)>();
        var input = new CodedInputStream(message);
        for (var tag = input.ReadTag(); tag != 0; tag = input.ReadTag())
        {
            var field = WireFormat.GetTagFieldNumber(tag);
            switch (WireFormat.GetTagWireType(tag))
            {
                case WireFormat.WireType.Varint: fields.Add((field, input.ReadUInt64())); break;
                case WireFormat.WireType.Fixed64: fields.Add((field, input.ReadFixed64())); break;
                case WireFormat.WireType.LengthDelimited: fields.Add((field, input.ReadBytes().ToByteArray())); break;
                default: input.SkipLastField(); break;
            }
        }
        return fields;
    }

    private static string Hex(object bytes) => Convert.ToHexString((byte[])bytes);

    private static string Text(object bytes) => System.Text.Encoding.UTF8.GetString((byte[])bytes);
}
