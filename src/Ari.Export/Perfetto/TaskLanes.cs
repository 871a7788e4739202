using Ari.Tokio;

namespace Ari.Export.Perfetto;

/// <summary>
/// Lays tasks out on a bounded number of tracks, because a viewer builds every track it is given: the
/// legacy viewer never drew a 40,000-track trace, and builds a few thousand in seconds. The first
/// <see cref="DefaultOwnTracks"/> tasks of an export get a track each, named after them (an export of a
/// few tasks, or filtered to a few, reads as before). Every later task goes into the first shared lane
/// free when it joins (its spawn, or the first of it the filter shows) and keeps it to its end, gaps and
/// all; lanes are global rather than per thread, because a task moves between workers from poll to poll.
/// When all <see cref="DefaultSharedLanes"/> shared lanes are taken (more tasks alive at once than lanes),
/// a task's polls go into poll lanes, each in the first free at its start: polls overlap only as many as
/// threads poll at once, so those stay few; such a task's gaps are not drawn.
/// </summary>
internal sealed class TaskLanes(int ownTracks = TaskLanes.DefaultOwnTracks, int sharedLanes = TaskLanes.DefaultSharedLanes)
{
    public const int DefaultOwnTracks = 256;
    public const int DefaultSharedLanes = 768;

    private readonly List<Lane> _shared = [];
    private readonly List<Lane> _polls = [];
    private int _joined;
    private int _tracks;

    /// <summary>A track new to the export, to be named in it.</summary>
    public event Action<Lane>? LaneAdded;

    /// <summary>The lane the task is drawn on from <paramref name="from"/> to its end, or null when every lane is taken.</summary>
    public Lane? Join(TaskSpan task, ulong from)
    {
        if (_joined++ < ownTracks)
        {
            return Take(Add(task.IsRuntime ? $"{task} (runtime)" : task.ToString(), LaneKind.Own));
        }
        foreach (var lane in _shared)
        {
            if (!lane.Held && lane.BusyUntil <= from)
            {
                return Take(lane);
            }
        }
        if (_shared.Count < sharedLanes)
        {
            var lane = Add($"tasks, lane {_shared.Count + 1}", LaneKind.Shared);
            _shared.Add(lane);
            return Take(lane);
        }
        return null;
    }

    /// <summary>The task holding <paramref name="lane"/> ended at <paramref name="at"/>: the lane is free after it.</summary>
    public static void Leave(Lane lane, ulong at)
    {
        lane.Held = false;
        lane.BusyUntil = Math.Max(lane.BusyUntil, at);
    }

    /// <summary>The poll lane for a poll of a task without a lane.</summary>
    public Lane ForPoll(ulong start, ulong end)
    {
        var lane = _polls.Find(lane => lane.BusyUntil <= start);
        if (lane is null)
        {
            lane = Add($"polls of tasks without a lane, {_polls.Count + 1}", LaneKind.Polls);
            _polls.Add(lane);
        }
        lane.BusyUntil = end;
        return lane;
    }

    private Lane Add(string name, LaneKind kind)
    {
        var lane = new Lane(++_tracks, name, kind);
        LaneAdded?.Invoke(lane);
        return lane;
    }

    private static Lane Take(Lane lane)
    {
        lane.Held = true;
        return lane;
    }
}
