using System.Diagnostics;
using System.Net.Sockets;
using Ari.Console.Ui;

namespace Ari.Cli;

/// <summary>
/// <c>ari console [--] CMD ARGS…</c>: runs the program under the tap (as <c>ari run</c> does) and shows it
/// in the interactive console. The stream is copied into a recording as fast as it arrives (the file
/// of <c>--save</c>, or a temporary one), so a screen slower than the program loses nothing; the
/// console reads that recording as it grows. The console owns the terminal, so the program gets no
/// stdin and its stdout and stderr are kept and written out when the console closes. Quitting the
/// console while the program runs ends the program.
/// </summary>
internal static class LiveConsole
{
    public static int Run(IConsole console, IReadOnlyList<string> program, string? save, bool colour)
    {
        var path = save is null ? Path.Combine(Directory.CreateTempSubdirectory("ari-console-").FullName, "live.ari") : Path.GetFullPath(save);
        var output = Path.GetTempFileName();
        var errors = Path.GetTempFileName();
        try
        {
            using var listener = TapListener.OnUnixSocket();
            using var recording = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            using var process = ChildProcess.Start(program, listener.Destination, ownStreams: true);
            process.StandardInput.Close();
            var kept = Task.WhenAll(Keep(process.StandardOutput.BaseStream, output), Keep(process.StandardError.BaseStream, errors));
            var ended = Follow(listener, process, recording, kept);
            using (var feed = new LiveFeed(path, ended))
            {
                ConsoleUi.Run(feed, colour);
            }
            if (!process.HasExited)
            {
                console.Error.WriteLine($"ari: the console was closed while {Path.GetFileName(program[0])} ran: ending it");
                process.Kill(entireProcessTree: true);
            }
            process.WaitForExit();
            kept.Wait();
            ended.Wait();
            WriteKept(output, console.OpenStandardOutput);
            WriteKept(errors, () => System.Console.OpenStandardError());
            if (save is not null)
            {
                console.Error.WriteLine($"ari: the recording is in {save}");
            }
            return process.ExitCode;
        }
        finally
        {
            File.Delete(output);
            File.Delete(errors);
            if (save is null)
            {
                Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
            }
        }
    }

    /// <summary>Copies the tap's stream into the recording until it ends; says how the program ended, once it has and all it sent is in.</summary>
    private static async Task<string> Follow(TapListener listener, Process process, Stream recording, Task kept)
    {
        if (await listener.AcceptFromAsync(process) is { } connection)
        {
            await using var stream = new NetworkStream(connection, ownsSocket: true);
            await stream.CopyToAsync(recording);
        }
        await process.WaitForExitAsync();
        await kept;
        return recording.Length == 0
            ? $"exited with code {process.ExitCode} without connecting to the tap: does it install ari_tap::layer()?"
            : $"exited with code {process.ExitCode}";
    }

    private static async Task Keep(Stream from, string path)
    {
        await using var file = File.Create(path);
        await from.CopyToAsync(file);
    }

    private static void WriteKept(string path, Func<Stream> open)
    {
        using var kept = File.OpenRead(path);
        using var to = open();
        kept.CopyTo(to);
    }
}
