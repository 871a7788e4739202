namespace Ari.Wire;

/// <summary>A recorded value and the index of its name in the callsite's <see cref="Callsite.FieldNames"/>.</summary>
public readonly record struct Field(int Index, FieldValue Value);
