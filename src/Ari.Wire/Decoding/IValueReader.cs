using System.Diagnostics.CodeAnalysis;

namespace Ari.Wire;

/// <summary>
/// What reading a value takes. <see cref="BodyReader"/> checks every read and places every error when
/// a frame arrives; <see cref="TrustedReader"/> reads the same bytes again, once they have passed, without
/// the checks. <see cref="ValueDecoder"/> reads values through either with one piece of code.
/// </summary>
internal interface IValueReader
{
    /// <summary>Where the next read starts, as errors name it.</summary>
    long Offset { get; }

    byte ReadByte();

    ulong ReadVarint();

    /// <summary>A length-prefixed string's bytes.</summary>
    ReadOnlySpan<byte> ReadUtf8();

    ReadOnlySpan<byte> ReadFixed(int length);

    [DoesNotReturn]
    void Fail(long offset, string problem);
}
