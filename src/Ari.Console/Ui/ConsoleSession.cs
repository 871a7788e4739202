using System.Diagnostics;
using Ari.Console.Frames;
using Ari.Console.Model;
using Ari.Tokio;
using Ari.Views.Filtering;

namespace Ari.Console.Ui;

/// <summary>
/// Everything the interactive console is doing, apart from the terminal: the recording and the moment
/// shown (the time cursor), the screen and the way back, each list's selection and sort, the filter, a
/// prompt being typed, a live program followed or paused. Every change of moment goes to the
/// <see cref="SnapshotWorker"/>; the screen keeps showing the last moment until the new one is ready.
/// </summary>
internal sealed class ConsoleSession
{
    private readonly ConsoleFeed _feed;
    private readonly SnapshotWorker _worker;
    private readonly SnapshotWorker _linesWorker;
    private readonly Action _changed;
    private readonly Stack<ScreenKind> _back = new();
    private readonly TableCache<TaskRow> _taskTable = new();
    private readonly TableCache<ResourceRow> _resourceTable = new();
    private readonly TableCache<LintFinding> _warningTable = new();
    private readonly TableCache<WakeReport> _wakerUses = new();
    private readonly TableCache<LintOccurrence> _occurrences = new();
    private int _generation;
    private bool _lastReadWhole;
    private long _nextReadAt;
    /// <summary>The task whose details are shown: Tokio's ID, and where its span began (which spares a replay to find it).</summary>
    private (ulong TokioId, ulong CreatedSequence)? _detailTask;
    private ResourceRow? _detailResource;
    private LintRule? _detailRule;

    public ConsoleSession(ConsoleFeed feed, Action<Action> post, Action changed)
    {
        _feed = feed;
        _changed = changed;
        _worker = new SnapshotWorker(post, message =>
        {
            Message = message;
            changed();
        });
        _linesWorker = new SnapshotWorker(post, message =>
        {
            Message = message;
            changed();
        });
        if (!feed.IsLive)
        {
            var timeline = feed.Read();
            Timeline = timeline;
            Snapshot = timeline.AtEnd;
            Cursor = timeline.Recording.End;
        }
    }

    public RecordingTimeline? Timeline { get; private set; }

    public ConsoleSnapshot? Snapshot { get; private set; }

    public TaskDetails? Details { get; private set; }

    /// <summary>The moment shown (or being computed), as a stream timestamp.</summary>
    public ulong Cursor { get; private set; }

    public ConsoleFeed Feed => _feed;

    /// <summary>Whether the recording shown is all there will be: a file's, or a live program's read after its end.</summary>
    public bool ShowsWholeRecording => !_feed.IsLive || _lastReadWhole;

    public bool IsComputing => _worker.IsBusy || _linesWorker.IsBusy;

    /// <summary>The task's own lines shown by <see cref="ScreenKind.TaskLines"/>; null while they are read.</summary>
    public TaskLines? Lines { get; private set; }

    /// <summary>A live console no longer follows the program: paused by space, or moved back in time.</summary>
    public bool Paused { get; private set; }

    public ScreenKind Screen { get; private set; } = ScreenKind.Tasks;

    public ListCursor TaskList { get; } = new();

    public ListCursor ResourceList { get; } = new();

    public ListCursor WarningList { get; } = new();

    /// <summary>The selection in the screen of details shown (reset on each new one).</summary>
    public ListCursor DetailList { get; private set; } = new();

    public string Filter { get; private set; } = "";

    public bool HideDone { get; private set; }

    public PromptKind? Prompt { get; private set; }

    public string PromptText { get; private set; } = "";

    /// <summary>One line for the status bar until the next key: what a key did, or why it could not.</summary>
    public string? Message { get; set; }

    public bool QuitRequested { get; private set; }

    /// <summary>The selection of the screen shown: a list's own, or that of the details shown.</summary>
    public ListCursor CurrentList => Screen switch
    {
        ScreenKind.Tasks => TaskList,
        ScreenKind.Resources => ResourceList,
        ScreenKind.Warnings => WarningList,
        _ => DetailList,
    };

