namespace Ari.Testing;

/// <summary>
/// One run of an example program under ari-tap: the recording, and the reference layer's account of
/// what tracing delivered in the same run.
/// </summary>
public sealed record ExampleRun(string Name, string Recording, string Reference, ProcessResult Process);
