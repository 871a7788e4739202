using System.Text;
using System.Text.Json;
using Ari.Tokio;

namespace Ari.Views.Analysis;

/// <summary>
/// <c>ari lint</c>: a table with one row per rule that found something (how often, and where first), or
/// with every warning; JSON lines with one object per warning. Every warning, rule by rule and each rule's
/// in the order they happened, is kept as its row's or line's text as the linter finds it
/// (<see cref="TokioLinter.Warned"/>), on disk past a megabyte (<see cref="OrderedRows"/>), not as findings.
/// </summary>
public static class LintView
{
    /// <summary>The table, written when the analysis finishes; called before it reads.</summary>
    public static void FollowTable(TokioAnalysis analysis, TextWriter output, bool every)
    {
        if (!every)
        {
            analysis.Finished += () => WriteSummary(analysis, output);
            return;
        }
        var table = new TextTable("Warning", "At", "Thread", "What");
        analysis.Linter.Warned += (rule, occurrence) => table.AddInOrder(Order(rule, occurrence), LintRules.Name(rule),
            AnalysisClock.Relative(analysis, occurrence.At), occurrence.Thread ?? "-", occurrence.What);
        analysis.Finished += () =>
        {
            if (table.RowCount == 0)
            {
                output.WriteLine("no warnings");
                return;
            }
            table.WriteTo(output);
        };
    }

    /// <summary>Every warning as a JSON line, written when the analysis finishes; called before it reads.</summary>
    public static void FollowJson(TokioAnalysis analysis, Stream output)
    {
        var lines = new OrderedRows();
        var value = new JsonValue();
        analysis.Linter.Warned += (rule, occurrence) => lines.AddInOrder(Order(rule, occurrence), Encoding.UTF8.GetString(value.Of(json =>
        {
            json.WriteStartObject();
            json.WriteString("rule", LintRules.Name(rule));
            json.WriteString("ts", AnalysisClock.Absolute(analysis, occurrence.At));
            JsonLines.StringOrNull(json, "thread", occurrence.Thread);
            json.WriteString("what", occurrence.What);
            json.WriteEndObject();
        })));
        analysis.Finished += () =>
        {
            foreach (var line in lines.InOrder())
            {
                output.Write(Encoding.UTF8.GetBytes(line));
                output.Write("\n"u8);
            }
            output.Flush();
        };
    }

    /// <summary>Rule by rule, each rule's warnings in the order they happened (equal times as found).</summary>
    private static UInt128 Order(LintRule rule, LintOccurrence occurrence) => ((UInt128)(ulong)rule << 64) | occurrence.At;

    private static void WriteSummary(TokioAnalysis analysis, TextWriter output)
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
            var first = finding.First;
            table.Add(LintRules.Name(finding.Rule), StateValueJson.Count(finding.Count), AnalysisClock.Relative(analysis, first.At), first.Thread ?? "-", first.What);
        }
        table.WriteTo(output);
    }
}
