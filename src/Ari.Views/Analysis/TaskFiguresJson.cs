using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>The JSON of the figures a task and a group of tasks share (<see cref="ITaskFigures"/>).</summary>
internal static class TaskFiguresJson
{
    /// <summary>A <c>wakes</c> object by class: self, by another task, by the runtime, from outside it.</summary>
    public static void WriteWakes(Utf8JsonWriter json, ITaskFigures figures)
    {
        json.WriteStartObject("wakes");
        json.WriteNumber("self", figures.SelfWakes);
        json.WriteNumber("task", figures.TaskWakes);
        json.WriteNumber("runtime", figures.RuntimeWakes);
        json.WriteNumber("outside", figures.OutsideWakes);
        json.WriteEndObject();
    }

    /// <summary>Time polled, waiting to be polled after a wake, and waiting for a wake.</summary>
    public static void WriteTimes(Utf8JsonWriter json, ITaskFigures figures)
    {
        json.WriteNumber("busy_ns", figures.BusyNanos);
        json.WriteNumber("scheduled_ns", figures.ScheduledNanos);
        json.WriteNumber("idle_ns", figures.IdleNanos);
    }
}
