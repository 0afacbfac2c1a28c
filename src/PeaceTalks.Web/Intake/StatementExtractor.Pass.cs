using System.Text.RegularExpressions;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Intake;

public sealed partial class StatementExtractor
{
    /// <summary>Who is speaking: a known actor, or a person or body the report names that is not one yet.</summary>
    private sealed record Who(KnownActor? Actor, string Name, string? Role, string Basis, bool Person)
    {
        public SpeakerGuess Guess => new(Actor?.Slug, Actor?.Name ?? Name, Actor?.Role ?? Role, Basis);
        public string Key => Actor?.Slug ?? "new:" + Name;
        public static Who Of(KnownActor actor, string basis) => new(actor, actor.Name, actor.Role, basis, ActorDirectory.IsPerson(actor));
    }

    private enum SubjectKind { Name, Role, Pronoun, Body, Group, Anonymous, NewPerson }

    /// <summary>The noun phrase that does the saying, and who it refers to (several for "the leaders").</summary>
    private sealed record Subject(int Start, int End, List<Who> Speakers, SubjectKind Kind);

    private enum VerbForm { Finite, Participle, Coordinated, According, View, StatementBy }

    /// <summary>A reporting verb with its subject: "Peskov told reporters", "according to X", ", adding that".</summary>
    private sealed class Attribution
    {
        public required int VerbStart { get; init; }
        public required int VerbEnd { get; set; }
        public required string Verb { get; init; }
        public required VerbForm Form { get; init; }
        public Subject Subject { get; set; } = null!;
        public bool Inverted { get; set; }
        public bool Suppressed { get; set; }
        public (int Start, int End)? After { get; set; }
        public bool IntroducesQuote { get; set; }
        public int CoreStart => Math.Min(Subject.Start, VerbStart);
        public int CoreEnd => Math.Max(Subject.End, VerbEnd);
        public bool Reported => Verb.StartsWith("report", StringComparison.OrdinalIgnoreCase) || Form == VerbForm.According;
    }

    /// <summary>One occasion of speaking: whose, when and how; the reported clauses it has and the quotations it owns.</summary>
    private sealed class Utterance
    {
        public required List<Who> Speakers { get; init; }
        public required int Position { get; init; }
        public required Sentence Sentence { get; init; }
        public Attribution? Attribution { get; init; }
        public List<(int Start, int End)> Clauses { get; } = [];
        public List<(int Start, int End)> Region { get; } = [];
        public DateGuess Date { get; set; } = null!;
        public ChannelGuess Channel { get; set; } = ChannelGuess.NotStated;
        public bool Heading => Sentence.Paragraph.Heading && Sentence.Paragraph.Index <= 2;
        public bool FromOwnWords { get; set; }
        public bool NotADay { get; set; }
    }

    private sealed partial class Pass
    {
        private readonly StatementExtractor _owner;
        private readonly string _text;
        private readonly string _norm;
        private readonly DateOnly? _published;
        private readonly DateOnly _today;
        private readonly ReportText _report;
        private readonly List<Mention> _mentions;
        private readonly Dictionary<int, List<Mention>> _mentionsByEnd = [];
        private readonly Dictionary<int, List<Mention>> _mentionsByStart = [];
        private readonly Dictionary<Mention, KnownActor?> _roleResolved = [];
        private readonly List<TimeExpression> _times;
        private readonly Dateline? _dateline;
        private readonly List<Utterance> _utterances = [];
        private readonly Dictionary<QuoteSpan, (List<Who> Speakers, Utterance? Utterance, string? Basis)> _quoteOwners = [];
        private readonly Dictionary<string, Utterance> _occasions = [];
        private readonly List<(int Position, Who Who)> _subjects = [];

        public Pass(StatementExtractor owner, string text, DateOnly? published, DateOnly today)
        {
            _owner = owner;
            _text = text;
            _norm = ActorDirectory.Normalize(text);
            _published = published;
            _today = today;
            _report = new ReportText(text, (start, colon) => IsTurnHead(start, colon));
            _mentions = owner._directory.Find(_report);
            foreach (var m in _mentions)
            {
                (_mentionsByEnd.TryGetValue(m.End, out var e) ? e : _mentionsByEnd[m.End] = []).Add(m);
                (_mentionsByStart.TryGetValue(m.Start, out var s) ? s : _mentionsByStart[m.Start] = []).Add(m);
                if (m.NameStart != m.Start)
                {
                    (_mentionsByStart.TryGetValue(m.NameStart, out var n) ? n : _mentionsByStart[m.NameStart] = []).Add(m);
                }
            }
            _times = [.. DateTagger.Find(text, 0, text.Length).Where(t => !_report.IsQuoted(t.Start))];
            _dateline = DateTagger.FindDateline(text);
        }

