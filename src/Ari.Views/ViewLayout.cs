namespace Ari.Views;

/// <summary>How a text view arranges an entry.</summary>
public enum ViewLayout : byte
{
    /// <summary>One line an entry, as ari-subscriber 0.0.1.</summary>
    Line,

    /// <summary>The scope's spans one a line under <c>⤷</c>, as the articles show it.</summary>
    Tree,
}
