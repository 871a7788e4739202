namespace Ari.Console.Ui;

/// <summary>The console's screens: three lists, the details behind each, and the keys.</summary>
internal enum ScreenKind
{
    Tasks,
    TaskDetails,
    Resources,
    ResourceDetails,
    Warnings,
    WarningDetails,
    Help,
}
