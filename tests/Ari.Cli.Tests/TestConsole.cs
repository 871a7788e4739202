using System.Text;

namespace Ari.Cli.Tests;

/// <summary>
/// A console that keeps what a command writes: stdout's bytes (the views' and System.CommandLine's help
/// alike, in the order written) and stderr's text. Not a terminal unless a test says so, and an
/// environment of the test's own, as <see cref="Testing.Processes"/> gives a command it starts.
/// </summary>
internal sealed class TestConsole : IConsole
{
    private readonly MemoryStream _stdout = new();
    private readonly StringWriter _stderr = new();
    private readonly IReadOnlyDictionary<string, string?> _environment;

    public TestConsole(IReadOnlyDictionary<string, string?>? environment = null, bool isTerminal = false)
    {
        _environment = environment ?? new Dictionary<string, string?>();
        IsOutputRedirected = !isTerminal;
        Out = new StreamWriter(OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
    }

    public TextWriter Out { get; }

    public TextWriter Error => _stderr;

    public bool IsOutputRedirected { get; }

    /// <summary>Everything written to stdout, read as a process's output is read: UTF-8.</summary>
    public string Stdout => Encoding.UTF8.GetString(_stdout.ToArray());

    public string Stderr => _stderr.ToString();

    /// <summary>Stdout itself: a command disposes what it opens, and the test still reads it after.</summary>
    public Stream OpenStandardOutput() => new NotClosing(_stdout);

    public string? GetEnvironmentVariable(string name) => _environment.GetValueOrDefault(name);

    private sealed class NotClosing(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
