namespace PeaceTalks.Web.Intake;

/// <summary>One line of the report, trimmed. A heading has no sentence-final punctuation (a headline, a standfirst, a label).</summary>
internal sealed record Paragraph(int Index, int Start, int End, bool Heading);

/// <summary>
/// The words between a pair of quotation marks, trimmed (<see cref="Start"/>..<see cref="End"/>). <see cref="OpenMark"/> is
/// -1 when the words go on from the paragraph before; <see cref="CloseMark"/> is -1 when the quotation is not closed in its
/// paragraph. Paragraphs of one quotation share a <see cref="Group"/>.
/// </summary>
internal sealed class QuoteSpan(int start, int end, int openMark, int closeMark, char mark, int paragraph, int group)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public int OpenMark { get; } = openMark;
    public int CloseMark { get; } = closeMark;
    public char Mark { get; } = mark;
    public int Paragraph { get; } = paragraph;
    public int Group { get; } = group;

    /// <summary>Where the quotation ends in the text, marks included (the paragraph's end when it is not closed).</summary>
    public int OuterEnd { get; init; }

    /// <summary>Where it begins, marks included (the paragraph's start when it goes on from the paragraph before).</summary>
    public int OuterStart => OpenMark >= 0 ? OpenMark : Start;

    public List<QuoteSpan> Inner { get; } = [];
}

/// <summary>A sentence: never split inside a quotation; a heading is one sentence.</summary>
internal sealed record Sentence(int Start, int End, Paragraph Paragraph, List<QuoteSpan> Quotes);

/// <summary>
/// A report cut into paragraphs, quotations and sentences, with a copy of the text in which every quoted stretch is blanked
/// out (<see cref="Masked"/>), so that a reporting verb inside somebody's words is never taken for the report's own.
/// </summary>
internal sealed partial class ReportText
{
    public const char Blank = '¤';

    private const string Openers = "“\"«„‘'";

    public string Text { get; }
    public string Masked { get; }
    public List<Paragraph> Paragraphs { get; } = [];
    public List<QuoteSpan> Quotes { get; } = [];
    public List<Sentence> Sentences { get; } = [];

    /// <summary>Where a transcript turn ("Y. Ushakov: …") starts each paragraph that holds one: the words after the colon.</summary>
    public Dictionary<int, int> Turns { get; } = [];

    private readonly bool[] _quoted;

    public ReportText(string text, Func<int, int, bool> turnHead)
    {
        Text = text;
        _quoted = new bool[text.Length];
        var group = 0;
        QuoteSpan? open = null;
        var turnOpen = false;
        var paragraphs = SplitParagraphs(text).ToList();
        if (paragraphs.Count > 1 && paragraphs[^1] is { Heading: true } last && last.End - last.Start > 80)
        {
            // The last paragraph of a cut-off copy has no full stop, but it is no heading.
            paragraphs[^1] = last with { Heading = false };
        }
        foreach (var paragraph in paragraphs)
        {
            Paragraphs.Add(paragraph);
            var continuing = open is not null && !paragraph.Heading ? open : null;
            var spans = QuoteSpans(paragraph, continuing, ref group);
            // A transcript turn: "Name: words." with no quotation marks; its next paragraphs without marks go on with it.
            if (spans.Count == 0 && TurnStart(paragraph, turnHead) is { } words)
            {
                Turns[paragraph.Index] = words;
                turnOpen = true;
                var span = new QuoteSpan(words, paragraph.End, -1, -1, ':', paragraph.Index, ++group) { OuterEnd = paragraph.End };
                spans.Add(span);
            }
            else if (spans.Count == 0 && turnOpen && !paragraph.Heading && open is null)
            {
                Turns[paragraph.Index] = paragraph.Start;
                spans.Add(new QuoteSpan(paragraph.Start, paragraph.End, -1, -1, ':', paragraph.Index, group) { OuterEnd = paragraph.End });
            }
            else if (spans.Count > 0)
            {
                turnOpen = false;
            }
            foreach (var s in spans)
            {
                Quotes.Add(s);
                for (var i = s.OuterStart; i < s.OuterEnd; i++)
                {
                    _quoted[i] = true;
                }
                if (s.Mark != ':')
                {
                    FindInner(s);
                }
            }
            open = spans.Count > 0 && spans[^1].CloseMark < 0 && spans[^1].Mark != ':' ? spans[^1] : null;
            foreach (var sentence in SplitSentences(paragraph, spans))
            {
                Sentences.Add(sentence);
            }
        }
        var masked = text.ToCharArray();
        for (var i = 0; i < masked.Length; i++)
        {
            if (_quoted[i])
            {
                masked[i] = Blank;
            }
        }
        Masked = new string(masked);
    }

