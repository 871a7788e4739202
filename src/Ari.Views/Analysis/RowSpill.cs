using System.Runtime.InteropServices;

namespace Ari.Views.Analysis;

/// <summary>
/// A table's rows on disk, for a table with more rows than memory should hold (every wake or task of a
/// long recording): runs of rows, each already in its written order, in a <see cref="SpillFile"/>. Read
/// back by merging the runs, so rows come out as if one list had been sorted stably by their order key;
/// rows without an order key come back as written, a run after another.
/// </summary>
/// <remarks>
/// Merging reads every run at once, a buffer each, so runs of ordered rows are merged as they pile up: the
/// newest <see cref="FanIn"/> runs of one size become one run of the next size (the older, larger runs stay
/// first, which keeps equal keys in the order they came), and a merge holds a bounded number of buffers
/// however long the recording.
/// </remarks>
internal sealed class RowSpill(bool ordered)
{
    private const int FanIn = 16;
    private const int BufferBytes = 16 * 1024;
    private const int OrderBytes = 16;
    private const int HeaderBytes = OrderBytes + sizeof(int);

    private readonly SpillFile _file = new();
    private readonly List<(long Start, long End, int Level)> _runs = [];

    /// <summary>Writes one run: rows already in their order (a row's cells as UTF-16, length first).</summary>
    public void WriteRun(IEnumerable<(UInt128 Order, string Cells)> rows)
    {
        _runs.Add(Write(rows, level: 0));
        while (ordered && _runs.Count >= FanIn && _runs[^FanIn].Level == _runs[^1].Level)
        {
            var first = _runs.Count - FanIn;
            var merged = Write(Merge(first, _runs.Count), _runs[^1].Level + 1);
            _runs.RemoveRange(first, FanIn);
            _runs.Add(merged);
        }
    }

    /// <summary>Every row of every run, by order key, rows of equal keys in the order their runs were written.</summary>
    public IEnumerable<string> Merged() => Merge(0, _runs.Count).Select(row => row.Cells);

    private (long Start, long End, int Level) Write(IEnumerable<(UInt128 Order, string Cells)> rows, int level)
    {
        var start = _file.Length;
        Span<byte> header = stackalloc byte[HeaderBytes];
        foreach (var (order, cells) in rows)
        {
            BitConverter.TryWriteBytes(header, order);
            BitConverter.TryWriteBytes(header[OrderBytes..], cells.Length);
            _file.Append(header);
            _file.Append(MemoryMarshal.AsBytes(cells.AsSpan()));
        }
        return (start, _file.Length, level);
    }

    /// <summary>The rows of runs <paramref name="first"/> to <paramref name="end"/> (not included), merged; without order keys, one run after another.</summary>
    private IEnumerable<(UInt128 Order, string Cells)> Merge(int first, int end)
    {
        if (!ordered)
        {
            for (var run = first; run < end; run++)
            {
                var reader = new RunReader(_file, _runs[run].Start, _runs[run].End);
                while (reader.MoveNext())
                {
                    yield return (reader.Order, reader.Cells);
                }
            }
            yield break;
        }
        var queue = new PriorityQueue<RunReader, (UInt128 Order, int Run)>();
        for (var run = first; run < end; run++)
        {
            var reader = new RunReader(_file, _runs[run].Start, _runs[run].End);
            if (reader.MoveNext())
            {
                queue.Enqueue(reader, (reader.Order, run));
            }
        }
        while (queue.TryDequeue(out var reader, out var key))
        {
            yield return (reader.Order, reader.Cells);
            if (reader.MoveNext())
            {
                queue.Enqueue(reader, (reader.Order, key.Run));
            }
        }
    }

    /// <summary>One run, read a buffer at a time at its own offset (positional reads share the file handle).</summary>
    private sealed class RunReader(SpillFile file, long start, long end)
    {
        private byte[] _buffer = new byte[BufferBytes];
        private long _next = start;
        private int _at;
        private int _filled;

        public UInt128 Order { get; private set; }

        public string Cells { get; private set; } = "";

        public bool MoveNext()
        {
            if (_next - (_filled - _at) >= end)
            {
                return false;
            }
            var header = Take(HeaderBytes);
            Order = BitConverter.ToUInt128(header);
            var length = BitConverter.ToInt32(header[OrderBytes..]);
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
                _filled = kept + file.Read(_next, buffer.AsSpan(kept, (int)Math.Min(buffer.Length - kept, end - _next)));
                _next += _filled - kept;
                _at = 0;
                if (_filled < count)
                {
                    throw new IOException("a table's spilled rows were cut short");
                }
            }
            var taken = _buffer.AsSpan(_at, count);
            _at += count;
            return taken;
        }
    }
}
