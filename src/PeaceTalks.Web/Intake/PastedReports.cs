using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

/// <summary>Several reports pasted at once, a line of three dashes between them.</summary>
public static partial class PastedReports
{
    /// <summary>
    /// Each report of a paste. A short first line that does not end a sentence is taken as the report's headline;
    /// outlet, address and date are left for the editor, since a pasted text seldom states them reliably.
    /// </summary>
    public static IReadOnlyList<IntakeArticle> Split(string text)
    {
        var reports = new List<IntakeArticle>();
        foreach (var part in Separator().Split(text))
        {
            var report = part.Trim();
            if (report.Length == 0)
            {
                continue;
            }
            reports.Add(HeadlineEnd(report) is { } lineEnd
                ? new IntakeArticle(report[lineEnd..].Trim(), report[..lineEnd].Trim(), null, null, null)
                : new IntakeArticle(report, null, null, null, null));
        }
        return reports;
    }

    /// <summary>The headline of one report: its first line when short and not ending like a sentence; null otherwise.</summary>
    public static string? Headline(string text)
    {
        var report = text.Trim();
        return HeadlineEnd(report) is { } lineEnd ? report[..lineEnd].Trim() : null;
    }

    private static int? HeadlineEnd(string report)
    {
        var lineEnd = report.IndexOfAny(['\r', '\n']);
        var first = lineEnd < 0 ? report : report[..lineEnd].Trim();
        var isHeadline = lineEnd > 0 && first.Length is > 0 and <= 200 && !first.EndsWith('.') && !first.EndsWith('!') && !first.EndsWith('?')
            && !first.EndsWith('”') && !first.EndsWith('"') && !first.EndsWith('»');
        return isHeadline ? lineEnd : null;
    }

    /// <summary>True when the text holds more than one report.</summary>
    public static bool AreSeveral(string text) => Separator().Split(text).Count(p => !string.IsNullOrWhiteSpace(p)) > 1;

    [GeneratedRegex(@"(?:^|\r?\n)[ \t]*-{3,}[ \t]*(?:\r?\n|$)")]
    private static partial Regex Separator();
}
