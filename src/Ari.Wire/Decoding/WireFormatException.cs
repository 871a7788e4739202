namespace Ari.Wire;

/// <summary>
/// The bytes are not ari wire data, or are damaged. <see cref="Offset"/> is the byte where the problem was
/// found; <see cref="RecordNumber"/> counts frames after the header from 1 and is null for header problems.
/// The message is one line, fit to show a user as is.
/// </summary>
public sealed class WireFormatException : Exception
{
    public WireFormatException(string message, long offset, long? recordNumber)
        : base(message)
    {
        Offset = offset;
        RecordNumber = recordNumber;
    }

    public long Offset { get; }

    public long? RecordNumber { get; }
}
