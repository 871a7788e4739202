namespace Ari.Model;

/// <summary>
/// Where a recording stops being ari data (from the reader's <see cref="Ari.Wire.WireFormatException"/>):
/// <see cref="Message"/> is one line, fit to show a user as is, and names <see cref="Offset"/> itself.
/// <see cref="RecordNumber"/> counts frames after the header from 1; null for header problems.
/// </summary>
public readonly record struct RecordingDamage(string Message, long Offset, long? RecordNumber);