    public string Clock(ulong at) => Timeline is { } timeline ? "+" + Durations.Text(at >= timeline.Recording.Start ? at - timeline.Recording.Start : 0) : "-";

    public SortedTable<TaskRow> TaskTable() => _taskTable.Get(
        TaskRowsFrom(Snapshot, HideDone, Filter), Snapshot?.Tasks ?? [], TasksShown(HideDone, Filter), TaskColumns.All, TaskList);

    public SortedTable<ResourceRow> ResourceTable() => _resourceTable.Get(
        (Snapshot, Filter), Snapshot?.Resources ?? [], row => ResourceColumns.Matches(row, Filter), ResourceColumns.All, ResourceList);

    public SortedTable<LintFinding> WarningTable() => _warningTable.Get(
        (Snapshot, Timeline), Snapshot?.Warnings ?? [], _ => true, WarningColumns.For(Clock), WarningList);

    /// <summary>The body of the screen shown.</summary>
    public ScreenBody Body(int width)
    {
        if (Snapshot is null)
        {
            return ScreenBody.Text([new ScreenLine(_feed.IsLive ? "waiting for the program's tap…" : "reading…", FrameStyle.Keys)], []);
        }
        switch (Screen)
        {
            case ScreenKind.TaskDetails when Details is { } details:
                return TaskDetailsBody.Of(details, width, Clock, _wakerUses);
            case ScreenKind.TaskDetails:
                return ScreenBody.Text([new ScreenLine(IsComputing ? "reading the task…" : $"task {_detailTask?.TokioId} was not spawned by this moment", FrameStyle.Keys)], []);
            case ScreenKind.TaskLines when Lines is { } lines:
                return TaskLinesBody.Of(lines);
            case ScreenKind.TaskLines:
                return ScreenBody.Text([new ScreenLine("reading the task's lines…", FrameStyle.Keys)], []);
            case ScreenKind.ResourceDetails when _detailResource is { } resource:
                return FindResource(resource) is { } now
                    ? ResourceDetailsBody.Of(now, Clock)
                    : ScreenBody.Text([new ScreenLine($"{resource} was not made by this moment", FrameStyle.Keys)], []);
            case ScreenKind.WarningDetails when _detailRule is { } rule && Snapshot.Warnings.FirstOrDefault(f => f.Rule == rule) is { } finding:
                return WarningDetailsBody.Of(finding, Clock, _occurrences);
            case ScreenKind.Help:
                return HelpBody.Of();
            case ScreenKind.Resources:
            {
                var table = ResourceTable();
                return ListBody(table.Header, table.Rows.Count, (i, selected) => table.LineOf(i, table.Rows[i].IsClosed ? FrameStyle.Done : FrameStyle.Plain, selected),
                    Snapshot.Resources.Count == 0 ? "no resources" : "no resource matches the filter");
            }
            case ScreenKind.Warnings:
            {
                var table = WarningTable();
                return ListBody(table.Header, table.Rows.Count, (i, selected) => table.LineOf(i, FrameStyle.Plain, selected), "no warnings");
            }
            default:
            {
                var table = TaskTable();
                return ListBody(table.Header, table.Rows.Count, (i, selected) => table.LineOf(i, table.Rows[i].State == TaskState.Done ? FrameStyle.Done : FrameStyle.Plain, selected),
                    Snapshot.Tasks.Count == 0 ? "no tasks" : "no task matches the filter");
            }
        }
    }

    public void Move(int rows) => CurrentList.Selected = Math.Max(0, CurrentList.Selected + rows);

    public void MoveToFirst() => CurrentList.Selected = 0;

    /// <summary>The last row: the painter keeps a selection within the rows there are.</summary>
    public void MoveToLast() => CurrentList.Selected = int.MaxValue;

    public void Select(int row) => CurrentList.Selected = row;

