using Ari.Wire;

namespace Ari.Cli;

/// <summary>A read-only stream that copies everything read from <c>source</c> into <c>copy</c> (for <c>ari run --save</c>).</summary>
internal sealed class TeeStream(Stream source, Stream copy) : ForwardReadStream
{
    public override int Read(Span<byte> buffer)
    {
        var read = source.Read(buffer);
        copy.Write(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await source.ReadAsync(buffer, cancellationToken);
        await copy.WriteAsync(buffer[..read], cancellationToken);
        return read;
    }

    public override void Flush() => copy.Flush();
}
