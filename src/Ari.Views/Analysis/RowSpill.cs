using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Ari.Views.Analysis;

/// <summary>
/// A table's rows on disk, for a table with more rows than memory should hold (every wake or task of a
/// long recording): runs of rows, each already in its written order, in one temporary file that is gone
/// when the process is (unlinked at once where the system allows, deleted on close elsewhere), so it
/// needs no disposing. Read back by merging the runs, so rows come out as if one list had been sorted
/// stably by their order key.
/// </summary>
internal sealed class RowSpill
{
    private const int BufferBytes = 16 * 1024;

    private readonly FileStream _file;
    private readonly List<(long Start, long End)> _runs = [];

    public RowSpill()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ari-table-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, BufferBytes, FileOptions.DeleteOnClose);
        if (!OperatingSystem.IsWindows())
        {
            // Unlinked while open: no file is left behind when ari is killed before it is done.
            File.Delete(path);
        }
    }

    /// <summary>Writes one run: rows already in their order (a row's cells as UTF-16, length first).</summary>
    public void WriteRun(IEnumerable<(ulong Order, string Cells)> rows)
    {
        var start = _file.Position;
        Span<byte> header = stackalloc byte[sizeof(ulong) + sizeof(int)];
        foreach (var (order, cells) in rows)
        {
            BitConverter.TryWriteBytes(header, order);
            BitConverter.TryWriteBytes(header[sizeof(ulong)..], cells.Length);
            _file.Write(header);
            _file.Write(MemoryMarshal.AsBytes(cells.AsSpan()));
        }
        _runs.Add((start, _file.Position));
    }

    /// <summary>Every row of every run, by order key, rows of equal keys in the order their runs were written.</summary>
    public IEnumerable<string> Merged()
    {
        _file.Flush();
        var queue = new PriorityQueue<RunReader, (ulong Order, int Run)>();
        for (var run = 0; run < _runs.Count; run++)
        {
            var reader = new RunReader(_file.SafeFileHandle, _runs[run].Start, _runs[run].End);
            if (reader.MoveNext())
            {
                queue.Enqueue(reader, (reader.Order, run));
            }
        }
        while (queue.TryDequeue(out var reader, out var key))
        {
            yield return reader.Cells;
            if (reader.MoveNext())
            {
                queue.Enqueue(reader, (reader.Order, key.Run));
            }
        }
    }

    /// <summary>One run, read a buffer at a time at its own offset (positional reads share the file handle).</summary>
    private sealed class RunReader(SafeFileHandle file, long start, long end)
    {
        private byte[] _buffer = new byte[BufferBytes];
        private long _next = start;
        private int _at;
        private int _filled;

        public ulong Order { get; private set; }

        public string Cells { get; private set; } = "";

        public bool MoveNext()
        {
            if (_next - (_filled - _at) >= end)
            {
                return false;
            }
            var header = Take(sizeof(ulong) + sizeof(int));
            Order = BitConverter.ToUInt64(header);
            var length = BitConverter.ToInt32(header[sizeof(ulong)..]);
            Cells = string.Create(length, this, static (chars, reader) => reader.Take(chars.Length * sizeof(char)).CopyTo(MemoryMarshal.AsBytes(chars)));
            return true;
        }

        /// <summary>The next <paramref name="count"/> bytes of the run, read from the file when the buffer runs short.</summary>
        private ReadOnlySpan<byte> Take(int count)
        {
            if (_filled - _at < count)
            {
                var kept = _filled - _at;
                // A row longer than the buffer (a cell of many kilobytes) gets a buffer of its size.
                var buffer = count > _buffer.Length ? new byte[count] : _buffer;
                _buffer.AsSpan(_at, kept).CopyTo(buffer);
                _buffer = buffer;
                _filled = kept;
                _at = 0;
                while (_filled < count)
                {
                    var read = RandomAccess.Read(file, buffer.AsSpan(_filled, (int)Math.Min(buffer.Length - _filled, end - _next)), _next);
                    if (read == 0)
                    {
                        throw new IOException("a table's spilled rows were cut short");
                    }
                    _next += read;
                    _filled += read;
                }
            }
            var taken = _buffer.AsSpan(_at, count);
            _at += count;
            return taken;
        }
    }
}