    /// <summary>Enter: the selected row's details, or the console moved to the selected row's moment.</summary>
    public void Open(int width)
    {
        if (Snapshot is null)
        {
            return;
        }
        switch (Screen)
        {
            case ScreenKind.Tasks when Selected(TaskTable().Rows, TaskList) is { } row:
                if (row.TokioId is not { } id)
                {
                    Message = "this task has no Tokio task ID, so it has no details";
                    return;
                }
                _detailTask = (id, row.CreatedSequence);
                Details = null;
                Show(ScreenKind.TaskDetails);
                Request(Cursor);
                return;
            case ScreenKind.Resources when Selected(ResourceTable().Rows, ResourceList) is { } resource:
                _detailResource = resource;
                Show(ScreenKind.ResourceDetails);
                return;
            case ScreenKind.Warnings when Selected(WarningTable().Rows, WarningList) is { } finding:
                _detailRule = finding.Rule;
                Show(ScreenKind.WarningDetails);
                return;
            case ScreenKind.TaskDetails or ScreenKind.WarningDetails or ScreenKind.TaskLines:
                var body = Body(width);
                if (body.Count > 0 && body.MomentOf(Math.Clamp(DetailList.Selected, 0, body.Count - 1)) is { } moment)
                {
                    MoveTo(moment);
                }
                return;
        }
    }

    /// <summary>The selected task's own lines, as <c>ari show --task</c> prints them; Enter on one moves the console to it.</summary>
    public void ShowTaskLines()
    {
        if (Timeline is not { } timeline || SelectedTask() is not { } task)
        {
            Message = "select a task first";
            return;
        }
        Lines = null;
        Show(ScreenKind.TaskLines);
        var cursor = Cursor;
        _linesWorker.Request(() =>
        {
            var lines = TaskLines.Read(timeline.Recording.Path, task);
            return () =>
            {
                Lines = lines;
                DetailList.Selected = Math.Max(0, lines.Moments.Count(moment => moment <= cursor) - 1);
                _changed();
            };
        });
    }

    public void Back()
    {
        if (_back.TryPop(out var previous))
        {
            Screen = previous;
        }
    }

    public void ShowList(ScreenKind list)
    {
        _back.Clear();
        Screen = list;
    }

    public void ShowHelp()
    {
        if (Screen != ScreenKind.Help)
        {
            Show(ScreenKind.Help);
        }
    }

    /// <summary>tokio-console's h and l: the sort column to the left or right.</summary>
    public void SortBy(int step)
    {
        var (list, columns) = Screen switch
        {
            ScreenKind.Tasks => (TaskList, TaskColumns.All.Count),
            ScreenKind.Resources => (ResourceList, ResourceColumns.All.Count),
            ScreenKind.Warnings => (WarningList, WarningColumns.For(Clock).Count),
            _ => ((ListCursor?)null, 0),
        };
        if (list is not null)
        {
            list.SortColumn = (list.SortColumn + step + columns) % columns;
        }
    }

    public void InvertSort()
    {
        if (Screen is ScreenKind.Tasks or ScreenKind.Resources or ScreenKind.Warnings)
        {
            CurrentList.Descending = !CurrentList.Descending;
        }
    }

    public void ToggleHideDone()
    {
        HideDone = !HideDone;
        Message = HideDone ? "done tasks hidden (d shows them)" : "done tasks shown";
    }

    public void StartPrompt(PromptKind kind)
    {
        Prompt = kind;
        PromptText = kind == PromptKind.Filter ? Filter : "";
    }

    public void Type(string text)
    {
        PromptText += text;
        if (Prompt == PromptKind.Filter)
        {
            Filter = PromptText;
        }
    }

    public void Erase()
    {
        if (PromptText.Length > 0)
        {
            PromptText = PromptText[..^1];
        }
        if (Prompt == PromptKind.Filter)
        {
            Filter = PromptText;
        }
    }

    public void EndPrompt(bool accept)
    {
        var kind = Prompt;
        Prompt = null;
        if (kind == PromptKind.Filter)
        {
            Filter = accept ? PromptText : "";
        }
        else if (kind == PromptKind.Jump && accept)
        {
            Jump(PromptText.Trim());
        }
    }

    /// <summary>Moves the time cursor by a fraction of the recording: <paramref name="hundredths"/> hundredths of it.</summary>
    public void Step(int hundredths)
    {
        if (Timeline is not { } timeline)
        {
            return;
        }
        var recording = timeline.Recording;
        var step = Math.Max(1_000UL, (recording.End - recording.Start) / 100) * (ulong)Math.Abs(hundredths);
        MoveTo(hundredths < 0 ? (Cursor > recording.Start + step ? Cursor - step : recording.Start) : Cursor + step);
    }

