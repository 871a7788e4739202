using System.Text.Json;

namespace Ari.Testing;

/// <summary>One run of a real program under ari-tap: its recording and the ground truth it counted itself.</summary>
public sealed record RealRun(string Name, string Recording, JsonElement Truth)
{
    /// <summary>A count from the program's ground truth.</summary>
    public long Count(string field) => Truth.GetProperty(field).GetInt64();

    public bool Flag(string field) => Truth.GetProperty(field).GetBoolean();

    public bool Has(string field) => Truth.TryGetProperty(field, out _);
}
