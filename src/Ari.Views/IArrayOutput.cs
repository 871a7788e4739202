namespace Ari.Views;

/// <summary>
/// An output that takes a filled array as it is instead of copying its bytes: a view that gathers its
/// lines in an array of its own (plain text) hands the whole array over and goes on in the one it gets
/// back, so each byte is written into memory once before the output sends it on.
/// </summary>
public interface IArrayOutput
{
    /// <summary>
    /// Takes the first <paramref name="length"/> bytes of <paramref name="filled"/>, after everything written
    /// before; the caller must not touch that array again. Returns an empty array for the caller to fill next.
    /// </summary>
    byte[] HandOver(byte[] filled, int length);
}
