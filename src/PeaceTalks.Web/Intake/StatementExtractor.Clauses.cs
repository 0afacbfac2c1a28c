using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

public sealed partial class StatementExtractor
{
    private sealed partial class Pass
    {
        /// <summary>
        /// The reported clauses of a sentence and the occasions of speaking in it. "X said (that) CLAUSE" takes the words after
        /// the verb; "CLAUSE, X said." and "CLAUSE, according to X." the words before; a clause stops where the report resumes
        /// (", calling…", ", though he…", ", a clear sign…") or another attribution begins (", adding that…", "and noted that…").
        /// </summary>
        private List<Utterance> Clauses(Sentence sentence, List<Attribution> attributions)
        {
            var result = new List<Utterance>();
            if (attributions.Count == 0)
            {
                return result;
            }
            var contentStart = ContentStart(sentence);
            foreach (var a in attributions)
            {
                After(a, sentence);
            }
            // "called", "concluded", "asked" report speech only next to a quotation ("…,” he concluded."); otherwise they are other verbs.
            // "He repeated on Dec. 3 that …": with "that" the clause is reported speech.
            attributions.RemoveAll(a => QuoteOnlyVerbs.Contains(Bare(a.Verb)) && !a.IntroducesQuote && !NextToQuote(a, sentence) && !ThatClause(a));
            if (attributions.Count == 0)
            {
                return result;
            }
            // "CLAUSE, X said." at the end takes the whole sentence before it: verbs inside that clause are the reported words'.
            var claimant = attributions.LastOrDefault(a => a.After is null && !a.IntroducesQuote && ClauseFirstPoint(a, sentence) is not null && NothingSaidAfter(a, sentence)
                && attributions.SkipWhile(x => x != a).Skip(1).All(x => x.Form is VerbForm.Participle or VerbForm.Coordinated || x.IntroducesQuote));
            // "Lavrov said the text was final, the agency reports": an outlet's credit does not take words it reports someone else saying.
            if (claimant is not null && Regex.IsMatch(claimant.Verb, @"^(?:reports|reported|has\s+reported)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                && attributions.TakeWhile(x => x != claimant).Any(x => x.After is not null && x.Subject.Kind != SubjectKind.Pronoun))
            {
                claimant.Suppressed = true;
                claimant = null;
            }
            if (claimant is not null)
            {
                foreach (var a in attributions.TakeWhile(x => x != claimant))
                {
                    if (!(a.After is null && a.IntroducesQuote))
                    {
                        a.Suppressed = true;
                    }
                }
            }
            var boundary = contentStart;
            var starts = new List<int>();
            for (var i = 0; i < attributions.Count; i++)
            {
                var a = attributions[i];
                if (a.Suppressed)
                {
                    continue;
                }
                var regionStart = boundary;
                var u = new Utterance { Speakers = a.Subject.Speakers, Position = a.Form is VerbForm.Participle or VerbForm.Coordinated ? a.VerbStart : a.CoreStart, Sentence = sentence, Attribution = a };
                if (a.After is { } after)
                {
                    var end = sentence.End;
                    for (var j = i + 1; j < attributions.Count; j++)
                    {
                        var b = attributions[j];
                        if (b.Suppressed || b.VerbStart <= after.Start || b.VerbStart >= end)
                        {
                            continue;
                        }
                        if (CutPoint(b, after.Start) is { } cut)
                        {
                            end = cut;
                            break;
                        }
                        b.Suppressed = true;
                    }
                    end = Math.Min(end, Terminator(after.Start, end));
                    // "While this might break the impasse, Zelensky said, “serious” questions remain": the part before is reported too.
                    if (a.Form == VerbForm.Finite && !a.Inverted && LeadingClause(boundary, a, sentence) is { } lead)
                    {
                        u.Clauses.Add(lead);
                    }
                    foreach (var part in Split(after.Start, end))
                    {
                        if (TrimClause(part.Start, part.End) is { } clause)
                        {
                            u.Clauses.Add(clause);
                        }
                    }
                    boundary = end;
                }
                else if (!a.IntroducesQuote && ClauseFirstPoint(a, sentence) is { } point && point > boundary && NothingSaidAfter(a, sentence))
                {
                    var stretch = TrimClause(boundary, point);
                    if (stretch is { } s && !QuoteOnly(s) && (WordCount(_text[s.Start..s.End]) >= 3 || sentence.Paragraph.Heading))
                    {
                        u.Clauses.Add(s);
                    }
                    boundary = a.CoreEnd;
                }
                else
                {
                    boundary = Math.Max(boundary, a.CoreEnd);
                }
                result.Add(u);
                starts.Add(regionStart);
            }
            for (var k = 0; k < result.Count; k++)
            {
                var a = result[k].Attribution!;
                var from = a.Form is VerbForm.Participle or VerbForm.Coordinated && k > 0 ? a.VerbStart
                    : result[k].Clauses.Count > 0 && result[k].Clauses[^1].End <= a.CoreStart ? a.CoreStart
                    : starts[k];
                var to = a.After is { } after ? after.Start
                    : k + 1 < result.Count ? Math.Max(from, result[k + 1].Attribution!.CoreStart)
                    : sentence.End;
                Region(result[k], sentence, from, to, result);
            }
            return result;
        }

        private bool ThatClause(Attribution a) =>
            a.After is { } after && after.Start > a.VerbEnd && Regex.IsMatch(_norm[a.VerbEnd..after.Start], @"\bthat\s*$", RegexOptions.CultureInvariant);

        private static string Bare(string verb) => Regex.Replace(verb.ToLowerInvariant(), @"^(?:has|have|had)\s+(?:also\s+)?", "");

        /// <summary>"“…,” he concluded", "“…,” asked Rubio": a quotation right before the attribution (or right after the verb).</summary>
        private bool NextToQuote(Attribution a, Sentence sentence)
        {
            var before = SkipSpacesLeft(a.CoreStart, sentence.Start);
            while (before > sentence.Start && _text[before - 1] is ',' or ' ')
            {
                before--;
            }
            var after = SkipSpaces(a.VerbEnd, sentence.End);
            while (after < sentence.End && _text[after] is ',' or ':' or ' ')
            {
                after++;
            }
            return _report.IsQuoted(before - 1) || _report.IsQuoted(after);
        }

        /// <summary>Nothing is reported after the attribution: only times, places, "told reporters", a participle (", adding…").</summary>
        private bool NothingSaidAfter(Attribution a, Sentence sentence)
        {
            var q = a.CoreEnd;
            if (!a.Inverted && ToldVerbs.Contains(a.Verb.ToLowerInvariant()) && ToldObject().Match(_report.Masked[q..sentence.End]) is { Success: true } obj)
            {
                q += obj.Length;
            }
            var rest = _report.Masked[q..Math.Min(sentence.End, q + 200)].Trim();
            return rest.Length == 0 || TailAfterAttribution().IsMatch(rest) || _times.Any(t => t.Start == SkipSpaces(q, sentence.End));
        }

        /// <summary>Where the sentence's own words begin: after a wire dateline or a "Details:" label.</summary>
        private int ContentStart(Sentence sentence)
        {
            var start = sentence.Start;
            if (_dateline is { } d && d.End > start && d.End < sentence.End)
            {
                start = SkipSpaces(d.End, sentence.End);
            }
            var label = Regex.Match(_text[start..Math.Min(sentence.End, start + 30)], @"^[A-Z][a-z]+(?: [a-z]+)?:\s+");
            if (label.Success && !_mentionsByStart.ContainsKey(start))
            {
                start += label.Length;
            }
            // A wire credit: "(CNN) — ", "MIAMI – ".
            var credit = Regex.Match(_text[start..Math.Min(sentence.End, start + 50)], @"^(?:[A-Z]{3,}(?:[ -][A-Z]{2,})*(?:,\s*[A-Z][a-z]+)?\s*)?(?:\([A-Z][\w .]{1,20}\))?\s*[—–-]+\s+");
            if (credit.Success)
            {
                start += credit.Length;
            }
            return start;
        }

        /// <summary>Where the attribution's own words are: its stretch of the sentence less every reported clause and quotation.</summary>
        private void Region(Utterance u, Sentence sentence, int from, int to, List<Utterance> all)
        {
            var spans = new List<(int Start, int End)>();
            var excluded = all.SelectMany(x => x.Clauses).Concat(sentence.Quotes.Select(q => (q.OuterStart, q.OuterEnd))).ToList();
            // A relative clause on the subject ("Trump, who met Putin on Dec. 28, said") is about something else.
            foreach (Match m in RelativeOnSubject().Matches(_report.Masked[from..to]))
            {
                excluded.Add((from + m.Index, from + m.Index + m.Length));
            }
            var cursor = from;
            foreach (var (s, e) in excluded.Where(x => x.Item2 > from && x.Item1 < to).OrderBy(x => x.Item1))
            {
                if (s > cursor)
                {
                    spans.Add((cursor, s));
                }
                cursor = Math.Max(cursor, e);
            }
            if (cursor < to)
            {
                spans.Add((cursor, to));
            }
            u.Region.AddRange(spans.Where(r => r.End > r.Start));
        }

        /// <summary>Where the reported clause after the verb begins, if there is one; or that the verb leads into a quotation.</summary>
        private void After(Attribution a, Sentence sentence)
        {
            var end = sentence.End;
            var masked = _report.Masked;
            if (a.Form is VerbForm.According or VerbForm.View or VerbForm.StatementBy)
            {
                var at = SkipSpaces(a.CoreEnd, end);
                var atStart = ContentStart(sentence) >= a.CoreStart - 1 || a.Form == VerbForm.View;
                if (a.Form != VerbForm.StatementBy && at < end && _text[at] == ',' && atStart)
                {
                    SetAfter(a, SkipSpaces(at + 1, end), sentence, allowZeroThat: true);
                }
                return;
            }
            var q = a.VerbEnd;
            if (a.Inverted)
            {
                return;
            }
            var verb = a.Verb.ToLowerInvariant();
            var bare = Regex.Replace(verb, @"^(?:has|have|had)\s+(?:also\s+)?", "");
            if (ToldVerbs.Contains(bare))
            {
                var obj = ToldObject().Match(masked[q..end]);
                if (!obj.Success)
                {
                    return;
                }
                q += obj.Length;
            }
            // Adverbials: times, "in a statement", "on Telegram", ", however,".
            for (var guard = 0; guard < 6; guard++)
            {
                var at = SkipSpaces(q, end);
                var on = Regex.Match(masked[at..end], @"^(?:on|late|early|earlier|later)\s+");
                var time = _times.FirstOrDefault(t => t.Start == at || (on.Success && t.Start == at + on.Length));
                if (time is not null)
                {
                    q = time.End;
                    continue;
                }
                var adverb = AdverbAfter().Match(masked[at..end]);
                if (adverb.Success)
                {
                    q = at + adverb.Length;
                    continue;
                }
                break;
            }
            var p = SkipSpaces(q, end);
            if (p >= end || ".!?;".Contains(_text[p]))
            {
                return;
            }
            if (_text[p] == ':' || _text[p] == ',')
            {
                var next = SkipSpaces(p + 1, end);
                if (next >= end)
                {
                    return;
                }
                if (_report.IsQuoted(next))
                {
                    var quote = _report.QuoteAt(next);
                    // "said: “…”" / "replied, “…”": a quotation, no paraphrase; ", “serious” questions remain…": a clause.
                    if (quote is null || quote.OuterEnd >= Tail(end) || _text[p] == ':' || QuoteFollowedByAttribution(quote, end))
                    {
                        a.IntroducesQuote = true;
                        return;
                    }
                    a.After = (next, end);
                    return;
                }
                if (_text[p] == ':')
                {
                    SetAfter(a, next, sentence, allowZeroThat: true);
                    return;
                }
                var word = Regex.Match(masked[next..end], @"^[\w'’]+").Value;
                if (word == "that")
                {
                    SetAfter(a, SkipSpaces(next + 4, end), sentence, allowZeroThat: true);
                }
                else if (a.Form == VerbForm.Finite && !Prepositions.Contains(word.ToLowerInvariant()) && !word.EndsWith("ing", StringComparison.Ordinal)
                    && word.Length > 0 && ClauseFirstPoint(a, sentence) is { } point && !QuoteOnlyVerbs.Contains(bare)
                    && !QuoteOnly((ContentStart(sentence), point)))
                {
                    // "…, Zelensky said, the talks are over": the clause goes on after the interjected attribution.
                    SetAfter(a, next, sentence, allowZeroThat: false);
                }
                return;
            }
            if (_report.IsQuoted(p))
            {
                var quote = _report.QuoteAt(p);
                if (quote is null || quote.OuterEnd >= Tail(end) || QuoteFollowedByAttribution(quote, end))
                {
                    a.IntroducesQuote = true;
                    return;
                }
                if (!QuoteOnlyVerbs.Contains(bare))
                {
                    SetAfter(a, p, sentence, allowZeroThat: true);
                }
                return;
            }
            var first = Regex.Match(masked[p..end], @"^[\w'’-]+").Value;
            var firstLower = first.ToLowerInvariant();
            // "repeated on Dec. 3 that …": with "that", even a verb that otherwise only tags a quotation reports a clause.
            if (firstLower == "that" && !(a.Form == VerbForm.Coordinated && bare == "called") && bare is not ("called" or "calls" or "calling" or "asked"))
            {
                SetAfter(a, SkipSpaces(p + 4, end), sentence, allowZeroThat: true);
                return;
            }
            if (QuoteOnlyVerbs.Contains(bare) || a.Form == VerbForm.Coordinated && bare == "called")
            {
                return;
            }
            var describing = bare.StartsWith("describ", StringComparison.Ordinal);
            if (firstLower == "how" && (describing || bare.StartsWith("explain", StringComparison.Ordinal)))
            {
                SetAfter(a, SkipSpaces(p + 3, end), sentence, allowZeroThat: true);
                return;
            }
            if (describing)
            {
                // "described the meeting as useful" (the object goes with it) / "which X described as essential".
                if (firstLower == "as")
                {
                    SetAfter(a, SkipSpaces(p + 2, end), sentence, allowZeroThat: true);
                }
                else if (Regex.IsMatch(masked[p..end], @"\bas\b"))
                {
                    SetAfter(a, p, sentence, allowZeroThat: true);
                }
                return;
            }
            // "said it would…", "stressed this was…": the pronoun opens a clause; "said this in his address": it is the object.
            var pronounSubject = firstLower is "it" or "this" && Regex.IsMatch(masked[p..Math.Min(end, p + 30)], @"^\w+\s+(?:is|was|were|are|would|could|will|can|must|should|may|might|had|has|did|does|remained|remains|meant|means|showed|shows)\b");
            if (!pronounSubject && (Prepositions.Contains(firstLower) || firstLower is "this" or "it" or "so" or "nothing" or "little" or "much" or "more" or "yes" or "no" or "goodbye" or "him" or "her" or "them"
                || firstLower.EndsWith("ing", StringComparison.Ordinal)))
            {
                // "said in a statement on Friday that…", "told reporters at the White House that…".
                var window = masked[p..Math.Min(end, p + 110)];
                var that = Regex.Match(window, @"^[^.;:!?¤]*?\bthat\s");
                if (that.Success && !ReportingVerb().IsMatch(window[..that.Index]))
                {
                    SetAfter(a, SkipSpaces(p + that.Length, end), sentence, allowZeroThat: true);
                }
                return;
            }
            // "said the talks were hard", "told reporters negotiators had…": a clause without "that" only after verbs of saying.
            if (ZeroThatVerbs.Contains(bare) || EmphasisVerbs.Contains(bare))
            {
                SetAfter(a, p, sentence, allowZeroThat: SayVerbs.Contains(bare) && (sentence.Paragraph.Heading || HasFiniteVerb(p, sentence.End)) || SayVerbs.Contains(bare) && !sentence.Paragraph.Heading);
            }
        }

        private static readonly HashSet<string> SayVerbs = ["said", "says", "say", "told", "tells", "telling", "saying"];

        /// <summary>"stressed they would…" has a clause without "that"; "stressed the centrality of…" has an object. The clause needs a verb.</summary>
        private static readonly HashSet<string> EmphasisVerbs =
            ["stressed", "stresses", "stressing", "emphasized", "emphasised", "emphasizing", "emphasising", "underlined", "underscored", "cautioned", "noting"];

        private static readonly HashSet<string> ZeroThatVerbs =
            ["said", "says", "say", "told", "tells", "telling", "saying", "claimed", "claims", "claiming", "declared", "declares", "insisted", "insists",
             "argued", "argues", "warned", "warns", "added", "adds", "adding", "noted", "acknowledged", "admitted", "confirmed", "confirms", "predicted",
             "replied", "responded", "asserted", "asserts", "wrote", "writes", "posted", "reported", "reports", "stated", "states", "explained"];

        private void SetAfter(Attribution a, int start, Sentence sentence, bool allowZeroThat)
        {
            if (start >= sentence.End)
            {
                return;
            }
            if (!allowZeroThat && !HasFiniteVerb(start, sentence.End))
            {
                return;
            }
            a.After = (start, sentence.End);
        }

        /// <summary>Where the sentence's words end, less closing punctuation.</summary>
        private int Tail(int end)
        {
            while (end > 0 && ".!?, ".Contains(_text[end - 1]))
            {
                end--;
            }
            return end;
        }

        private bool QuoteFollowedByAttribution(QuoteSpan quote, int end)
        {
            var rest = _report.Masked[quote.OuterEnd..Math.Min(end, quote.OuterEnd + 200)];
            return Regex.IsMatch(rest, @"^[\s,]*(?:(?:he|she|they|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4})\s+)?(?:said|says|added|asked|wrote|continued|stressed|noted)\b");
        }

        private bool HasFiniteVerb(int start, int end)
        {
            // The first words of a clause show whether it has a verb; a run-on sentence is not read to its end.
            var words = Regex.Matches(_report.Masked[start..Math.Min(end, start + 250)], @"[A-Za-z][\w'’-]*").Select(m => m.Value).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                var w = words[i].ToLowerInvariant();
                if (Auxiliaries.Contains(w) || (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 4 && i > 0))
                {
                    return true;
                }
                // "Ukraine needs more", "the document focuses on": an -s word before a determiner or preposition.
                if (i > 0 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && w.Length > 3 && char.IsLower(words[i][0])
                    && !Determiners.Contains(words[i - 1].ToLowerInvariant()) && !Prepositions.Contains(words[i - 1].ToLowerInvariant())
                    && !words[i - 1].EndsWith("ing", StringComparison.Ordinal)
                    && (i + 1 == words.Count || Determiners.Contains(words[i + 1].ToLowerInvariant()) || Prepositions.Contains(words[i + 1].ToLowerInvariant())
                        || words[i + 1] is "not" or "no" or "that" or "up" or "out" or "back" or "only" or "also"))
                {
                    return true;
                }
            }
            return false;
        }

        private static readonly HashSet<string> Auxiliaries =
            ["is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can", "should", "must", "may", "might", "do",
             "does", "did", "remain", "remains", "want", "wants", "need", "needs", "met", "held", "made", "took", "gave", "won't", "can't", "isn't",
             "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "hasn't", "haven't"];

        private static readonly HashSet<string> Determiners = ["a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those", "new", "more", "some", "any", "all", "of"];

        /// <summary>
        /// For "CLAUSE, X said.": where the clause before the attribution ends (the attribution is set off by a comma or follows
        /// a closing quotation mark). Null when the attribution does not stand after a clause.
        /// </summary>
        private int? ClauseFirstPoint(Attribution a, Sentence sentence)
        {
            if (a.Form is VerbForm.Participle or VerbForm.Coordinated or VerbForm.View)
            {
                return null;
            }
            var at = a.Inverted || a.Form is VerbForm.According or VerbForm.StatementBy ? a.VerbStart : a.Subject.Start;
            var p = SkipSpacesLeft(at, sentence.Start);
            // "…, the Estonian lawmaker Kalle Rebane reported": the article opens the subject.
            var (articleStart, article) = WordBefore(p, sentence.Start);
            if (article is "the" or "The" or "a" or "an")
            {
                p = SkipSpacesLeft(articleStart, sentence.Start);
            }
            if (p <= sentence.Start)
            {
                return null;
            }
            var c = _text[p - 1];
            if (c == ',')
            {
                return p - 1;
            }
            return "”\"’»'".Contains(c) && _report.IsQuoted(p - 1) ? p : null;
        }

        /// <summary>The stretch is one quotation (or nearly): the attribution introduces a quote, not reported speech.</summary>
        private bool QuoteOnly((int Start, int End) s)
        {
            if (!_report.IsQuoted(s.Start))
            {
                return false;
            }
            var quote = _report.QuoteAt(s.Start);
            return quote is not null && (quote.OuterEnd >= s.End - 1 || (quote.OuterEnd - s.Start) >= 0.6 * (s.End - s.Start));
        }

        /// <summary>Does attribution <paramref name="b"/>, found inside a clause, end it? Where?</summary>
        private int? CutPoint(Attribution b, int clauseStart)
        {
            var before = _report.Masked[clauseStart..b.VerbStart];
            if (b.Form == VerbForm.Participle)
            {
                // ", adding that…", ", while claiming…", "…“energy truce,” telling…" (the clause keeps its closing mark).
                var m = Regex.Match(before, @"[,;]\s*(?:(?:while|before|after|when)\s+)?(?:with\s+[^,;¤]{2,50}?\s+)?$|(?<=¤)\s*(?:(?:while|before|after|when)\s+)?$");
                return m.Success ? clauseStart + m.Index : null;
            }
            if (b.Form == VerbForm.Coordinated)
            {
                var m = Regex.Match(before, @",?\s+(?:and|but)\s+(?:(?:also|then|later)\s+)?$");
                return m.Success ? clauseStart + m.Index : null;
            }
            if (b.Subject.Kind == SubjectKind.Pronoun)
            {
                // ", he said, " interjected: the clause goes on after it, as a second part.
                return null;
            }
            if (b.After is not null || b.IntroducesQuote)
            {
                var s = b.Subject.Start;
                var p = SkipSpacesLeft(s, clauseStart);
                if (p > clauseStart && _text[p - 1] is ',' or ';')
                {
                    return p - 1;
                }
                // Text run together with the next sentence ("…likely next week Ukrainian President … said…").
                return p > clauseStart && char.IsLower(_text[p - 1]) && b.Subject.Kind is SubjectKind.Name or SubjectKind.NewPerson ? p : null;
            }
            return null;
        }

        /// <summary>Where the report resumes in its own voice inside a clause: ", calling…", ", though he…", ", a clear sign…", ", which…" at the end.</summary>
        private int Terminator(int start, int end)
        {
            var masked = _report.Masked[start..end];
            var m = NonSpeech().Match(masked);
            var cut = m.Success ? start + m.Index : end;
            var which = Regex.Match(_report.Masked[start..cut], @",\s+which\s+[^,¤]*$");
            cut = which.Success ? start + which.Index : cut;
            // "…was drafted hastily: “I hope…”": the quotation after a colon is a quote of its own.
            var colon = Regex.Match(_report.Masked[start..cut], @":\s*¤");
            return colon.Success ? start + colon.Index : cut;
        }

        /// <summary>"…he has not set a deadline but that he is hopeful…": two clauses of one verb.</summary>
        private IEnumerable<(int Start, int End)> Split(int start, int end)
        {
            var m = Regex.Match(_report.Masked[start..end], @",?\s+(?:but|and)\s+that\s+");
            if (m.Success && m.Index > 10)
            {
                yield return (start, start + m.Index);
                yield return (start + m.Index + m.Length, end);
            }
            else
            {
                yield return (start, end);
            }
        }

        /// <summary>"While this might break the impasse, Zelensky said, …": a subordinate clause before the attribution.</summary>
        private (int Start, int End)? LeadingClause(int boundary, Attribution a, Sentence sentence)
        {
            if (ClauseFirstPoint(a, sentence) is not { } point || point <= boundary || !(a.After is { } after && _text[SkipSpacesLeft(after.Start, a.VerbEnd) - 1] == ','))
            {
                return null;
            }
            var stretch = _text[boundary..point];
            return Regex.IsMatch(stretch, @"^(?:While|Although|Though|Whereas|Even though|Even if|If)\s") && WordCount(stretch) >= 4 ? TrimClause(boundary, point) : null;
        }

        /// <summary>The clause exactly as printed: no "that", no closing punctuation or comma outside the quotation marks.</summary>
        private (int Start, int End)? TrimClause(int start, int end)
        {
            (start, end) = ReportText.Trim(_text, start, end);
            if (_text.AsSpan(start, end - start).StartsWith("that "))
            {
                (start, end) = ReportText.Trim(_text, start + 5, end);
            }
            while (end > start && ".!?;:,".Contains(_text[end - 1]) && !_report.IsQuoted(end - 1)
                && !(_text[end - 1] == '.' && end - 3 >= start && char.IsUpper(_text[end - 2]) && _text[end - 3] == '.'))
            {
                end--;
                (start, end) = ReportText.Trim(_text, start, end);
            }
            while (end > start && _text[end - 1] is '—' or '–' or '-' && !_report.IsQuoted(end - 1))
            {
                (start, end) = ReportText.Trim(_text, start, end - 1);
            }
            return end - start >= 6 && WordCount(_text[start..end]) >= 3 ? (start, end) : null;
        }

        [GeneratedRegex(@"^(?:[.!?]+|(?:,\s*)?(?:said|says|told|added|noted|stressed|wrote|on|in|at|during|after|before|following|late|early|earlier|later|to|via|from|while|when|as|over|ahead|amid|with|without|upon|by|through|outside|inside|shortly|just|hours|days|minutes|adding|saying|telling|noting|stressing|claiming|insisting|warning|explaining|describing|emphasi[sz]ing|calling|hinting|suggesting|referring|who|which|according|though|although|but|and|in\s+a|citing|speaking|[A-Z][\w-]*\s+(?:has\s+learned|informs|reports|reported))\b)")]
        private static partial Regex TailAfterAttribution();

        [GeneratedRegex(@"^\s+(?:(?:to\s+)?(?:reporters|journalists|the\s+media|the\s+press|the\s+audience|lawmakers|parliament|the\s+parliament|state\s+(?:TV|television|media)|him|her|them|us|me|(?:the\s+)?[A-Z][\w.'’&-]*(?:[\s-][A-Z][\w.'’&-]*){0,3}))\b")]
        private static partial Regex ToldObject();

        [GeneratedRegex(@"^(?:,\s*however,|also\b|again\b|publicly\b|separately\b|repeatedly\b|firmly\b|bluntly\b|once again\b|too\b|,\s*for (?:his|her|their) part,|,\s*(?:citing|quoting|according\s+to)\s+[^,;:.¤]{2,80},)")]
        private static partial Regex AdverbAfter();

        [GeneratedRegex(@"(?:[,;]|(?<=¤),?)\s+(?:calling|referring|highlighting|underscoring|echoing|suggesting|hinting|thanking|praising|accusing|urging|pointing|signaling|signalling|indicating|while\s+(?:praising|calling|noting)|his\s+tone|her\s+tone|a\s+(?:clear\s+|further\s+|new\s+|rare\s+|apparent\s+)?(?:sign|indication|signal|reference|nod|sentiment|move|step|remark)\b|(?:though|although)\s+(?:he|she|they)\b|even\s+as\s+(?:he|she)\b|but\s+(?:declined|did\s+not|didn't|gave\s+no|refused)\b|without\s+(?:giving|providing|elaborating|offering)\b|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s+(?:(?:news\s+)?(?:agency|outlet|newspaper|daily|website|broadcaster)\s+)?(?:reports|reported|has\s+learned|informs|writes|wrote)\b)|,\s+(?:calling|referring)\b")]
        private static partial Regex NonSpeech();

        [GeneratedRegex(@",\s+(?:who|whose)\b[^,¤]{3,120},")]
        private static partial Regex RelativeOnSubject();
    }
}
