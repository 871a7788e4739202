namespace Ari.Views.Styling;

/// <summary>The look of one segment: a palette colour and its emphasis.</summary>
internal readonly record struct TextStyle(Tint Tint, Emphasis Emphasis = Emphasis.None)
{
    public static readonly TextStyle Plain = default;

    public bool IsPlain => Tint == Tint.None && Emphasis == Emphasis.None;

    public bool Has(Emphasis emphasis) => (Emphasis & emphasis) != 0;
}
