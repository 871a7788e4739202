using System.Text;
using Ari.Views.Styling;

namespace Ari.Views.Writers;

/// <summary>The bytes that open a style in some format (an SGR sequence, a tag), made once per style.</summary>
internal sealed class StyleBytesCache(Func<TextStyle, string> make)
{
    private const int EmphasisSlots = 8;
    private readonly byte[]?[] _slots = new byte[Enum.GetValues<Tint>().Length * EmphasisSlots][];

    public byte[] For(TextStyle style) =>
        _slots[(int)style.Tint * EmphasisSlots + (int)style.Emphasis] ??= Encoding.UTF8.GetBytes(make(style));
}
