using System.Text;

namespace Ari.Views;

/// <summary>The bytes that open a style in some format (an SGR sequence, a tag), made once per style.</summary>
internal sealed class StyleBytes(Func<TextStyle, string> make)
{
    private const int EmphasisSlots = 8;
    private readonly byte[]?[] _slots = new byte[Enum.GetValues<Tint>().Length * EmphasisSlots][];

    public byte[] For(TextStyle style) =>
        _slots[(int)style.Tint * EmphasisSlots + (int)style.Emphasis] ??= Encoding.UTF8.GetBytes(make(style));
}
