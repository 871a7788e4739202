using Ari.Views.Styling;
using Ari.Wire;

namespace Ari.Views.Text;

/// <summary>
/// A callsite's target and field names as the text views write them, escaped and encoded once (each
/// name with the <c>=</c> that follows it), and which of its fields is an event's message: callsites are
/// few, and every event and span label repeats them. Made on first use and kept in a <see cref="CallsiteMap{T}"/>.
/// </summary>
internal sealed class CallsiteTexts
{
    private readonly Callsite _callsite;
    private readonly byte[][] _namesAndEquals;
    private readonly bool[] _isMessage;

    public CallsiteTexts(Callsite callsite)
    {
        _callsite = callsite;
        var names = callsite.FieldNames;
        _namesAndEquals = new byte[names.Count][];
        _isMessage = new bool[names.Count];
        var scratch = new StyledText(keepsStyles: false);
        TextEscapes.AppendVisible(scratch, callsite.Target, TextStyle.Plain);
        Target = scratch.Bytes.ToArray();
        for (var i = 0; i < names.Count; i++)
        {
            _namesAndEquals[i] = NameAndEquals(scratch, names[i]);
            // tracing names an event's format string `message`; 0.0.1 moved it to the end for events only.
            _isMessage[i] = names[i] == "message";
        }
    }

    public byte[] Target { get; }

    /// <summary><c>name=</c> for the field at <paramref name="index"/>; <c>field7=</c> for an index the callsite does not name.</summary>
    public ReadOnlySpan<byte> NameAndEquals(int index) =>
        (uint)index < (uint)_namesAndEquals.Length
            ? _namesAndEquals[index]
            : NameAndEquals(new StyledText(keepsStyles: false), _callsite.FieldName(index));

    public bool IsMessage(int index) => (uint)index < (uint)_isMessage.Length && _isMessage[index];

    private static byte[] NameAndEquals(StyledText scratch, string name)
    {
        scratch.Clear();
        TextEscapes.AppendVisible(scratch, name, TextStyle.Plain);
        scratch.Append("="u8, TextStyle.Plain);
        return scratch.Bytes.ToArray();
    }
}
