using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// The line a journalist or researcher pastes to cite one statement: who, what (quoted only when verbatim), how and
/// when it was said, where it was reported, and where PeaceTalks keeps it, with the day it was looked up.
/// </summary>
public static class Citation
{
    public static string For(StatementItem s, string pageUrl, DateOnly retrieved)
    {
        var said = s.Kind == TextKind.Quote ? $"“{s.Text}”" : $"{s.Text} (paraphrase)";
        var parts = new List<string>
        {
            s.ActorRole is { } role ? $"{s.Actor.Name} ({role})" : s.Actor.Name,
            said,
            DateText.Label(s.Channel),
            DateText.Long(s.Date, s.DatePrecision, s.DateBasis),
        };
        var source = s.Source.Outlet is { } outlet && !s.Source.Title.Contains(outlet, StringComparison.OrdinalIgnoreCase)
            ? $"{outlet}, {s.Source.Title}"
            : s.Source.Title;
        if (s.Via is { } via)
        {
            source += $", via {via.Title}";
        }
        parts.Add(Components.Shared.SourceLine.SafeUrl(s.Source.Url) is { } url ? $"{source}, {url}" : source);
        parts.Add($"PeaceTalks, {pageUrl} (retrieved {Csv.CsvCells.Date(retrieved)})");
        return string.Join(". ", parts.Select(p => p.TrimEnd('.'))) + ".";
    }
}
