namespace Ari.Views.Styling;

/// <summary>
/// A colour of the palette, by role rather than by value: each instrumentation kind has a colour and a
/// brighter one for its IDs; levels have their own. <see cref="Palette"/> says what each one looks like.
/// </summary>
internal enum Tint : byte
{
    /// <summary>No colour of its own (the terminal's or the page's foreground).</summary>
    None,

    /// <summary>The program's own spans and events, and the parts of a timestamp.</summary>
    Neutral,

    Spawn,
    SpawnId,
    Resource,
    ResourceId,
    AsyncOp,
    AsyncOpId,
    AsyncOpPoll,
    AsyncOpPollId,
    Waker,
    WakerId,
    PollOp,
    PollOpId,
    StateUpdate,
    StateUpdateId,
    AsyncOpStateUpdate,
    AsyncOpStateUpdateId,

    Trace,
    Debug,
    Info,
    Warn,
    Error,
}
