using System.Globalization;

namespace Ari.Views;

/// <summary>Timestamps as every view writes them: RFC 3339, UTC, microseconds.</summary>
public static class Timestamps
{
    public static string Rfc3339(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}
