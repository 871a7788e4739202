using System.Text.RegularExpressions;
using Ari.Console.Model;
using Ari.Console.Ui;
using Ari.Testing;
using Ari.Tokio;
using Terminal.Gui.Input;

namespace Ari.Console.Tests.Ui;

/// <summary>
/// Key sequences through the interactive console on a real program's recording, under Terminal.Gui's
/// driver without a terminal: what the screen says after each, held against the model's own answers.
/// </summary>
public sealed class InteractiveConsoleTests
{
    private static readonly Lazy<RecordingTimeline> Timers = new(() => RecordingTimeline.Open(RealPrograms.Recorded("timers").Recording));

    private static FakeTerminal Open(int columns = 120, int rows = 30) => new(new RecordedFeed(Timers.Value), columns, rows);

    [Fact]
    public void It_opens_at_the_end_with_every_task_in_order_of_Tokio_ID()
    {
        using var terminal = Open();
        var atEnd = Timers.Value.AtEnd;

        Assert.Contains("(end)", terminal.Lines[0]);
        Assert.StartsWith($"{atEnd.Tasks.Count} tasks:", terminal.Lines[1]);
        Assert.Matches(@"^\s*ID▲\s+State\s+Name\s+Total", terminal.Lines[2]);
        var shown = terminal.Session.TaskTable().Rows;
        Assert.Equal(atEnd.Tasks.Count, shown.Count);
        Assert.Equal(shown.Select(row => row.TokioId).Order(), shown.Select(row => row.TokioId));
        Assert.Matches($@"^\s*{shown[0].TokioId}\s+done", terminal.Lines[3]);
    }

    [Fact]
    public void Enter_shows_the_selected_task_and_esc_goes_back()
    {
        using var terminal = Open();
        terminal.Press(Key.CursorDown, Key.J, Key.K);
        var selected = terminal.Session.TaskTable().Rows[1];

        terminal.Press(Key.Enter);

        Assert.Contains($"Task {selected.TokioId}", terminal.Text);
        Assert.Contains("poll duration", terminal.Text);
        Assert.Contains("scheduled delay", terminal.Text);
        Assert.Contains($"polls {selected.Polls.Corrected}", terminal.Text);
        terminal.Press(Key.Esc);
        Assert.Matches(@"^\s*ID▲", terminal.Lines[2]);
    }

    [Fact]
    public void L_and_i_sort_by_polls_most_first()
    {
        using var terminal = Open();
        terminal.Press(Enumerable.Repeat(Key.L, 7).Append(Key.I).ToArray());

        Assert.Contains("Polls▼", terminal.Lines[2]);
        var most = Timers.Value.AtEnd.Tasks.Max(row => row.Polls.Corrected);
        Assert.Equal(most, terminal.Session.TaskTable().Rows[0].Polls.Corrected);
        Assert.Matches($@"^\s*{terminal.Session.TaskTable().Rows[0].TokioId}\s", terminal.Lines[3]);
    }

    [Fact]
    public void The_list_is_laid_out_once_a_moment_through_moves_and_a_tasks_details_and_again_when_its_sort_changes()
    {
        using var terminal = Open();
        var table = terminal.Session.TaskTable();

        terminal.Press(Key.CursorDown, Key.CursorDown, Key.CursorUp);
        Assert.Same(table, terminal.Session.TaskTable());

        terminal.Press(Key.Enter, Key.Esc);
        Assert.Same(table, terminal.Session.TaskTable());

        terminal.Press(Key.I);
        Assert.NotSame(table, terminal.Session.TaskTable());
        Assert.Equal(table.Rows.Reverse(), terminal.Session.TaskTable().Rows);
    }

    [Fact]
    public void A_filter_keeps_the_tasks_whose_location_matches()
    {
        using var terminal = Open();
        var location = Timers.Value.AtEnd.Tasks.First(row => row.Location is not null).Location!;
        var file = Path.GetFileName(location.Split(':')[0]);

        terminal.Press(new Key('/'));
        terminal.Type(file);
        terminal.Press(Key.Enter);

        Assert.Contains($"filter: {file}", terminal.Lines[1]);
        var expected = Timers.Value.AtEnd.Tasks.Count(row => row.Location?.Contains(file) == true);
        Assert.Equal(expected, terminal.Session.TaskTable().Rows.Count);
        Assert.True(expected < Timers.Value.AtEnd.Tasks.Count, "the filter should leave some tasks out");
    }

    [Fact]
    public void A_jump_shows_exactly_the_tasks_spawned_by_then()
    {
        using var terminal = Open();
        var timeline = Timers.Value;
        var later = timeline.AtEnd.Tasks[timeline.AtEnd.Tasks.Count / 2];
        var offset = later.FirstAt - 1 - timeline.Recording.Start;

        terminal.Press(Key.G);
        terminal.Type($"+{offset}ns");
        terminal.Press(Key.Enter);

        var expected = timeline.SnapshotAt(later.FirstAt - 1);
        Assert.Equal(later.FirstAt - 1, terminal.Session.Cursor);
        Assert.StartsWith($"{expected.Tasks.Count} tasks:", terminal.Lines[1]);
        Assert.DoesNotContain(terminal.Session.TaskTable().Rows, row => row.CreatedSequence == later.CreatedSequence);
        Assert.Contains(" of ", terminal.Lines[0]);
    }

