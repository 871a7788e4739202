namespace Ari.Console.Ui;

/// <summary>
/// Computes what the console shows next (a snapshot, a task's details: a replay of the recording up to
/// a moment) on a thread of its own, so keys keep working during a long jump. One job runs at a time and
/// one waits; a newer request replaces the waiting one, and a result that a newer request has already
/// overtaken is dropped: dragging along the timeline shows the last place, not every place passed.
/// </summary>
internal sealed class SnapshotWorker(Action<Action> post, Action<string> failed)
{
    private readonly Lock _gate = new();
    private Func<Action>? _waiting;
    private bool _running;

    /// <summary>Whether a job runs or waits.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_gate)
            {
                return _running;
            }
        }
    }

    /// <summary>
    /// Queues <paramref name="job"/>, which returns what to do on the UI thread with its result; that goes
    /// there through post, or a failure to read the recording through failed.
    /// </summary>
    public void Request(Func<Action> job)
    {
        lock (_gate)
        {
            _waiting = job;
            if (_running)
            {
                return;
            }
            _running = true;
        }
        _ = Task.Run(Work);
    }

    private void Work()
    {
        while (true)
        {
            Func<Action> job;
            lock (_gate)
            {
                if (_waiting is null)
                {
                    _running = false;
                    return;
                }
                job = _waiting;
                _waiting = null;
            }
            Action apply;
            try
            {
                apply = job();
            }
            catch (Exception e)
            {
                // Whatever stops a job is said on the status line: the console stays usable (and the
                // terminal in order) rather than dying on a thread nobody watches.
                apply = () => failed($"reading the recording failed: {e.Message}");
            }
            bool overtaken;
            lock (_gate)
            {
                overtaken = _waiting is not null;
            }
            if (!overtaken)
            {
                post(apply);
            }
        }
    }
}