    public void MoveToEnd()
    {
        Paused = false;
        if (Timeline is { } timeline)
        {
            MoveTo(timeline.Recording.End);
        }
    }

    /// <summary>Moves the time cursor to <paramref name="at"/> (kept within the recording); a live console stops following unless that is the end.</summary>
    public void MoveTo(ulong at)
    {
        if (Timeline is not { } timeline)
        {
            return;
        }
        var recording = timeline.Recording;
        Cursor = Math.Clamp(at, recording.Start, recording.End);
        PauseBeforeTheEnd(timeline);
        Request(Cursor);
    }

    /// <summary>A live console stops following the program when the cursor leaves the end.</summary>
    private void PauseBeforeTheEnd(RecordingTimeline timeline)
    {
        if (_feed.IsLive && Cursor < timeline.Recording.End)
        {
            Paused = true;
        }
    }

    /// <summary>The time cursor at the place <paramref name="x"/> of <paramref name="width"/> along the timeline.</summary>
    public void MoveToPlace(int x, int width)
    {
        if (Timeline is { } timeline && width > 1)
        {
            var recording = timeline.Recording;
            var span = recording.End - recording.Start;
            MoveTo(recording.Start + (ulong)((double)span * Math.Clamp(x, 0, width - 1) / (width - 1)));
        }
    }

    /// <summary>n and p: the selected task's next or previous poll or wake, from the moment shown.</summary>
    public void Activity(bool next)
    {
        if (Timeline is not { } timeline || SelectedTask() is not { } row)
        {
            Message = "select a task first";
            return;
        }
        var from = Cursor;
        ShowComputed(
            () => (next ? timeline.NextActivity(row, from) : timeline.PreviousActivity(row, from)) is { } at ? (timeline, at) : null,
            (_, at) =>
            {
                Cursor = at;
                PauseBeforeTheEnd(timeline);
            },
            $"{row} has no {(next ? "later" : "earlier")} poll or wake");
    }

    public void TogglePause()
    {
        if (!_feed.IsLive)
        {
            Message = "a recording stands still; space pauses a live program's view";
            return;
        }
        Paused = !Paused;
        _generation++;
        if (!Paused)
        {
            MoveToEnd();
        }
    }

    public void Quit() => QuitRequested = true;

    /// <summary>
    /// A live console's clock: reads what the program has sent since the last read, until a read found the
    /// recording whole. Each read goes on from the last but copies the analysis's whole state for its
    /// snapshot, which takes longer the longer the program runs, and the program shares the machine with
    /// the console: while the program runs, the next read waits twice as long as the last one took, so
    /// reading takes at most a third of a core. The read after the program's end goes at once.
    /// </summary>
    public void Refresh()
    {
        var whole = _feed.HasEnded;
        if (!_feed.IsLive || Paused || _lastReadWhole || _worker.IsBusy || (!whole && Stopwatch.GetTimestamp() < _nextReadAt))
        {
            return;
        }
        var started = Stopwatch.GetTimestamp();
        ShowComputed(
            () =>
            {
                var timeline = _feed.Read();
                return (timeline, timeline.Recording.End);
            },
            (timeline, end) =>
            {
                // The read before this one goes: its replay may hold the recording open on a reader's thread.
                var previous = Timeline;
                Timeline = timeline;
                previous?.Dispose();
                Cursor = end;
                _lastReadWhole = whole;
                var now = Stopwatch.GetTimestamp();
                _nextReadAt = now + 2 * (now - started);
            });
    }

    private void Jump(string text)
    {
        if (Timeline is not { } timeline)
        {
            return;
        }
        if (text.Length == 0 || text == "end")
        {
            MoveToEnd();
            return;
        }
        if (!TimeBound.TryParse(text, out var bound))
        {
            Message = $"{text}: give a time as +1.5s (from the first record) or RFC 3339 (2024-01-30T15:43:24.01Z)";
            return;
        }
        MoveTo(timeline.Resolve(bound));
    }

