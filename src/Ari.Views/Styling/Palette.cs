using Ari.Tokio;
using Ari.Wire;

namespace Ari.Views.Styling;

/// <summary>
/// The one place colours are decided (docs/views.md): each Tokio instrumentation kind and its IDs,
/// the levels as tracing's fmt colours them, and a neutral grey for everything else. Writers ask it
/// for a colour's value (ANSI) or its class name (HTML).
/// </summary>
internal static class Palette
{
    private static readonly uint[] Rgbs = Build();

    /// <summary>The colour as 0xRRGGBB.</summary>
    public static uint Rgb(Tint tint) => Rgbs[(int)tint];

    /// <summary>The kind's colour: a span's text, an event's fields, the tree's arrows.</summary>
    public static Tint Base(InstrumentationKind kind) => kind switch
    {
        InstrumentationKind.Spawn => Tint.Spawn,
        InstrumentationKind.Resource => Tint.Resource,
        InstrumentationKind.AsyncOp => Tint.AsyncOp,
        InstrumentationKind.AsyncOpPoll => Tint.AsyncOpPoll,
        InstrumentationKind.Waker => Tint.Waker,
        InstrumentationKind.PollOp => Tint.PollOp,
        InstrumentationKind.StateUpdate => Tint.StateUpdate,
        InstrumentationKind.AsyncOpStateUpdate => Tint.AsyncOpStateUpdate,
        _ => Tint.Neutral,
    };

    /// <summary>The kind's bright colour: span IDs, lifecycle words, event targets.</summary>
    public static Tint Id(InstrumentationKind kind) => kind switch
    {
        InstrumentationKind.Other => Tint.Neutral,
        // Every kind's ID tint directly follows its base tint.
        _ => Base(kind) + 1,
    };

    public static Tint Of(Level level) => level switch
    {
        Level.Trace => Tint.Trace,
        Level.Debug => Tint.Debug,
        Level.Info => Tint.Info,
        Level.Warn => Tint.Warn,
        _ => Tint.Error,
    };

    /// <summary>The HTML class of a tint: its name in kebab case (<c>spawn-id</c>, <c>async-op-poll</c>).</summary>
    public static string ClassName(Tint tint) => tint switch
    {
        Tint.None => "",
        Tint.Neutral => "neutral",
        Tint.Spawn => "spawn",
        Tint.SpawnId => "spawn-id",
        Tint.Resource => "resource",
        Tint.ResourceId => "resource-id",
        Tint.AsyncOp => "async-op",
        Tint.AsyncOpId => "async-op-id",
        Tint.AsyncOpPoll => "async-op-poll",
        Tint.AsyncOpPollId => "async-op-poll-id",
        Tint.Waker => "waker",
        Tint.WakerId => "waker-id",
        Tint.PollOp => "poll-op",
        Tint.PollOpId => "poll-op-id",
        Tint.StateUpdate => "state-update",
        Tint.StateUpdateId => "state-update-id",
        Tint.AsyncOpStateUpdate => "async-op-state-update",
        Tint.AsyncOpStateUpdateId => "async-op-state-update-id",
        Tint.Trace => "trace",
        Tint.Debug => "debug",
        Tint.Info => "info",
        Tint.Warn => "warn",
        _ => "error",
    };

    private static uint[] Build()
    {
        var rgb = new uint[Enum.GetValues<Tint>().Length];
        rgb[(int)Tint.Neutral] = 0xaaaaaa;
        rgb[(int)Tint.Spawn] = 0x489e6c;
        rgb[(int)Tint.SpawnId] = 0x5aba84;
        rgb[(int)Tint.Resource] = 0xba5a57;
        rgb[(int)Tint.ResourceId] = 0xdf5853;
        rgb[(int)Tint.AsyncOp] = 0x5c8dce;
        rgb[(int)Tint.AsyncOpId] = 0x508ee3;
        rgb[(int)Tint.AsyncOpPoll] = 0xe5e44d;
        rgb[(int)Tint.AsyncOpPollId] = 0xf5f466;
        rgb[(int)Tint.Waker] = 0x9d4edd;
        rgb[(int)Tint.WakerId] = 0xc77dff;
        rgb[(int)Tint.PollOp] = 0xffbf69;
        rgb[(int)Tint.PollOpId] = 0xff9f1c;
        rgb[(int)Tint.StateUpdate] = 0xc9184a;
        rgb[(int)Tint.StateUpdateId] = 0xff4d6d;
        rgb[(int)Tint.AsyncOpStateUpdate] = 0x9ceaef;
        rgb[(int)Tint.AsyncOpStateUpdateId] = 0x68d8d6;
        // The levels as tracing-subscriber's fmt colours them, in this palette's shades.
        rgb[(int)Tint.Trace] = 0x9d4edd;
        rgb[(int)Tint.Debug] = 0x5c8dce;
        rgb[(int)Tint.Info] = 0x489e6c;
        rgb[(int)Tint.Warn] = 0xe5e44d;
        rgb[(int)Tint.Error] = 0xba5a57;
        return rgb;
    }
}
