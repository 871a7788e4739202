using Microsoft.Win32.SafeHandles;

namespace Ari.Views.Analysis;

/// <summary>
/// A temporary file that an analysis writes what it must keep but need not hold in memory (a long table's
/// rows, a long-lived resource's updates), appended to and read back at any offset. It is gone when the
/// process is: unlinked at once where the system allows, deleted on close elsewhere, so it needs no disposing.
/// </summary>
internal sealed class SpillFile
{
    private const int WriteBufferBytes = 64 * 1024;

    private readonly FileStream _file;

    public SpillFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ari-spill-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, WriteBufferBytes, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked while open: no file is left behind when ari is killed before it is done.
            File.Delete(path);
        }
    }

    /// <summary>Where the next byte appended goes.</summary>
    public long Length => _file.Position;

    public void Append(ReadOnlySpan<byte> bytes) => _file.Write(bytes);

    /// <summary>Reads at <paramref name="offset"/> until <paramref name="into"/> is full or the file ends; returns the bytes read.</summary>
    public int Read(long offset, Span<byte> into)
    {
        _file.Flush();
        var total = 0;
        while (total < into.Length)
        {
            var read = RandomAccess.Read(Handle, into[total..], offset + total);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }

    private SafeFileHandle Handle => _file.SafeFileHandle;
}
