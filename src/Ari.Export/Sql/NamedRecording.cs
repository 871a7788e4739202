namespace Ari.Export.Sql;

/// <summary>One recording of a fleet: its file, and the name its rows carry in the <c>recording</c> column.</summary>
public sealed record NamedRecording(string Name, string Path);
