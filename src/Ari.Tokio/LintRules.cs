namespace Ari.Tokio;

/// <summary>Lint rules' names as written on the command line and in JSON.</summary>
public static class LintRules
{
    public static string Name(LintRule rule) => rule switch
    {
        LintRule.SelfWakes => "self-wakes",
        LintRule.LongPoll => "long-poll",
        LintRule.LostWaker => "lost-waker",
        LintRule.NoResourceParent => "no-resource-parent",
        LintRule.UnbalancedEnterExit => "unbalanced-enter-exit",
        LintRule.SpanNeverClosed => "span-never-closed",
        _ => "state-never-updated",
    };
}
