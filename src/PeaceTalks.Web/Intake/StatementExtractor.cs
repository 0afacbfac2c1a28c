using System.Globalization;
using System.Text.RegularExpressions;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// The first pass over a news report: every direct quote (in any of the common quotation-mark styles) and every clear
/// reported-speech sentence, with the speaker (a known actor by name, alternative name or role phrase; "he said"
/// back to the last speaker; a capitalised name near "said" as a proposed new actor) and the day the words were
/// said (resolved against the publication date). Plain rules, no network, no model files: an editor reviews
/// every candidate before anything is saved.
/// </summary>
/// <remarks>
/// A quote interrupted by "he said" gives two candidates, one per span, each exactly as printed; a quote that runs
/// over several paragraphs gives one candidate per paragraph. Both keep every verbatim text a substring of the article.
/// </remarks>
public sealed partial class StatementExtractor
{
    private const string Verbs = "said|says|told|added|noted|stressed|stated|wrote|posted|explained|continued|replied|insisted|warned|" +
        "emphasized|emphasised|acknowledged|confirmed|claimed|declared|announced|argued|underlined|went on to say|reiterated";

    private readonly List<(string Name, KnownActor Actor, bool IgnoreCase)> _names;
    private readonly IReadOnlyList<KnownIssue> _issues;

    public StatementExtractor(IReadOnlyList<KnownActor> actors, IReadOnlyList<KnownIssue> issues)
    {
        // Longest names first, so "President Vladimir Putin" wins over "Putin"; role phrases ("the minister") match in any case.
        _names = [.. actors.SelectMany(a => a.Names.Prepend(a.Name).Where(n => n.Trim().Length > 2).Distinct()
                .Select(n => (Name: n.Trim(), Actor: a, IgnoreCase: char.IsLower(n.Trim()[0]))))
            .OrderByDescending(n => n.Name.Length)];
        _issues = issues;
    }

    /// <param name="publishedOn">The report's date, if known: weekdays and "yesterday" are resolved against it.</param>
    /// <param name="today">Used for the year of a month and day when the report has no date.</param>
    public IReadOnlyList<Candidate> Extract(string text, DateOnly? publishedOn, DateOnly today)
    {
        var state = new ArticleState(text, publishedOn, today, FindMentions(text), Dateline(text, publishedOn ?? today));
        // "Zelensky said on Dec. 9": the day of that occasion dates the speaker's other words in the report too.
        foreach (var m in state.Mentions)
        {
            var after = text[m.End..Math.Min(text.Length, m.End + 40)];
            var verb = ReportingAfter().Match(after);
            if (verb.Success && !state.Occasions.ContainsKey(m.Actor.Slug)
                && DateCue(after[verb.Length..Math.Min(after.Length, verb.Length + 22)], publishedOn, publishedOn ?? today) is { } cue)
            {
                state.Occasions[m.Actor.Slug] = cue;
            }
        }
        var candidates = new List<Candidate>();
        foreach (var (start, end) in Paragraphs(text))
        {
            var quotes = QuoteSpans(text, start, end, state.QuoteOpen);
            if (quotes.Count == 0 && TranscriptTurn(state, start, end) is { } turn)
            {
                candidates.Add(turn);
                state.QuoteOpen = true;
                continue;
            }
            // The words go on in the next paragraph when this one ends inside a quotation (or a readout's turn).
            state.QuoteOpen = quotes.Count > 0 && quotes[^1].CloseMark == end && !MarkAt(text, end - 1)
                || (quotes.Count == 1 && quotes[0].OpenMark < 0 && quotes[0].CloseMark == end);
            // Reported speech first, so the speaker it names is "the last speaker" for the quotes after it.
            var paraphrases = Paraphrases(state, start, end, quotes);
            var ordered = quotes.Select(q => (q.Start, Quote: (QuoteSpan?)q, Paraphrase: (Candidate?)null))
                .Concat(paraphrases.Select(p => (p.Start, Quote: (QuoteSpan?)null, Paraphrase: (Candidate?)p)))
                .OrderBy(x => x.Start);
            foreach (var item in ordered)
            {
                if (item.Paraphrase is { } p)
                {
                    candidates.Add(p);
                }
                else if (item.Quote is { } q && Quote(state, q, start, end, quotes) is { } c)
                {
                    candidates.Add(c);
                }
            }
        }
        return candidates;
    }

