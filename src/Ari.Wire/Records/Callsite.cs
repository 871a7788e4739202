namespace Ari.Wire;

/// <summary>
/// A tracing callsite, sent once before the first record that refers to it by <see cref="Index"/>.
/// <see cref="Line"/> is null when tracing did not know it. Equality compares field names by content.
/// </summary>
public sealed record Callsite(
    long Offset,
    int Index,
    CallsiteKind CallsiteKind,
    Level Level,
    string Name,
    string Target,
    string ModulePath,
    string File,
    uint? Line,
    IReadOnlyList<string> FieldNames) : StreamRecord(Offset)
{
    public override RecordKind Kind => RecordKind.Callsite;

    /// <summary>The name of the field at <paramref name="index"/>; <c>field{index}</c> for an index the callsite does not name.</summary>
    public string FieldName(int index) => index < FieldNames.Count ? FieldNames[index] : $"field{index}";

    public bool Equals(Callsite? other) =>
        other is not null
        && base.Equals(other)
        && Index == other.Index
        && CallsiteKind == other.CallsiteKind
        && Level == other.Level
        && Name == other.Name
        && Target == other.Target
        && ModulePath == other.ModulePath
        && File == other.File
        && Line == other.Line
        && FieldNames.SequenceEqual(other.FieldNames);

    public override int GetHashCode() => HashCode.Combine(Offset, Index, Name, Target, Line, FieldNames.Count);
}