        /// <summary>"Y. Ushakov:" — a transcript turn is headed by a known actor's name and a colon.</summary>
        private bool IsTurnHead(int start, int colon)
        {
            var head = ActorDirectory.Normalize(_text[start..colon]).Trim();
            return head.Length > 2 && _owner._directory.Actors.Any(a => a.Names.Prepend(a.Name).Any(n => ActorDirectory.Normalize(n) == head && char.IsUpper(n[0])));
        }

        public IReadOnlyList<Candidate> Run()
        {
            foreach (var sentence in _report.Sentences)
            {
                Analyse(sentence);
            }
            FixHeadlineDates();
            var candidates = new List<(int Order, Candidate Candidate)>();
            foreach (var u in _utterances)
            {
                foreach (var (start, end) in u.Clauses)
                {
                    foreach (var who in u.Speakers)
                    {
                        candidates.Add((start, Make(start, end, TextKind.Paraphrase, who, u.Date, u.Channel, u.Sentence)));
                    }
                }
            }
            foreach (var (start, candidate) in QuoteCandidates())
            {
                candidates.Add((start, candidate));
            }
            return [.. candidates.OrderBy(c => c.Order).Select(c => c.Candidate)];
        }

        private Candidate Make(int start, int end, TextKind kind, Who who, DateGuess date, ChannelGuess channel, Sentence sentence)
        {
            var paragraph = sentence.Paragraph;
            var context = _text[paragraph.Start..paragraph.End];
            // Words are never said after the report was published (or, undated, after the day it is read).
            var latest = _published ?? _today;
            if (date.Date is { } day && day > latest)
            {
                date = Undated($"{date.Reason} would be {Cells.Date(day)}, after {(_published is null ? "today" : "the report’s date")}");
            }
            var sentenceText = _text[sentence.Start..sentence.End];
            return new Candidate(start, end - start, _text[start..end], kind, who.Guess, date,
                context.Length > 400 ? context[..399] + "…" : context, _owner._issues.Suggest(sentenceText + " " + _text[start..end]))
            {
                Channel = channel,
                Meeting = Remote(channel) ? null : _owner._meetings.Link(_text, sentence, paragraph, date, _published),
            };
        }

