namespace Ari.Wire;

/// <summary>tracing's verbosity levels, with the wire's numbering.</summary>
public enum Level : byte
{
    Trace = 0,
    Debug = 1,
    Info = 2,
    Warn = 3,
    Error = 4,
}
