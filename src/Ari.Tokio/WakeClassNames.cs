namespace Ari.Tokio;

/// <summary>A <see cref="WakeClass"/> as ari writes it: <c>self</c>, <c>task</c>, <c>runtime</c> or <c>outside</c>.</summary>
public static class WakeClassNames
{
    public static string Name(this WakeClass wakeClass) => wakeClass switch
    {
        WakeClass.Self => "self",
        WakeClass.Task => "task",
        WakeClass.Runtime => "runtime",
        _ => "outside",
    };
}
