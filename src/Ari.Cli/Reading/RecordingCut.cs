using Ari.Views.Filtering;

namespace Ari.Cli;

/// <summary>A recording to analyse, whole or, with <paramref name="Until"/>, as it stood at that moment.</summary>
internal readonly record struct RecordingCut(string Path, TimeBound? Until = null);