    public bool IsQuoted(int i) => i >= 0 && i < _quoted.Length && _quoted[i];

    public Paragraph ParagraphAt(int position)
    {
        var lo = 0;
        var hi = Paragraphs.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (Paragraphs[mid].Start <= position)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return Paragraphs[lo];
    }

    public QuoteSpan? QuoteAt(int position) => Quotes.FirstOrDefault(q => position >= q.OuterStart && position < q.OuterEnd);

    // ---- Paragraphs ----------------------------------------------------------------------------------------------

    private static IEnumerable<Paragraph> SplitParagraphs(string text)
    {
        var start = 0;
        var index = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end;
            var (s, e) = Trim(text, start, end);
            // The stored copies' " date YYYY-MM-DD " marker and list bullets are not part of the sentence.
            if (e - s > 16 && text.AsSpan(s).StartsWith("date ") && char.IsDigit(text[s + 5]) && text[s + 9] == '-')
            {
                (s, e) = Trim(text, s + 15, e);
            }
            while (e > s && "-•+–*".Contains(text[s]) && s + 1 < e && text[s + 1] == ' ')
            {
                (s, e) = Trim(text, s + 1, e);
            }
            if (e > s)
            {
                var last = text[e - 1];
                var heading = !(".!?…:;".Contains(last) || (Closers.Contains(last) && e - 2 >= s && ".!?,".Contains(text[e - 2])));
                yield return new Paragraph(index++, s, e, heading && e - s < 200);
            }
            start = end + 1;
        }
    }

    public static (int Start, int End) Trim(string text, int start, int end)
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

    private const string Closers = "”\"»’'“";

    // ---- Quotation marks -----------------------------------------------------------------------------------------

    private static bool Letter(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);

    /// <summary>A mark between two letters is an apostrophe ("Ukraine"s", "don’t"), never the end of a quotation.</summary>
    private static bool Apostrophe(string text, int i) => Letter(text, i - 1) && Letter(text, i + 1);

    private bool IsOpener(int i, int start)
    {
        var c = Text[i];
        if (!Openers.Contains(c))
        {
            return false;
        }
        var before = i > start ? Text[i - 1] : ' ';
        return c switch
        {
            '“' or '«' or '„' => true,
            '"' => !Letter(Text, i - 1) && i + 1 < Text.Length && !char.IsWhiteSpace(Text[i + 1]),
            // Single marks open only before a word and after a space or a bracket: never an apostrophe.
            _ => !char.IsLetterOrDigit(before) && before != '’' && i + 1 < Text.Length && char.IsLetterOrDigit(Text[i + 1]),
        };
    }

    private int FindCloser(char open, int from, int end)
    {
        string closers = open switch
        {
            '“' => "”",
            '"' => "\"",
            '«' => "»",
            '„' => "“”",
            '‘' => "’",
            '\'' => "'",
            _ => "”\"»",
        };
        var found = Scan(closers, from, end);
        if (found < 0 && open == '“')
        {
            found = Scan("\"", from, end);
        }
        else if (found < 0 && open == '"')
        {
            found = Scan("”", from, end);
        }
        return found;
    }

    private int Scan(string closers, int from, int end)
    {
        for (var j = from; j < end; j++)
        {
            if (closers.Contains(Text[j]) && !Apostrophe(Text, j)
                // A single closing mark must end a word ("good’ but"), not start one.
                && !((Text[j] == '’' || Text[j] == '\'') && (j + 1 < end && char.IsLetter(Text[j + 1]) || j == from)))
            {
                return j;
            }
        }
        return -1;
    }

    private List<QuoteSpan> QuoteSpans(Paragraph p, QuoteSpan? continuing, ref int group)
    {
        var spans = new List<QuoteSpan>();
        var i = p.Start;
        if (continuing is not null)
        {
            if (IsOpener(i, p.Start) && Text[i] != '\'')
            {
                // The typographic style that opens every paragraph of a long quotation again: same group.
                var close = FindCloser(Text[i], i + 1, p.End);
                Add(spans, p, i + 1, close < 0 ? p.End : close, i, close, Text[i], continuing.Group);
                i = close < 0 ? p.End : close + 1;
            }
            else
            {
                var close = FindCloser(continuing.Mark, p.Start, p.End);
                Add(spans, p, p.Start, close < 0 ? p.End : close, -1, close, continuing.Mark, continuing.Group);
                i = close < 0 ? p.End : close + 1;
            }
        }
        while (i < p.End)
        {
            if (!IsOpener(i, p.Start))
            {
                i++;
                continue;
            }
            var close = FindCloser(Text[i], i + 1, p.End);
            if (Text[i] == '\'' && close < 0)
            {
                // A lone straight apostrophe-like mark: not a quotation.
                i++;
                continue;
            }
            Add(spans, p, i + 1, close < 0 ? p.End : close, i, close, Text[i], ++group);
            i = close < 0 ? p.End : close + 1;
        }
        return spans;
    }

    private void Add(List<QuoteSpan> spans, Paragraph p, int start, int end, int openMark, int closeMark, char mark, int group)
    {
        var (s, e) = Trim(Text, start, end);
        if (e > s)
        {
            spans.Add(new QuoteSpan(s, e, openMark, closeMark, mark, p.Index, group) { OuterEnd = closeMark >= 0 ? closeMark + 1 : p.End });
        }
    }

    private void FindInner(QuoteSpan outer)
    {
        var i = outer.Start;
        while (i < outer.End)
        {
            if (!IsOpener(i, outer.Start) || Text[i] == outer.Mark || (outer.Mark == '“' && Text[i] == '"'))
            {
                i++;
                continue;
            }
            var close = FindCloser(Text[i], i + 1, outer.End);
            if (close < 0)
            {
                i++;
                continue;
            }
            var (s, e) = Trim(Text, i + 1, close);
            if (e > s)
            {
                outer.Inner.Add(new QuoteSpan(s, e, i, close, Text[i], outer.Paragraph, outer.Group) { OuterEnd = close + 1 });
            }
            i = close + 1;
        }
    }

    private int? TurnStart(Paragraph p, Func<int, int, bool> turnHead)
    {
        if (p.Heading)
        {
            return null;
        }
        var colon = Text.IndexOf(':', p.Start, Math.Min(40, p.End - p.Start));
        if (colon < 0 || !turnHead(p.Start, colon))
        {
            return null;
        }
        var (s, e) = Trim(Text, colon + 1, p.End);
        return e - s > 20 ? s : null;
    }

    // ---- Sentences -----------------------------------------------------------------------------------------------

    private static readonly HashSet<string> Abbreviations =
        ["Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Maj", "Prof", "No", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
         "Sept", "Oct", "Nov", "Dec", "vs", "etc", "approx", "Inc", "Ltd", "Co", "Jr", "Sr"];

    private IEnumerable<Sentence> SplitSentences(Paragraph p, List<QuoteSpan> spans)
    {
        if (p.Heading)
        {
            yield return new Sentence(p.Start, p.End, p, spans);
            yield break;
        }
        var s = p.Start;
        var q = 0;
        for (var i = p.Start; i < p.End; i++)
        {
            while (q < spans.Count && spans[q].OuterEnd <= i)
            {
                q++;
            }
            var inQuote = q < spans.Count && i >= spans[q].OuterStart && i < spans[q].OuterEnd;
            int? cut = null;
            if (inQuote)
            {
                // A quotation that ends a sentence ("…do so." "After all…") closes it after its closing mark.
                var span = spans[q];
                // Not before its attribution: "“Why?” Lavrov asked." A quotation inside a sentence of the report's own
                // ("… wanted “a pause.” He said on Friday …") ends that sentence, whatever follows.
                if (span.CloseMark == i && i + 2 < p.End && i - 1 >= 0 && ".!?".Contains(Text[i - 1]) && Text[i + 1] == ' '
                    && (IsOpener(i + 2, p.Start) || (char.IsUpper(Text[i + 2])
                        && (!OpensSentence(s, span.OuterStart) || !AttributionAhead().IsMatch(Text.AsSpan(i + 1, Math.Min(80, p.End - i - 1)))))))
                {
                    cut = i + 1;
                }
            }
            else if (".!?".Contains(Text[i]))
            {
                var next = i + 1 < p.End ? Text[i + 1] : ' ';
                if (i + 1 == p.End)
                {
                    cut = i + 1;
                }
                else if (next == ' ' && i + 2 < p.End && (char.IsUpper(Text[i + 2]) || IsOpener(i + 2, p.Start)) && !Abbreviation(i))
                {
                    cut = i + 1;
                }
                // Run-together sections: "…Lavrov added.Russia still…", "…on Tuesday."We have…".
                // (Not in a site's name: "Caliber.Az reports".)
                else if (Text[i] == '.' && i > p.Start && char.IsLower(Text[i - 1]) && (IsOpener(i + 1, p.Start)
                    || (char.IsUpper(next) && i + 3 < p.End && char.IsLetter(Text[i + 2]) && char.IsLetter(Text[i + 3]))))
                {
                    cut = i + 1;
                }
            }
            // Headlines glued to the text: "…Working GroupsRussia still has…".
            else if (i > p.Start + 3 && char.IsUpper(Text[i]) && char.IsLower(Text[i - 1]) && char.IsLower(Text[i - 2]) && char.IsLower(Text[i - 3])
                && i + 2 < p.End && char.IsLower(Text[i + 1]) && char.IsLower(Text[i + 2]) && WordStart(i) >= p.Start && i - WordStart(i) >= 4)
            {
                if (i > s)
                {
                    yield return new Sentence(s, i, p, [.. spans.Where(x => x.OuterStart >= s && x.OuterStart < i)]);
                }
                s = i;
                continue;
            }
            if (cut is { } c)
            {
                var (ts, te) = Trim(Text, s, c);
                if (te > ts)
                {
                    yield return new Sentence(ts, te, p, [.. spans.Where(x => x.OuterStart >= ts && x.OuterStart < te)]);
                }
                s = c;
            }
        }
        var (rs, re) = Trim(Text, s, p.End);
        if (re > rs)
        {
            yield return new Sentence(rs, re, p, [.. spans.Where(x => x.OuterStart >= rs && x.OuterStart < re)]);
        }
    }

    /// <summary>Only spaces between the sentence's start and the quotation's opening mark: the quotation opens the sentence.</summary>
    private bool OpensSentence(int sentenceStart, int quoteStart)
    {
        for (var k = sentenceStart; k < quoteStart; k++)
        {
            if (!char.IsWhiteSpace(Text[k]))
            {
                return false;
            }
        }
        return true;
    }

    private int WordStart(int i)
    {
        while (i > 0 && char.IsLetter(Text[i - 1]))
        {
            i--;
        }
        return i;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+(?:(?:[A-Z][\w.'’-]*|the|of)\s+){0,6}(?:said|says|asked|added|told|wrote|replied|continued|noted|stressed|insisted|explained|warned|concluded)(?:\s+(?:reporters|journalists))?\s*(?:[.,;!?]|$|(?:on|in|at|to|after|before|during|as|late|earlier)\b)")]
    private static partial System.Text.RegularExpressions.Regex AttributionAhead();

    /// <summary>"Dec. 9", "U.S. officials", "Y. Ushakov": a full stop that does not end the sentence.</summary>
    private bool Abbreviation(int dot)
    {
        if (Text[dot] != '.')
        {
            return false;
        }
        var start = WordStart(dot);
        var word = Text[start..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }
}