    private void Request(ulong at)
    {
        if (Timeline is { } timeline)
        {
            ShowComputed(() => (timeline, at), (_, _) => { });
        }
    }

    /// <summary>
    /// Finds a moment and computes the program then (the snapshot, and the details of the task shown,
    /// with one replay when there is a task; on the tasks screen, its list laid out) off the screen's
    /// thread, then, unless a later request has overtaken it, applies <paramref name="moved"/> and shows
    /// the result; with no moment found, says <paramref name="notFound"/>.
    /// </summary>
    private void ShowComputed(Func<(RecordingTimeline Timeline, ulong At)?> moment, Action<RecordingTimeline, ulong> moved, string? notFound = null)
    {
        var generation = ++_generation;
        var detailTask = Screen == ScreenKind.TaskDetails ? _detailTask : null;
        // Laying a long recording's tasks out takes a second (400,000 rows): done here, keys still work.
        (bool HideDone, string Filter, (int, bool) Sort)? taskList = Screen == ScreenKind.Tasks ? (HideDone, Filter, (TaskList.SortColumn, TaskList.Descending)) : null;
        _worker.Request(() =>
        {
            if (moment() is not var (timeline, at))
            {
                return () => Apply(generation, () => Message = notFound);
            }
            var details = detailTask is var (id, created) ? timeline.TaskDetailsAt(at, id, created) : null;
            var snapshot = details?.Snapshot ?? timeline.SnapshotAt(at);
            var tasksLaidOut = taskList is var (hideDone, filter, sort)
                ? TableCache<TaskRow>.Lay(TaskRowsFrom(snapshot, hideDone, filter), snapshot.Tasks, TasksShown(hideDone, filter), TaskColumns.All, sort)
                : null;
            return () => Apply(generation, () =>
            {
                moved(timeline, at);
                // A task's details come with a snapshot of their own replay; the one shown at that moment
                // stays, and with it the lists laid out for it (a second for a long recording's tasks).
                if (Snapshot is not { } shown || shown.At != at || !ReferenceEquals(shown.Recording, timeline.Recording))
                {
                    Snapshot = snapshot;
                    if (tasksLaidOut is not null)
                    {
                        _taskTable.Offer(tasksLaidOut);
                    }
                }
                Details = details;
            });
        });
    }

    /// <summary>Applies a result on the UI thread unless a later request has overtaken it.</summary>
    private void Apply(int generation, Action apply)
    {
        if (generation != _generation)
        {
            return;
        }
        apply();
        _changed();
    }

    private void Show(ScreenKind screen)
    {
        _back.Push(Screen);
        Screen = screen;
        DetailList = new ListCursor();
    }

    private TaskRow? SelectedTask() => Screen switch
    {
        ScreenKind.TaskDetails => Details?.Task,
        ScreenKind.TaskLines => Lines?.Task,
        ScreenKind.Tasks => Selected(TaskTable().Rows, TaskList),
        _ => null,
    };

    /// <summary>What the tasks list is laid out from: a new layout when any of it changes.</summary>
    private static object TaskRowsFrom(ConsoleSnapshot? snapshot, bool hideDone, string filter) => (snapshot, hideDone, filter);

    private static Func<TaskRow, bool> TasksShown(bool hideDone, string filter) =>
        row => !(hideDone && row.State == TaskState.Done) && TaskColumns.Matches(row, filter);

    private static ScreenBody ListBody(ScreenLine header, int count, Func<int, bool, ScreenLine> row, string empty) => count == 0
        ? ScreenBody.Text([header, new ScreenLine(empty, FrameStyle.Keys)], [])
        : new ScreenBody([header], count, row, _ => null);

    private ResourceRow? FindResource(ResourceRow shown) =>
        Snapshot?.Resources.FirstOrDefault(row => row.CreatedSequence == shown.CreatedSequence);

    private static T? Selected<T>(IReadOnlyList<T> rows, ListCursor list) where T : class =>
        rows.Count == 0 ? null : rows[Math.Clamp(list.Selected, 0, rows.Count - 1)];
}
