namespace Ari.Wire;

/// <summary>A <see cref="Level"/> as tracing writes it: <c>TRACE</c>, <c>DEBUG</c>, <c>INFO</c>, <c>WARN</c>, <c>ERROR</c>.</summary>
public static class LevelNames
{
    public static string Name(this Level level) => level switch
    {
        Level.Trace => "TRACE",
        Level.Debug => "DEBUG",
        Level.Info => "INFO",
        Level.Warn => "WARN",
        _ => "ERROR",
    };
}
