using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary><c>ari lint</c>: one row per rule that found something: how often, and where first.</summary>
public static class LintView
{
    public static void WriteTable(TokioAnalysis analysis, TextWriter output)
    {
        var findings = analysis.Linter.Findings;
        if (findings.Count == 0)
        {
            output.WriteLine("no warnings");
            return;
        }
        var table = new TextTable("Warning", "Count", "First at", "Thread", "First").RightAlign(1);
        foreach (var finding in findings)
        {
            table.Add(LintRules.Name(finding.Rule), StateValueJson.Count(finding.Count),
                AnalysisClock.Relative(analysis, finding.FirstAt), finding.FirstThread ?? "-", finding.First);
        }
        table.WriteTo(output);
    }

    public static void WriteJson(TokioAnalysis analysis, Stream output)
    {
        using var lines = new JsonLines(output);
        foreach (var finding in analysis.Linter.Findings)
        {
            lines.Write(json =>
            {
                json.WriteString("rule", LintRules.Name(finding.Rule));
                json.WriteNumber("count", finding.Count);
                json.WriteString("first_ts", AnalysisClock.Absolute(analysis, finding.FirstAt));
                JsonLines.StringOrNull(json, "first_thread", finding.FirstThread);
                json.WriteString("first", finding.First);
            });
        }
    }
}
