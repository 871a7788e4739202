using Ari.Bench;

// bench/run calls `throughput`; `micro` is for working on the decoder and the line renderer.
return args switch
{
    ["throughput", var file, "--runs", var runs] when int.TryParse(runs, out var n) && n > 0 => Throughput.Run(file, n),
    ["throughput", var file] => Throughput.Run(file, 5),
    ["micro", var file, .. var rest] => Micro.Run(file, rest),
    ["console", var file, "--jumps", var jumps] when int.TryParse(jumps, out var n) && n > 0 => ConsoleTimes.Run(file, n),
    ["console", var file] => ConsoleTimes.Run(file, 9),
    ["live", var file, "--parts", var parts] when int.TryParse(parts, out var n) && n > 0 => LiveTimes.Run(file, n),
    ["live", var file] => LiveTimes.Run(file, 20),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: Ari.Bench throughput RECORDING [--runs N]   each reader stage's rate, as `name<TAB>per second` lines
               Ari.Bench micro RECORDING [BenchmarkDotNet options]   the decoder and line renderer microbenchmarks
               Ari.Bench console RECORDING [--jumps N]   the console's first screen, its jumps through time, peak memory
               Ari.Bench live RECORDING [--parts N]   the live console's reads of the recording written in N parts
        """);
    return 2;
}
