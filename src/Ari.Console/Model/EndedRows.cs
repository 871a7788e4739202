namespace Ari.Console.Model;

/// <summary>
/// The rows of what ended (tasks, resources), in the order they ended, packed once and shared by every
/// copy of one replay's state: a replay resumed from a checkpoint ends the same things in the same
/// order, so a state holds only how many of these rows it has reached. A long recording's ended rows
/// live as long as the timeline, by the hundred thousand, and a view shows a screenful: each is kept as
/// its figures packed in bytes (<see cref="RowWriter"/>), its shared parts by number, and a row object is
/// made again whenever one is read.
/// </summary>
/// <param name="read">Makes a row from its packed figures and its key.</param>
internal sealed class EndedRows<T>(EndedRows<T>.Reader read)
{
    public delegate T Reader(ref RowReader figures, ulong key);

    /// <summary>Bytes of a block of packed rows: small enough to stay out of the large object heap.</summary>
    private const int BlockBytes = 64 << 10;

    /// <summary>Appends from a replay and reads from a view's thread: one at a time.</summary>
    private readonly Lock _gate = new();
    private readonly List<byte[]> _blocks = [];
    private readonly List<ulong> _keys = [];
    /// <summary>Where each row's bytes begin: its block in the high half, its place in the low half.</summary>
    private readonly List<long> _starts = [];
    private readonly RowWriter _writer = new();
    private int _used = BlockBytes;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _keys.Count;
            }
        }
    }

    /// <summary>A row made again from its packed figures.</summary>
    public T this[int index]
    {
        get
        {
            lock (_gate)
            {
                var start = _starts[index];
                var reader = new RowReader(_blocks[(int)(start >> 32)].AsSpan((int)start));
                return read(ref reader, _keys[index]);
            }
        }
    }

    /// <summary>What names the row at <paramref name="index"/> (its span's creation).</summary>
    public ulong KeyOf(int index)
    {
        lock (_gate)
        {
            return _keys[index];
        }
    }

    /// <summary>
    /// The row at <paramref name="index"/> ended: packed by <paramref name="write"/> when no replay reached it
    /// before. A resumed replay that ends something else at a place is a mistake, said at once.
    /// </summary>
    public void Take<TEnded>(int index, ulong key, TEnded ended, Action<RowWriter, TEnded> write)
    {
        lock (_gate)
        {
            if (index < _keys.Count)
            {
                if (_keys[index] != key)
                {
                    throw new InvalidOperationException($"a resumed replay ended {key} where the first ended {_keys[index]}");
                }
                return;
            }
            _writer.Clear();
            write(_writer, ended);
            var bytes = _writer.Written;
            if (BlockBytes - _used < bytes.Length)
            {
                _blocks.Add(new byte[Math.Max(BlockBytes, bytes.Length)]);
                _used = 0;
            }
            bytes.CopyTo(_blocks[^1].AsSpan(_used));
            _starts.Add(((long)(_blocks.Count - 1) << 32) | (uint)_used);
            _used += bytes.Length;
            _keys.Add(key);
        }
    }
}
