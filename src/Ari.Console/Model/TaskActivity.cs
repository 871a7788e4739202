using Ari.Tokio;

namespace Ari.Console.Model;

/// <summary>
/// Finds when one task (known by its span's creation, since tracing reuses span IDs) began a poll or
/// was woken, within a stretch of time, through a tracker's own reports: the tracker of a state the
/// timeline replays from a checkpoint.
/// </summary>
internal sealed class TaskActivity
{
    private readonly ulong _createdSequence;
    private readonly ulong _from;
    private readonly ulong _until;

    public TaskActivity(TokioTracker tracker, ulong createdSequence, ulong from, ulong until)
    {
        _createdSequence = createdSequence;
        _from = from;
        _until = until;
        tracker.PollStarted += (task, entry) => Note(task, entry.Timestamp);
        tracker.WakerUsed += report =>
        {
            if (report.IsWake && report.Woken is { } woken)
            {
                Note(woken, report.Timestamp);
            }
        };
    }

    public ulong? First { get; private set; }

    public ulong? Last { get; private set; }

    private void Note(TaskSpan task, ulong at)
    {
        if (task.Span.CreatedSequence != _createdSequence || at < _from || at > _until)
        {
            return;
        }
        First ??= at;
        Last = at;
    }
}
