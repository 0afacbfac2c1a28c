using System.Text.RegularExpressions;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// Links a candidate to a recorded meeting when the report names the meeting's place as a place near the words (same
/// sentence, paragraph or the paragraph before) and the words' day, or the report's when it gives none, is within two
/// days of it. "In Moscow", "at Dolmabahce", "the Moscow talks" name a place; "a win for Moscow" names a government.
/// </summary>
internal sealed partial class MeetingLinker(IReadOnlyList<KnownMeeting> meetings)
{
    private const int Days = 2;

    private readonly List<(KnownMeeting Meeting, string[] Places)> _meetings =
        [.. meetings.Select(m => (m, m.Place.Split([',', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length >= 3).ToArray())).Where(m => m.Item2.Length > 0)];

    public MeetingGuess? Link(string text, Sentence sentence, Paragraph paragraph, DateGuess date, DateOnly? published)
    {
        if (_meetings.Count == 0)
        {
            return null;
        }
        var day = date.Basis == DateBasis.On && date.Precision == DatePrecision.Day ? date.Date : published;
        if (day is not { } d)
        {
            return null;
        }
        var near = new[]
        {
            (Where: "in the same sentence", Text: text[sentence.Start..sentence.End]),
            (Where: "in the same paragraph", Text: text[paragraph.Start..paragraph.End]),
            (Where: "just before the words", Text: text[Math.Max(0, paragraph.Start - 600)..paragraph.Start]),
        };
        MeetingGuess? best = null;
        var bestScore = int.MaxValue;
        foreach (var (meeting, places) in _meetings)
        {
            var apart = Math.Abs(meeting.Date.DayNumber - d.DayNumber);
            if (apart > Days)
            {
                continue;
            }
            for (var i = 0; i < near.Length; i++)
            {
                var place = places.FirstOrDefault(p => ContainsWord(near[i].Text, p));
                if (place is null)
                {
                    continue;
                }
                var score = apart * 10 + i;
                if (score < bestScore)
                {
                    bestScore = score;
                    var when = date.Basis == DateBasis.On ? $"the words are of {Cells.Date(d)}" : $"the report is of {Cells.Date(d)}";
                    best = new MeetingGuess(meeting.Slug, meeting.Title,
                        $"“{place}” is named {near[i].Where} and {when}, {(apart == 0 ? "the meeting’s day" : $"{apart} day(s) from the meeting of {Cells.Date(meeting.Date)}")}");
                }
                break;
            }
        }
        return best;
    }

    private static bool ContainsWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))
                && (Locative().IsMatch(text.AsSpan(Math.Max(0, at - 16), Math.Min(at, 16)))
                    || Occasion().IsMatch(text.AsSpan(end, Math.Min(text.Length - end, 24)))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A preposition of place just before the name: "in", "at", "to", "from", "near", "outside", "inside".</summary>
    [GeneratedRegex(@"\b(?:in|at|to|from|near|outside|inside|into)\s+(?:the\s+)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Locative();

    /// <summary>The name used for the occasion held there: "the Moscow talks", "Geneva meeting", "Istanbul round".</summary>
    [GeneratedRegex(@"^[’']?s?\s+(?:talks|meeting|meetings|session|summit|round|negotiations|consultations)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Occasion();
}