    private sealed record QuoteSpan(int Start, int End, int OpenMark, int CloseMark);

    private sealed class ArticleState(string text, DateOnly? publishedOn, DateOnly today, List<Mention> mentions, DateGuess? dateline)
    {
        public string Text { get; } = text;
        public DateOnly? PublishedOn { get; } = publishedOn;
        public DateOnly Today { get; } = today;
        public List<Mention> Mentions { get; } = mentions;
        public DateGuess? Dateline { get; } = dateline;
        public SpeakerGuess? LastSpeaker { get; set; }
        public bool QuoteOpen { get; set; }
        public Dictionary<string, DateGuess> Occasions { get; } = [];
    }

    private sealed record Mention(int Start, int End, KnownActor Actor);

    // ---- Paragraphs and quotation marks -------------------------------------------------------------------------

    private static IEnumerable<(int Start, int End)> Paragraphs(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var (s, e) = Trim(text, start, end);
            if (e > s)
            {
                yield return (s, e);
            }
            start = end + 1;
        }
    }

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }
        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }
        return (start, end);
    }

    private static bool MarkAt(string text, int i) => "”\"»“’".Contains(text[i]);

    /// <summary>
    /// The quotations in one paragraph, outermost only; an unclosed one runs to the paragraph's end. When the previous
    /// paragraph ended inside a quotation, this one continues it: to its closing mark, or whole when it has no marks.
    /// </summary>
    private static List<QuoteSpan> QuoteSpans(string text, int start, int end, bool continuing = false)
    {
        var spans = new List<QuoteSpan>();
        var i = start;
        if (continuing && !"“\"«„‘".Contains(text[start]))
        {
            var close = text.IndexOfAny(['”', '"', '»'], start, end - start);
            var opens = text.IndexOfAny(['“', '«', '„'], start, end - start);
            if (opens < 0 || (close >= 0 && close < opens))
            {
                var (cs, ce) = Trim(text, start, close < 0 ? end : close);
                if (ce > cs)
                {
                    spans.Add(new QuoteSpan(cs, ce, -1, close < 0 ? end : close));
                }
                i = close < 0 ? end : close + 1;
            }
        }
        while (i < end)
        {
            var c = text[i];
            var close = c switch
            {
                '“' => "”\"",
                '"' => "\"”",
                '«' => "»",
                '„' => "“”",
                '‘' when i == start || !char.IsLetterOrDigit(text[i - 1]) => "’",
                _ => null,
            };
            if (close is null || (c == '"' && i > start && char.IsLetterOrDigit(text[i - 1])))
            {
                i++;
                continue;
            }
            var j = i + 1;
            var found = -1;
            while (j < end)
            {
                if (close.Contains(text[j])
                    // A mark between two letters is an apostrophe ("Ukraine"s", "don’t"), not the end of the quote.
                    && !(j + 1 < end && char.IsLetter(text[j + 1]) && char.IsLetter(text[j - 1])))
                {
                    found = j;
                    break;
                }
                j++;
            }
            var (s, e) = Trim(text, i + 1, found < 0 ? end : found);
            if (e > s)
            {
                spans.Add(new QuoteSpan(s, e, i, found < 0 ? end : found));
            }
            i = found < 0 ? end : found + 1;
        }
        return spans;
    }

    /// <summary>"Y. Ushakov: …" — a readout's turn, the words without quotation marks.</summary>
    private Candidate? TranscriptTurn(ArticleState state, int start, int end)
    {
        var colon = state.Text.IndexOf(':', start, Math.Min(60, end - start));
        if (colon < 0 || state.Mentions.FirstOrDefault(m => m.Start == start && m.End == colon) is not { } who)
        {
            return null;
        }
        var (s, e) = Trim(state.Text, colon + 1, end);
        var speaker = new SpeakerGuess(who.Actor.Slug, who.Actor.Name, who.Actor.Role, $"the turn is headed “{state.Text[start..colon]}:”");
        state.LastSpeaker = speaker;
        return e > s ? Make(state, s, e, TextKind.Quote, speaker, DateFor(state, speaker, ""), start, end) : null;
    }

    // ---- Direct quotes ----------------------------------------------------------------------------------------------

    private Candidate? Quote(ArticleState state, QuoteSpan q, int paragraphStart, int paragraphEnd, List<QuoteSpan> quotes)
    {
        var words = state.Text[q.Start..q.End];
        // Scare quotes: a word or two in capitals ("LEADERSHIP") that nobody is reported as saying.
        if (words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && words.Any(char.IsLetter) && !words.Any(char.IsLower))
        {
            return null;
        }
        var index = quotes.IndexOf(q);
        var leftStart = index > 0 ? quotes[index - 1].CloseMark + 1 : paragraphStart;
        var rightEnd = index + 1 < quotes.Count ? quotes[index + 1].OpenMark : paragraphEnd;
        var right = (Start: Math.Min(q.CloseMark + 1, rightEnd), End: rightEnd);
        var left = (Start: leftStart, End: Math.Max(leftStart, q.OpenMark));

        var (speaker, where) = q.OpenMark < 0 && state.LastSpeaker is { } speaking
                ? (speaking with { Basis = "the quotation goes on from the paragraph before" }, (Start: 0, End: 0))
            : ReportingSpeaker(state, right.Start, right.End, first: true) is { } r ? (r, right)
            : ReportingSpeaker(state, left.Start, left.End, first: false) is { } l ? (l, left)
            : (null, (Start: 0, End: 0));
        if (speaker is null)
        {
            // Nobody named in the sentence: the same speaker goes on, or a new one is proposed, or the person the report
            // last named. The day, if any, is then read from the words after the quote.
            where = right;
            speaker = NewActor(state.Text[right.Start..right.End] + " " + state.Text[left.Start..left.End])
                ?? (state.LastSpeaker is { } last ? last with { Basis = "continues the previous speaker's words" } : null)
                ?? (state.Mentions.LastOrDefault(m => m.End <= q.Start) is { } named
                    ? new SpeakerGuess(named.Actor.Slug, named.Actor.Name, named.Actor.Role, $"the last person named before the quote, “{state.Text[named.Start..named.End]}”")
                    : SpeakerGuess.Unknown);
        }
        if (!speaker.IsNew || speaker.Name.Length > 0)
        {
            state.LastSpeaker = speaker;
        }
        var date = DateFor(state, speaker, state.Text[where.Start..where.End]);
        return Make(state, q.Start, q.End, TextKind.Quote, speaker, date, paragraphStart, paragraphEnd);
    }

    /// <summary>A known actor named as the one speaking in this stretch ("Ushakov told reporters", "according to X"), or "he said" for the last speaker.</summary>
    private SpeakerGuess? ReportingSpeaker(ArticleState state, int start, int end, bool first)
    {
        if (end <= start)
        {
            return null;
        }
        var segment = state.Text[start..end];
        var found = new List<(int At, SpeakerGuess Who)>();
        foreach (var m in state.Mentions.Where(m => m.Start >= start && m.End <= end))
        {
            var after = state.Text[m.End..Math.Min(end, m.End + 40)];
            var before = state.Text[Math.Max(start, m.Start - 30)..m.Start];
            if (ReportingAfter().IsMatch(after) || AccordingTo().IsMatch(before) || ReportingBefore().IsMatch(before))
            {
                found.Add((m.Start, new SpeakerGuess(m.Actor.Slug, m.Actor.Name, m.Actor.Role, $"“{state.Text[m.Start..m.End]}” is named as speaking")));
            }
        }
        foreach (Match p in Pronoun().Matches(segment))
        {
            // "He said": the last speaker; before anyone has spoken, the last person named.
            var referent = state.LastSpeaker ?? (state.Mentions.LastOrDefault(m => m.End <= start + p.Index) is { } named
                ? new SpeakerGuess(named.Actor.Slug, named.Actor.Name, named.Actor.Role, "")
                : null);
            if (referent is not null)
            {
                found.Add((start + p.Index, referent with { Basis = $"“{p.Value}” refers back to {referent.Name}" }));
            }
        }
        if (found.Count == 0)
        {
            return null;
        }
        return (first ? found.MinBy(f => f.At) : found.MaxBy(f => f.At)).Who;
    }

    /// <summary>A person the report names as speaking who is not yet an actor: proposed, never silently matched.</summary>
    private static SpeakerGuess? NewActor(string paragraph)
    {
        var match = UnknownSpeaker().Match(paragraph);
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
        var role = match.Groups["role"].Success ? match.Groups["role"].Value.Trim() : null;
        return new SpeakerGuess(null, name, role, "named as speaking, not a known actor: a new actor is proposed");
    }

    // ---- Reported speech -------------------------------------------------------------------------------------------

    private List<Candidate> Paraphrases(ArticleState state, int start, int end, List<QuoteSpan> quotes)
    {
        var result = new List<Candidate>();
        foreach (var (s, e) in Sentences(state.Text, start, end, quotes))
        {
            var sentence = state.Text[s..e];
            // Reported speech inside someone's quoted words is theirs to report, not a statement of its own.
            if (quotes.Any(q => s >= q.Start && s < q.End))
            {
                continue;
            }
            if (ClauseFirst(state, s, e) is { } first)
            {
                result.Add(first);
                continue;
            }
            var verb = ReportedClause().Match(sentence);
            if (!verb.Success)
            {
                continue;
            }
            var subjectEnd = s + verb.Index;
            var subject = state.Mentions.LastOrDefault(m => m.End <= subjectEnd && m.End >= subjectEnd - 2 && m.Start >= s);
            SpeakerGuess? speaker = subject is not null
                ? new SpeakerGuess(subject.Actor.Slug, subject.Actor.Name, subject.Actor.Role, $"“{state.Text[subject.Start..subject.End]}” {verb.Groups["verb"].Value}")
                : PronounSubject().IsMatch(state.Text[Math.Max(s, subjectEnd - 4)..subjectEnd]) && state.LastSpeaker is { } last
                    ? last with { Basis = $"“{state.Text[Math.Max(s, subjectEnd - 4)..subjectEnd].Trim()}” refers back to {last.Name}" }
                    : null;
            if (speaker is null)
            {
                continue;
            }
            var clauseStart = s + verb.Index + verb.Length;
            var clauseEnd = e;
            while (clauseEnd > clauseStart && ".!?".Contains(state.Text[clauseEnd - 1]))
            {
                clauseEnd--;
            }
            var (cs, ce) = Trim(state.Text, clauseStart, clauseEnd);
            // A clause that is itself one quotation is a direct quote, found as such.
            if (ce - cs < 15 || state.Text[cs] is '“' or '"' or '«' or '‘' || state.Text[cs..ce].Split(' ').Length < 4)
            {
                continue;
            }
            state.LastSpeaker = speaker;
            result.Add(Make(state, cs, ce, TextKind.Paraphrase, speaker, DateFor(state, speaker, verb.Value), start, end));
        }
        return result;
    }

    /// <summary>"…, Zelensky said on Dec. 9." — the reported clause first, the speaker at the end.</summary>
    private Candidate? ClauseFirst(ArticleState state, int s, int e)
    {
        foreach (var m in state.Mentions.Where(m => m.Start > s + 15 && m.End < e))
        {
            var tail = state.Text[m.End..e];
            var head = state.Text[s..m.Start];
            if (!TrailingVerb().IsMatch(tail) || !head.EndsWith(", ", StringComparison.Ordinal))
            {
                continue;
            }
            var (cs, ce) = Trim(state.Text, s, m.Start - 2);
            if (state.Text[cs] is '“' or '"' or '«' or '‘' || state.Text[cs..ce].Split(' ').Length < 4)
            {
                return null;
            }
            var speaker = new SpeakerGuess(m.Actor.Slug, m.Actor.Name, m.Actor.Role, $"“{state.Text[m.Start..m.End]}”{tail.TrimEnd('.')}");
            state.LastSpeaker = speaker;
            var paragraph = Paragraphs(state.Text).First(p => p.Start <= s && p.End >= e);
            return Make(state, cs, ce, TextKind.Paraphrase, speaker, DateFor(state, speaker, tail), paragraph.Start, paragraph.End);
        }
        return null;
    }

    /// <summary>Sentences of a paragraph, never split inside a quotation.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string text, int start, int end, List<QuoteSpan> quotes)
    {
        var s = start;
        for (var i = start; i < end; i++)
        {
            if (".!?".Contains(text[i]) && (i + 1 == end || (text[i + 1] == ' ' && i + 2 < end && (char.IsUpper(text[i + 2]) || "“\"«„‘".Contains(text[i + 2]))))
                && !quotes.Any(q => i > q.OpenMark && i < q.CloseMark) && !Abbreviation(text, i))
            {
                yield return (s, i + 1);
                s = i + 2;
            }
        }
        if (s < end)
        {
            yield return (s, end);
        }
    }

    private static readonly HashSet<string> Abbreviations =
        ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];

    /// <summary>"Dec. 9", "U.S. officials", "Y. Ushakov": a full stop that does not end the sentence.</summary>
    private static bool Abbreviation(string text, int dot)
    {
        var start = dot;
        while (start > 0 && char.IsLetter(text[start - 1]))
        {
            start--;
        }
        var word = text[start..dot];
        return text[dot] == '.' && (word.Length == 1 && char.IsUpper(word[0]) || Abbreviations.Contains(word));
    }

    // ---- Dates ---------------------------------------------------------------------------------------------------

    private DateGuess DateFor(ArticleState state, SpeakerGuess speaker, string attribution)
    {
        var reference = state.PublishedOn ?? state.Today;
        if (DateCue(attribution, state.PublishedOn, reference) is { } cue)
        {
            Remember(state, speaker, cue);
            return cue;
        }
        if (speaker.Slug is { } slug && state.Occasions.TryGetValue(slug, out var occasion))
        {
            return occasion with { Reason = $"{occasion.Reason} (the same occasion, earlier in the report)" };
        }
        if (state.Dateline is { } dateline)
        {
            return dateline;
        }
        return state.PublishedOn is { } published
            ? new DateGuess(published, DatePrecision.Day, DateBasis.OnOrBefore, "the report does not say: on or before its publication date")
            : new DateGuess(null, DatePrecision.Day, DateBasis.OnOrBefore, "the report does not say and has no publication date");
    }

    private static void Remember(ArticleState state, SpeakerGuess speaker, DateGuess date)
    {
        if (speaker.Slug is { } slug)
        {
            state.Occasions[slug] = date;
        }
    }

    private static readonly string[] Months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>The first date the words name: a weekday, yesterday or today, a month and day, or a month.</summary>
    public static DateGuess? DateCue(string text, DateOnly? publishedOn, DateOnly reference)
    {
        var explicitDay = MonthDay().Match(text);
        if (explicitDay.Success)
        {
            var month = MonthNumber(explicitDay.Groups["m1"].Success ? explicitDay.Groups["m1"].Value : explicitDay.Groups["m2"].Value);
            var day = int.Parse(explicitDay.Groups["d1"].Success ? explicitDay.Groups["d1"].Value : explicitDay.Groups["d2"].Value, CultureInfo.InvariantCulture);
            var year = explicitDay.Groups["y"].Success ? int.Parse(explicitDay.Groups["y"].Value, CultureInfo.InvariantCulture)
                : month > reference.Month ? reference.Year - 1 : reference.Year;
            if (month > 0 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateGuess(new DateOnly(year, month, day), DatePrecision.Day, DateBasis.On, $"“{explicitDay.Value.Trim()}”");
            }
        }
        if (publishedOn is { } published)
        {
            var weekday = Weekday().Match(text);
            if (weekday.Success)
            {
                var target = Enum.Parse<DayOfWeek>(weekday.Groups["w"].Value, ignoreCase: true);
                var back = ((int)published.DayOfWeek - (int)target + 7) % 7;
                return new DateGuess(published.AddDays(-back), DatePrecision.Day, DateBasis.On,
                    $"“{weekday.Value.Trim()}” before the report of {Records.Cells.Date(published)}");
            }
            var relative = Relative().Match(text);
            if (relative.Success)
            {
                var yesterday = relative.Value.Equals("yesterday", StringComparison.OrdinalIgnoreCase);
                return new DateGuess(yesterday ? published.AddDays(-1) : published, DatePrecision.Day, DateBasis.On,
                    $"“{relative.Value}” in the report of {Records.Cells.Date(published)}");
            }
        }
        var inMonth = InMonth().Match(text);
        if (inMonth.Success)
        {
            var month = MonthNumber(inMonth.Groups["m"].Value);
            var year = month > reference.Month ? reference.Year - 1 : reference.Year;
            return new DateGuess(new DateOnly(year, month, 1), DatePrecision.Month, DateBasis.On, $"“{inMonth.Value.Trim()}”");
        }
        return null;
    }

    private static int MonthNumber(string name)
    {
        var key = name.TrimEnd('.').ToLowerInvariant();
        return Array.FindIndex(Months, m => m.StartsWith(key, StringComparison.Ordinal) && key.Length >= 3) + 1;
    }

    /// <summary>A news agency's dateline ("MOSCOW, November 24. /TASS/."), which dates what the report says.</summary>
    private static DateGuess? Dateline(string text, DateOnly reference)
    {
        var match = DatelinePattern().Match(text);
        return match.Success && DateCue(match.Groups["date"].Value, null, reference) is { } date
            ? date with { Reason = $"the dateline “{match.Value.Trim()}”" }
            : null;
    }

    // ---- Actors, issues and the candidate itself -------------------------------------------------------------------

    private List<Mention> FindMentions(string text)
    {
        var taken = new bool[text.Length];
        var mentions = new List<Mention>();
        foreach (var (name, actor, ignoreCase) in _names)
        {
            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            for (var at = text.IndexOf(name, comparison); at >= 0; at = text.IndexOf(name, at + 1, comparison))
            {
                var end = at + name.Length;
                if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || (end < text.Length && char.IsLetterOrDigit(text[end]))
                    || taken.AsSpan(at, name.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, name.Length).Fill(true);
                mentions.Add(new Mention(at, end, actor));
            }
        }
        mentions.Sort((a, b) => a.Start.CompareTo(b.Start));
        return mentions;
    }

    private Candidate Make(ArticleState state, int start, int end, TextKind kind, SpeakerGuess speaker, DateGuess date, int paragraphStart, int paragraphEnd)
    {
        var context = state.Text[paragraphStart..paragraphEnd];
        return new Candidate(start, end - start, state.Text[start..end], kind, speaker, date,
            context.Length > 400 ? context[..399] + "…" : context, SuggestIssues(context));
    }

    private IReadOnlyList<string> SuggestIssues(string context) =>
        [.. _issues.Where(issue => Keywords(issue.Name).Any(k => context.Contains(k, StringComparison.OrdinalIgnoreCase))).Select(i => i.Slug)];

    private static IEnumerable<string> Keywords(string name) =>
        name.Split([' ', '-', ',', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 5 && !w.Equals("peace", StringComparison.OrdinalIgnoreCase) && !w.Equals("russia", StringComparison.OrdinalIgnoreCase))
            .Select(w => w.Length > 7 ? w[..7] : w);

    [GeneratedRegex($@"^\s*,?\s*(?:has\s+|had\s+|also\s+|then\s+|later\s+)?(?:{Verbs})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingAfter();

    [GeneratedRegex(@"^\s+(?:said|says|added|noted|told reporters|confirmed|acknowledged|claimed|stressed|wrote)(?:\s+(?:on\s+|late\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?\.?\s*$")]
    private static partial Regex TrailingVerb();

    [GeneratedRegex(@"(?:according to|said|says|told|wrote|added)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReportingBefore();

    [GeneratedRegex(@"according to\s+$", RegexOptions.IgnoreCase)]
    private static partial Regex AccordingTo();

    [GeneratedRegex($@"\b(?:he|she)\s+(?:also\s+)?(?:{Verbs})\b", RegexOptions.IgnoreCase)]
    private static partial Regex Pronoun();

    [GeneratedRegex(@"\b(?:he|she)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex PronounSubject();

    [GeneratedRegex(@"(?<verb>\s(?:said|told reporters|added|noted|confirmed|acknowledged|claimed|stressed|went on to say))(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}))?,?(?:\s+that)?\s")]
    private static partial Regex ReportedClause();

    [GeneratedRegex(@"(?:(?:said|says|told reporters)\s+(?<a>[A-Z][a-z]+(?:\s[A-Z][a-z]+)+)(?:,\s(?<role>[a-z][^,.]{3,60}),)?|(?<b>[A-Z][a-z]+(?:\s[A-Z][a-z]+)+)(?:,\s(?<role>[a-z][^,.]{3,60}),)?\s+(?:said|says|told))")]
    private static partial Regex UnknownSpeaker();

    [GeneratedRegex(@"\b(?:(?<m1>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<d1>\d{1,2})\b|(?<d2>\d{1,2})\s+(?<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b)(?:,?\s+(?<y>20\d\d))?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?:on\s+|late\s+|early\s+|last\s+)?(?<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:yesterday|today)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();

    [GeneratedRegex(@"\bin\s+(?<m>January|February|March|April|May|June|July|August|September|October|November|December)\b")]
    private static partial Regex InMonth();

    [GeneratedRegex(@"^\s*(?:date\s+\S+\s+)?[A-Z][A-Z ]+,\s+(?<date>[A-Z][a-z]+\.?\s+\d{1,2})\.\s*/[A-Z]+/", RegexOptions.Multiline)]
    private static partial Regex DatelinePattern();
}