    [Fact]
    public void Steps_move_the_cursor_back_and_forward_and_G_returns_to_the_end()
    {
        using var terminal = Open();
        var recording = Timers.Value.Recording;

        terminal.Press(new Key('{'));
        var back = terminal.Session.Cursor;
        terminal.Press(new Key(']'));

        Assert.True(back < recording.End);
        Assert.True(terminal.Session.Cursor > back);
        Assert.Equal(Timers.Value.SnapshotAt(terminal.Session.Cursor).Tasks.Count, terminal.Session.Snapshot!.Tasks.Count);
        terminal.Press(Key.G.WithShift);
        Assert.Equal(recording.End, terminal.Session.Cursor);
        Assert.Contains("(end)", terminal.Lines[0]);
    }

    [Fact]
    public void N_and_p_move_to_the_selected_tasks_next_and_previous_activity()
    {
        using var terminal = Open();
        var timeline = Timers.Value;
        var task = terminal.Session.TaskTable().Rows.First(row => row.Polls.Corrected > 1);
        var start = task.FirstAt;
        terminal.Press(Key.G);
        terminal.Type($"+{start - timeline.Recording.Start}ns");
        terminal.Press(Key.Enter);
        terminal.Session.Select(terminal.Session.TaskTable().Rows.ToList().FindIndex(row => row.CreatedSequence == task.CreatedSequence));
        terminal.Press(Key.Enter);

        terminal.Press(Key.N);
        var next = timeline.NextActivity(task, start);
        Assert.Equal(next, terminal.Session.Cursor);
        Assert.Contains($"Task {task.TokioId}", terminal.Text);

        terminal.Press(Key.N, Key.P);
        Assert.Equal(next, terminal.Session.Cursor);
    }

    [Fact]
    public void A_tasks_own_lines_are_those_of_ari_show_and_enter_on_one_moves_the_console_to_it()
    {
        using var terminal = Open();
        var task = terminal.Session.TaskTable().Rows.First(row => row.Polls.Corrected > 1);
        terminal.Session.Select(terminal.Session.TaskTable().Rows.ToList().IndexOf(task));

        terminal.Press(Key.V);

        var lines = terminal.Session.Lines!;
        var shown = AriCommand.Ok("show", Timers.Value.Recording.Path, "--task", task.SpanId.ToString(), "--format", "ansi")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(shown, lines.Lines);
        Assert.Equal(lines.Lines.Count, lines.Moments.Count);
        var last = Regex.Replace(lines.Lines[^1], "\e\\[[0-9;]*m", "");
        Assert.Contains(last[..60], terminal.Text);

        terminal.Press(Key.Home, Key.J, Key.J, Key.Enter);
        Assert.Equal(lines.Moments[2], terminal.Session.Cursor);
        Assert.Contains(" of ", terminal.Lines[0]);
    }

    [Fact]
    public void A_click_on_the_timeline_moves_the_cursor_there()
    {
        using var terminal = Open(columns: 80, rows: 24);

        terminal.Click(0, 22);

        Assert.Equal(Timers.Value.Recording.Start, terminal.Session.Cursor);
        Assert.StartsWith("●", terminal.Lines[22]);
    }

    [Fact]
    public void A_drag_along_the_timeline_moves_the_cursor_with_it()
    {
        using var terminal = Open(columns: 81, rows: 24);
        var recording = Timers.Value.Recording;

        terminal.Mouse(20, 22, MouseFlags.LeftButtonPressed);
        terminal.Mouse(40, 22, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport);

        Assert.Equal(recording.Start + (recording.End - recording.Start) / 2, terminal.Session.Cursor);
        Assert.Equal(40, terminal.Lines[22].IndexOf('●'));
    }

    [Fact]
    public void A_click_selects_a_row_and_the_wheel_scrolls()
    {
        using var terminal = Open(columns: 80, rows: 24);

        terminal.Click(2, 5);
        Assert.Equal(2, terminal.Session.TaskList.Selected);
        terminal.Mouse(2, 5, MouseFlags.WheeledDown);
        Assert.Equal(5, terminal.Session.TaskList.Selected);
        terminal.Mouse(2, 5, MouseFlags.LeftButtonDoubleClicked);
        Assert.Contains("poll duration", terminal.Text);
    }

    [Fact]
    public void Resources_warnings_and_help_have_their_screens()
    {
        using var terminal = Open(columns: 80, rows: 24);

        terminal.Press(Key.R);
        Assert.Matches(@"^\s*ID▲\s+Type", terminal.Lines[2]);
        terminal.Press(Key.Enter);
        Assert.StartsWith("Resource ", terminal.Lines[2]);
        terminal.Press(Key.W);
        Assert.True(terminal.Lines[2].StartsWith("Warning▲") || terminal.Text.Contains("no warnings"));
        terminal.Press(new Key('?'));
        Assert.Contains("Keys", terminal.Lines[2]);
        terminal.Press(Key.Esc, Key.T);
        Assert.Matches(@"^\s*ID▲\s+State", terminal.Lines[2]);
    }

    [Fact]
    public void Done_tasks_hide_and_q_quits()
    {
        using var terminal = Open();

        terminal.Press(Key.D);

        Assert.Contains("done (hidden)", terminal.Lines[1]);
        Assert.DoesNotContain(terminal.Session.TaskTable().Rows, row => row.State == TaskState.Done);
        terminal.Press(Key.Q);
        Assert.True(terminal.Session.QuitRequested);
    }
}
