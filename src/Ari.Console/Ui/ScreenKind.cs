namespace Ari.Console.Ui;

/// <summary>The console's screens: three lists, the details behind each, a task's own lines, and the keys.</summary>
internal enum ScreenKind
{
    Tasks,
    TaskDetails,
    TaskLines,
    Resources,
    ResourceDetails,
    Warnings,
    WarningDetails,
    Help,
}
