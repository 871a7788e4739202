using System.Diagnostics;
using Ari.Testing;
using Ari.Wire;
using CsCheck;

namespace Ari.Fuzz.Tests;

/// <summary>
/// Random and mutated recordings through the decoder, the replay, the Tokio tracker and every view:
/// no crash, no hang, no exception but the decoder's own "damaged at byte N". ./test runs a few
/// thousand inputs; <c>ARI_FUZZ_ITERATIONS=1000000</c> runs a million (docs/reliability.md).
/// Inputs that once found a bug live in Corpus/ and run every time.
/// </summary>
public sealed class FuzzTests
{
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("ARI_FUZZ_ITERATIONS"), out var n) ? n : 5_000;
    // Finds a hang, not a busy machine: an input takes milliseconds, but a loaded machine can deschedule
    // the test's thread for seconds.
    private static readonly TimeSpan TimeLimit = TimeSpan.FromMinutes(1);

    private static readonly Lazy<byte[][]> Seeds = new(() =>
        Examples.All.Where(name => name != "workers").Select(name => File.ReadAllBytes(Examples.Recorded(name).Recording)).ToArray());

    [Fact]
    public void Mutated_recordings_never_crash_or_hang_the_views()
    {
        Gen.Select(Mutation.Of(Seeds.Value), Gen.Int[0, ShowPipeline.Views.Length - 1])
            .Sample((bytes, view) => RunWithin(bytes, view), iter: Iterations);
    }

    [Fact]
    public void Random_bytes_after_a_valid_header_never_crash_the_views()
    {
        byte[] header = [.. "ARITAP"u8, WireFormat.Version, 0];
        Gen.Select(Gen.Byte.Array[0, 512], Gen.Int[0, ShowPipeline.Views.Length - 1])
            .Sample((junk, view) => RunWithin([.. header, .. junk], view), iter: Iterations);
    }

    [Fact]
    public void The_decoders_fast_path_reads_damaged_recordings_as_the_careful_one_does()
    {
        // Real recordings carry what the hand-made ones of Ari.Wire.Tests do not (every value type, explicit
        // parents, records, Tokio's callsites); whatever the damage, both ways of reading agree.
        Mutation.Of(Seeds.Value).Sample(bytes => Assert.Equal(DecodedOutcome.Of(bytes, careful: true), DecodedOutcome.Of(bytes, careful: false)), iter: Iterations);
    }

    public static TheoryData<string> CorpusFiles =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.bin").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(CorpusFiles))]
    public void Inputs_that_once_found_a_bug_stay_fixed(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Corpus", file));
        for (var view = 0; view < ShowPipeline.Views.Length; view++)
        {
            RunWithin(bytes, view);
        }
    }

    private static void RunWithin(byte[] bytes, int view)
    {
        var clock = Stopwatch.StartNew();
        ShowPipeline.Run(bytes, view);
        if (clock.Elapsed > TimeLimit)
        {
            throw new TimeoutException($"{bytes.Length} bytes took {clock.Elapsed} through view {view}");
        }
    }
}
