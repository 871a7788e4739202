namespace Ari.Tokio;

/// <summary>
/// Counts a task's polls two ways. <see cref="Raw"/>: every enter/exit pair of its span.
/// <see cref="Corrected"/>: without the extra pair that tracing's <c>Instrumented</c> makes when it drops
/// the future (tracing#2562, tracing 0.1.38 and later): it enters the span, drops the future, exits,
/// and then the span closes. That pair is told apart from a real last poll because a future is only
/// polled again after a wake, and the drop pair comes without one. A <c>block_on</c> future is woken
/// through the thread's parker, which Tokio does not instrument, so its polls come without wakes and
/// its count is never corrected (with tracing 0.1.38 and later, it is one too high).
/// A struct inside its task: a task lives as long as its span, and an object fewer for each is less
/// for the collector to copy.
/// </summary>
public struct PollCounter
{
    private bool _polled;
    private bool _wokenSincePoll;
    private bool _lastLooksLikeDrop;
    private long _raw;
    private long _dropPairs;

    /// <summary>Enter/exit pairs (outermost enters of the span on a thread).</summary>
    public readonly long Raw => _raw;

    /// <summary>1 when the last pair before close was the <c>Instrumented</c> drop, not a poll.</summary>
    public readonly long DropPairs => _dropPairs;

    public readonly long Corrected => _raw - _dropPairs;

    internal void NoteWake() => _wokenSincePoll = true;

    internal void Start(bool wakesAreInstrumented)
    {
        _raw++;
        _lastLooksLikeDrop = wakesAreInstrumented && _polled && !_wokenSincePoll;
        _polled = true;
        _wokenSincePoll = false;
    }

    internal void Close()
    {
        if (_lastLooksLikeDrop)
        {
            _dropPairs = 1;
        }
    }
}
