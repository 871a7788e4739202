using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ari.Bench;

/// <summary>
/// BenchmarkDotNet over the first <see cref="Sample.Records"/> records of a recording: the decoder and
/// the line renderer, per record, with allocations. Without a <c>--job</c> or <c>--inProcess</c> option,
/// one default job runs in process, so no project is generated and built. Reports go to
/// <c>.build/bench-artifacts</c>.
/// </summary>
public static class Micro
{
    public const string ArtifactsPath = ".build/bench-artifacts";

    public static int Run(string path, string[] options)
    {
        Environment.SetEnvironmentVariable(Sample.PathVariable, Path.GetFullPath(path));
        var config = DefaultConfig.Instance
            .WithArtifactsPath(ArtifactsPath)
            .AddDiagnoser(MemoryDiagnoser.Default);
        if (!options.Any(option => option is "--job" or "-j" or "--inProcess" or "-i"))
        {
            config = config.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
        }
        BenchmarkSwitcher.FromTypes([typeof(DecoderBenchmarks), typeof(LineRendererBenchmarks)]).Run(options, config);
        return 0;
    }
}
