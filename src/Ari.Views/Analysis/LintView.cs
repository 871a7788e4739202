using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari lint</c>: a table with one row per rule that found something (how often, and where first), or
/// with every warning; JSON lines with one object per warning.
/// </summary>
public static class LintView
{
    public static void WriteTable(TokioAnalysis analysis, TextWriter output, bool every)
    {
        var findings = analysis.Linter.Findings;
        if (findings.Count == 0)
        {
            output.WriteLine("no warnings");
            return;
        }
        var table = every
            ? new TextTable("Warning", "At", "Thread", "What")
            : new TextTable("Warning", "Count", "First at", "Thread", "First").RightAlign(1);
        foreach (var finding in findings)
        {
            var rule = LintRules.Name(finding.Rule);
            if (!every)
            {
                var first = finding.First;
                table.Add(rule, StateValueJson.Count(finding.Count), AnalysisClock.Relative(analysis, first.At), first.Thread ?? "-", first.What);
                continue;
            }
            foreach (var occurrence in finding.Occurrences)
            {
                table.Add(rule, AnalysisClock.Relative(analysis, occurrence.At), occurrence.Thread ?? "-", occurrence.What);
            }
        }
        table.WriteTo(output);
    }

    /// <summary>Every warning, rule by rule, each rule's in the order they happened.</summary>
    public static void WriteJson(TokioAnalysis analysis, Stream output)
    {
        using var lines = new JsonLines(output);
        foreach (var finding in analysis.Linter.Findings)
        {
            foreach (var occurrence in finding.Occurrences)
            {
                lines.Write(json =>
                {
                    json.WriteString("rule", LintRules.Name(finding.Rule));
                    json.WriteString("ts", AnalysisClock.Absolute(analysis, occurrence.At));
                    JsonLines.StringOrNull(json, "thread", occurrence.Thread);
                    json.WriteString("what", occurrence.What);
                });
            }
        }
    }
}
