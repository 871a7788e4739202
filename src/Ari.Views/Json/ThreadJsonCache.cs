using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Ari.Model;
using Ari.Wire;

namespace Ari.Views.Json;

/// <summary>
/// Each thread's <c>"thread":…,"thread_id":…,"tid":…</c> (name, the stream's number for it, the OS's) for the JSON lines, escaped once and copied into every line
/// of the thread. Made again when the thread's record changes (a thread's name may arrive after its
/// first records).
/// </summary>
internal sealed class ThreadJsonCache(JavaScriptEncoder encoder)
{
    private (ThreadInfo? Info, byte[] Bytes)[] _threads = [];

    public byte[] Of(ThreadTrack thread)
    {
        var index = thread.Index;
        if ((uint)index < (uint)_threads.Length && ReferenceEquals(_threads[index].Info, thread.Info))
        {
            return _threads[index].Bytes;
        }
        var bytes = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"\"thread\":\"{JsonEncodedText.Encode(thread.Name, encoder)}\",\"thread_id\":{index},\"tid\":{thread.Info.OsThreadId}"));
        if (index >= 0)
        {
            if (index >= _threads.Length)
            {
                Array.Resize(ref _threads, Math.Max(index + 1, _threads.Length * 2));
            }
            _threads[index] = (thread.Info, bytes);
        }
        return bytes;
    }
}