        /// <summary>A post, an interview or a video address is given away from any meeting, whatever place the report names near it.</summary>
        private static bool Remote(ChannelGuess channel) => channel.Channel is Models.Channel.XPost or Models.Channel.SocialMediaPost or Models.Channel.Interview
            || channel.Channel == Models.Channel.Speech && Regex.IsMatch(channel.Reason, @"\b(?:video|nightly|address|message|televised)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // ---- One sentence ----------------------------------------------------------------------------------------

        private void Analyse(Sentence sentence)
        {
            if (_report.Turns.TryGetValue(sentence.Paragraph.Index, out var words) && sentence.Quotes.Count == 1 && sentence.Quotes[0].Mark == ':')
            {
                Turn(sentence, words);
                return;
            }
            var attributions = FindAttributions(sentence);
            var utterances = Clauses(sentence, attributions);
            foreach (var u in utterances)
            {
                Date(u);
                Channel(u);
                _utterances.Add(u);
            }
            Salience(sentence);
            AssignQuotes(sentence, attributions, utterances);
            foreach (var u in utterances.Where(u => u.Clauses.Count > 0 || _quoteOwners.Values.Any(o => o.Utterance == u)))
            {
                Remember(u);
            }
        }

        /// <summary>
        /// Who "he" or "she" is next: the subject of this sentence ("Trump greeted…", "Zelensky's address was…"), or any person
        /// doing something later in it ("…, which Zelensky called a violation.").
        /// </summary>
        private void Salience(Sentence sentence)
        {
            if (SentenceSubject(sentence) is { } subject && subject.Speakers.Count == 1 && subject.Speakers[0].Person && subject.Kind != SubjectKind.Pronoun)
            {
                _subjects.Add((subject.Start, subject.Speakers[0]));
            }
            else if ((_mentionsByStart.TryGetValue(ContentStart(sentence), out var opening) ? opening.FirstOrDefault(m => m.Kind == MentionKind.Name && m.Start == ContentStart(sentence)) : null) is { } topic
                && ActorDirectory.IsPerson(topic.Actor) && Regex.IsMatch(_norm[topic.End..Math.Min(sentence.End, topic.End + 3)], @"^'s\b"))
            {
                _subjects.Add((topic.Start, Who.Of(topic.Actor, $"“{_text[topic.Start..topic.End]}” is the subject of the sentence")));
            }
            var known = new HashSet<int>(_subjects.Select(x => x.Position));
            foreach (var m in MentionsIn(sentence.Start + 1, sentence.End).Where(m => !m.Quoted && m.Kind == MentionKind.Name && ActorDirectory.IsPerson(m.Actor)))
            {
                // A subject follows a comma or a word that opens a clause ("which", "as", "while"), never a verb or a preposition.
                var lead = Regex.Match(_norm[Math.Max(sentence.Start, m.Start - 30)..m.Start], @"(?:(?<w>\w+)|(?<p>[,;:]))\s*$");
                var before = lead.Groups["w"].Value.ToLowerInvariant();
                if ((lead.Groups["p"].Success || before is "which" or "who" or "that" or "as" or "while" or "when" or "because" or "after" or "before" or "but" or "since" or "although" or "though" or "where" or "if")
                    && !known.Contains(m.Start)
                    && VerbAfterSubject().IsMatch(_norm[m.End..Math.Min(sentence.End, m.End + 100)]))
                {
                    _subjects.Add((m.Start, Who.Of(m.Actor, $"“{_text[m.Start..m.End]}” is the subject of the sentence")));
                }
            }
        }

        private void Turn(Sentence sentence, int words)
        {
            var paragraph = sentence.Paragraph;
            Utterance? previous = _utterances.LastOrDefault();
            List<Who> speakers;
            if (words > paragraph.Start)
            {
                var colon = _text.LastIndexOf(':', words);
                var head = _text[paragraph.Start..colon].Trim();
                var mention = MentionsIn(paragraph.Start, colon).FirstOrDefault();
                speakers = mention is null ? [] : [Who.Of(mention.Actor, $"the transcript turn is headed “{head}:”")];
            }
            else
            {
                speakers = previous is { } p && p.Sentence.Paragraph.Index < paragraph.Index
                    ? [.. p.Speakers.Select(s => s with { Basis = "the transcript turn goes on from the paragraph before" })] : [];
            }
            if (speakers.Count == 0)
            {
                return;
            }
            var u = new Utterance { Speakers = speakers, Position = paragraph.Start, Sentence = sentence };
            if (words == paragraph.Start && previous is not null)
            {
                u.Date = previous.Date;
                u.Channel = previous.Channel;
            }
            else
            {
                Date(u);
                Channel(u);
            }
            _utterances.Add(u);
            _quoteOwners[sentence.Quotes[0]] = (speakers, u, null);
        }

        // ---- Quotations ------------------------------------------------------------------------------------------

        private void AssignQuotes(Sentence sentence, List<Attribution> attributions, List<Utterance> utterances)
        {
            foreach (var q in sentence.Quotes)
            {
                if (_quoteOwners.ContainsKey(q))
                {
                    continue;
                }
                // Inside a reported clause: the clause's speaker, unless the clause names whose term it is ("the Russians refer to it as “…”").
                var clause = utterances.FirstOrDefault(u => u.Clauses.Any(c => q.OuterStart >= c.Start && q.OuterEnd <= c.End + 1));
                if (clause is not null)
                {
                    var start = clause.Clauses.First(c => q.OuterStart >= c.Start && q.OuterEnd <= c.End + 1).Start;
                    if (TermOwner(start, q) is { } owner)
                    {
                        _quoteOwners[q] = ([owner], null, owner.Basis);
                        continue;
                    }
                    _quoteOwners[q] = (clause.Speakers, clause, null);
                    continue;
                }
                var live = utterances.Where(u => u.Attribution is not null).ToList();
                Utterance? next = live.FirstOrDefault(u => u.Attribution!.CoreStart >= q.OuterEnd
                    && OnlySeparators(q.OuterEnd, u.Attribution.Inverted ? u.Attribution.VerbStart : u.Attribution.CoreStart));
                Utterance? before = live.LastOrDefault(u => u.Attribution!.CoreEnd <= q.OuterStart && Introduces(u.Attribution, q));
                var chosen = next ?? before ?? live.FirstOrDefault(u => u.Attribution!.CoreStart >= q.OuterEnd) ?? live.LastOrDefault();
                if (chosen is not null)
                {
                    _quoteOwners[q] = (chosen.Speakers, chosen, null);
                }
                else if (SentenceSubject(sentence) is { } subject && subject.Start < q.OuterStart && subject.Kind != SubjectKind.Group)
                {
                    var u = new Utterance { Speakers = subject.Speakers, Position = subject.Start, Sentence = sentence };
                    u.Region.Add((sentence.Start, sentence.End));
                    Date(u);
                    Channel(u);
                    _quoteOwners[q] = (subject.Speakers, u, null);
                }
            }
        }

        /// <summary>"The Russians refer to the zone as “demilitarized”": a quoted term is theirs who use it.</summary>
        private Who? TermOwner(int clauseStart, QuoteSpan q)
        {
            var before = _norm[clauseStart..q.OuterStart];
            var m = NamingVerb().Match(before);
            if (!m.Success)
            {
                return null;
            }
            var subject = SubjectEndingAt(clauseStart + m.Groups["np"].Index + m.Groups["np"].Length, clauseStart);
            return subject is { Speakers.Count: 1 } && subject.Kind != SubjectKind.Pronoun
                ? subject.Speakers[0] with { Basis = $"the quoted term is {subject.Speakers[0].Name}’s (“{_text[subject.Start..subject.End]}” {m.Groups["verb"].Value.Trim()} …)" }
                : null;
        }

        private bool OnlySeparators(int from, int to)
        {
            if (to < from || to - from > 4)
            {
                return false;
            }
            for (var i = from; i < to; i++)
            {
                if (!(char.IsWhiteSpace(_text[i]) || ",;—–-".Contains(_text[i])))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>"X said: “…”", "X replied, “…”", "X wrote on Telegram: “…”": the verb leads straight into the quotation.</summary>
        private bool Introduces(Attribution a, QuoteSpan q)
        {
            var from = a.After is { } after ? after.Start : a.VerbEnd;
            if (from > q.OuterStart)
            {
                return a.IntroducesQuote && a.CoreEnd <= q.OuterStart;
            }
            var between = _norm[from..q.OuterStart];
            return a.IntroducesQuote || IntroGap().IsMatch(between);
        }

        private IEnumerable<(int Start, Candidate Candidate)> QuoteCandidates()
        {
            // A quotation over several paragraphs has one speaker: whichever paragraph names it.
            var byGroup = new Dictionary<int, (List<Who> Speakers, Utterance? Utterance, string? Basis)>();
            foreach (var q in _report.Quotes)
            {
                if (_quoteOwners.TryGetValue(q, out var owner) && !byGroup.ContainsKey(q.Group))
                {
                    byGroup[q.Group] = owner;
                }
            }
            var attributed = new Dictionary<string, List<Who>>(StringComparer.Ordinal);
            foreach (var q in _report.Quotes)
            {
                if (byGroup.TryGetValue(q.Group, out var owner) && !_report.Paragraphs[q.Paragraph].Heading)
                {
                    var key = _text[q.Start..q.End].Trim().TrimEnd(',', '.').ToLowerInvariant();
                    attributed.TryAdd(key, owner.Speakers);
                }
            }
            var outletTerms = OutletTerms(byGroup);
            foreach (var q in _report.Quotes)
            {
                var words = _text[q.Start..q.End];
                var key = words.Trim().TrimEnd(',', '.').ToLowerInvariant();
                var shortQuote = WordCount(words) <= 4 && !Regex.IsMatch(words.TrimEnd(), @"[.!?]$");
                if (ScareQuote(q, words) || (shortQuote && outletTerms.Contains(key)))
                {
                    continue;
                }
                List<Who> speakers;
                Utterance? utterance;
                string? basis = null;
                if (byGroup.TryGetValue(q.Group, out var owner))
                {
                    (speakers, utterance, basis) = owner;
                    if (!_quoteOwners.ContainsKey(q) && q.OpenMark < 0 || (_quoteOwners.TryGetValue(q, out var own) ? own.Utterance != owner.Utterance : q.Paragraph != FirstParagraph(q.Group)))
                    {
                        basis = "the quotation goes on from the paragraph before";
                    }
                }
                else if (shortQuote && !CutOff(q))
                {
                    // A short phrase in quotation marks with nobody saying it here: the speaker the same words have elsewhere, or a scare quote.
                    if (!attributed.TryGetValue(key, out var elsewhere))
                    {
                        continue;
                    }
                    speakers = elsewhere;
                    utterance = _utterances.FirstOrDefault(u => u.Speakers.SequenceEqual(elsewhere) && !u.Heading);
                    basis = $"the same words are quoted as {string.Join(" and ", elsewhere.Select(w => w.Name))}’s further on";
                }
                else if (LastUtteranceBefore(q.OuterStart) is { } last)
                {
                    if (NamedSince(last, q.OuterStart) is { } other)
                    {
                        // Somebody else is named since the last speaker spoke: the words are not carried back over them.
                        speakers = [new Who(null, "", null, $"no attribution of its own, and {other} is named since {string.Join(" and ", last.Speakers.Select(w => w.Name))} spoke: choose the speaker", true)];
                        utterance = null;
                    }
                    else
                    {
                        speakers = last.Speakers;
                        utterance = last;
                        basis = $"no attribution of its own: {string.Join(" and ", last.Speakers.Select(w => w.Name))} spoke last";
                    }
                }
                else
                {
                    continue;
                }
                var sentence = _report.Sentences.First(s => s.Start <= q.Start && s.End >= q.Start);
                var date = utterance?.Date ?? Undated("the report does not say when");
                foreach (var who in speakers)
                {
                    var guess = basis is null ? who : who with { Basis = basis };
                    yield return (q.Start, Make(q.Start, q.End, TextKind.Quote, guess, date, utterance?.Channel ?? ChannelGuess.NotStated, sentence));
                }
                foreach (var inner in q.Inner)
                {
                    if (InnerSpeaker(q, inner) is { } innerWho)
                    {
                        var undated = Undated("words put in someone’s mouth inside another’s quotation carry no day of their own");
                        yield return (inner.Start, Make(inner.Start, inner.End, TextKind.Quote, innerWho, undated, ChannelGuess.NotStated, sentence));
                    }
                }
            }
        }

        /// <summary>A quotation the stored copy cuts off: it runs to the end of the text without its closing mark.</summary>
        private bool CutOff(QuoteSpan q) => q.CloseMark < 0 && ReportText.Trim(_text, q.End, _text.Length).Start == _text.Length;

        private int FirstParagraph(int group) => _report.Quotes.First(q => q.Group == group).Paragraph;

        /// <summary>
        /// A person the report names (outside quotation marks) between the end of the last speaker's sentence and a quotation
        /// with no attribution of its own, other than that speaker: "In Moscow, Kremlin spokesman Dmitry Peskov struck a more
        /// cautious tone. … “…”" is not the last speaker's.
        /// </summary>
        private string? NamedSince(Utterance last, int position)
        {
            var from = last.Sentence.End;
            if (from >= position)
            {
                return null;
            }
            var keys = last.Speakers.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            var names = last.Speakers.Select(w => w.Name).ToList();
            var mentions = MentionsIn(from, position).Where(m => !m.Quoted && m.Kind == MentionKind.Name).ToList();
            if (mentions.FirstOrDefault(m => ActorDirectory.IsPerson(m.Actor) && !keys.Contains(m.Actor.Slug)) is { } known)
            {
                return known.Actor.Name;
            }
            foreach (Match m in NameRun().Matches(_report.Masked[from..position]))
            {
                var at = from + m.Index;
                if (mentions.Any(x => x.Start <= at && x.End > at) || NewPerson(m.Value) is not { } name
                    || names.Any(n => n.EndsWith(name.Split(' ')[^1], StringComparison.Ordinal))
                    || Prepositions.Contains(WordBefore(SkipSpacesLeft(at, from), from).Word.ToLowerInvariant()))
                {
                    continue;
                }
                return name;
            }
            return null;
        }

        private Utterance? LastUtteranceBefore(int position) => _utterances.LastOrDefault(u => u.Position < position && !u.Heading);

        private static int WordCount(string s) => s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

        /// <summary>Scare quotes: "so-called “…”", a word or two in capitals, a title-case name in quotation marks.</summary>
        private bool ScareQuote(QuoteSpan q, string words)
        {
            var before = _norm[Math.Max(0, q.OuterStart - 12)..q.OuterStart];
            if (Regex.IsMatch(before, @"so[- ]called\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant))
            {
                return true;
            }
            var tokens = words.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length <= 3 && words.Any(char.IsLetter) && !words.Any(char.IsLower))
            {
                return true;
            }
            // "Coalition of the Willing": every word capitalised but the small ones, no verb, no full stop.
            return tokens.Length is >= 2 and <= 6 && char.IsUpper(tokens[0][0]) && !Regex.IsMatch(words, @"[.!?,]")
                && tokens.All(t => char.IsUpper(t[0]) || t is "of" or "the" or "and" or "for" or "on" or "in")
                && !_quoteOwners.ContainsKey(q);
        }

        /// <summary>Quoted terms the outlet uses in its own sentences (nobody speaking): scare quotes wherever they appear.</summary>
        private HashSet<string> OutletTerms(Dictionary<int, (List<Who> Speakers, Utterance? Utterance, string? Basis)> byGroup)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            foreach (var q in _report.Quotes)
            {
                var words = _text[q.Start..q.End];
                if (WordCount(words) <= 4 && !byGroup.ContainsKey(q.Group) && !_report.Paragraphs[q.Paragraph].Heading && !CutOff(q))
                {
                    terms.Add(words.Trim().TrimEnd(',', '.').ToLowerInvariant());
                }
            }
            return terms;
        }

        /// <summary>"…that he said, “Now is my chance!”" inside somebody's quotation: the person named last before it in those words.</summary>
        private Who? InnerSpeaker(QuoteSpan outer, QuoteSpan inner)
        {
            var lead = _norm[outer.Start..inner.OpenMark];
            var m = InnerAttribution().Match(lead);
            if (!m.Success)
            {
                return null;
            }
            var pronounAt = outer.Start + m.Groups["who"].Index;
            if (m.Groups["who"].Value is "he" or "she" or "He" or "She")
            {
                var named = MentionsIn(outer.Start, pronounAt).LastOrDefault(x => x.Kind == MentionKind.Name && ActorDirectory.IsPerson(x.Actor));
                return named is null ? null : Who.Of(named.Actor, $"inside the quotation, “{m.Groups["who"].Value}” is {named.Actor.Name}, named just before");
            }
            var mention = MentionsIn(Math.Max(0, pronounAt - 80), pronounAt + m.Groups["who"].Length).FirstOrDefault(x => x.Start <= pronounAt && x.End >= pronounAt + m.Groups["who"].Length);
            return mention is null ? null : Who.Of(mention.Actor, $"inside the quotation, {mention.Actor.Name} is named as saying it");
        }

        [GeneratedRegex(@"(?<np>(?:[Tt]he\s+)?\S+(?:\s+\S+){0,3}?)\s+(?<verb>refer(?:s|red)?\s+to\s+.{1,80}?\s+as|call(?:s|ed)?\s+(?:it|this|them|that)|dub(?:s|bed)?\s+(?:it|this|them)|term(?:s|ed)?\s+(?:it|this|them))\s+(?:an?\s+|the\s+)?$")]
        private static partial Regex NamingVerb();

        [GeneratedRegex(@"^\s*(?:,|:|—|–|-)?\s*(?:that\s+)?$")]
        private static partial Regex IntroGap();

        [GeneratedRegex(@"(?<who>\b(?:he|she|He|She)|[A-Z][\w'-]+)\s+(?:said|says|told\s+\w+|asked|wrote|replied|added|declared|shouted)\s*[,:]?\s*$")]
        private static partial Regex InnerAttribution();
    }
}
