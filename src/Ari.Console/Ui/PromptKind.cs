namespace Ari.Console.Ui;

/// <summary>What the status line is asking for while the user types: a filter (<c>/</c>) or a moment to jump to (<c>g</c>).</summary>
internal enum PromptKind
{
    Filter,
    Jump,
}
