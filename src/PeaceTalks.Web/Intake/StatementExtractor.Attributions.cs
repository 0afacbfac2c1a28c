using System.Text.RegularExpressions;

namespace PeaceTalks.Web.Intake;

public sealed partial class StatementExtractor
{
    private sealed partial class Pass
    {
        private static readonly HashSet<string> QuoteOnlyVerbs =
            ["called", "calls", "calling", "asked", "continued", "recalled", "commented", "tweeted", "concluded", "observed", "remarked", "repeated"];

        private static readonly HashSet<string> ToldVerbs = ["told", "tells", "tell", "telling", "informed", "assured"];

        private static readonly HashSet<string> LeftAdverbs =
            ["also", "later", "then", "again", "further", "previously", "earlier", "once", "subsequently", "repeatedly", "publicly", "officially",
             "bluntly", "simply", "only", "reportedly", "however", "too", "himself", "herself", "personally", "first", "initially", "meanwhile",
             "now", "already", "since", "separately", "directly", "clearly", "openly", "recently", "today", "yesterday", "has", "have", "had",
             "has also", "had also", "once again", "for his part", "for her part", "in turn", "in response"];

        private static readonly HashSet<string> Prepositions =
            ["in", "on", "at", "during", "via", "through", "to", "from", "over", "after", "before", "following", "with", "while", "when", "as",
             "since", "until", "ahead", "amid", "outside", "inside", "upon", "by", "for", "under", "near", "into", "across", "about"];

        // ---- Finding the reporting verbs and their subjects ------------------------------------------------------

        private List<Attribution> FindAttributions(Sentence sentence)
        {
            var list = new List<Attribution>();
            var masked = _report.Masked;
            foreach (Match m in ReportingVerb().Matches(masked[sentence.Start..sentence.End]))
            {
                var start = sentence.Start + m.Index;
                var verb = m.Value;
                var lower = verb.ToLowerInvariant();
                var form = lower.StartsWith("according", StringComparison.Ordinal) ? VerbForm.According
                    : lower.StartsWith("in ", StringComparison.Ordinal) ? VerbForm.View
                    : lower.StartsWith("read", StringComparison.Ordinal) ? VerbForm.StatementBy
                    : lower.EndsWith("ing", StringComparison.Ordinal) || lower.StartsWith("expressing", StringComparison.Ordinal) ? VerbForm.Participle
                    : VerbForm.Finite;
                var a = new Attribution { VerbStart = start, VerbEnd = start + verb.Length, Verb = verb, Form = form };
                if (Attach(a, sentence, list) is { } attached && !Habitual(attached, sentence.Start))
                {
                    // "…, said a spokesperson of the UAE said on Saturday": one attribution, whatever the typo.
                    if (list.Count > 0 && attached.Form == VerbForm.Finite && list[^1].Inverted && !attached.Inverted
                        && list[^1].Subject.Start == attached.Subject.Start)
                    {
                        continue;
                    }
                    list.Add(attached);
                }
            }
            return list;
        }

        /// <summary>Finds the subject: before the verb, after it ("…, said Yermak"), after "according to", or the sentence's own for a participle.</summary>
        private Attribution? Attach(Attribution a, Sentence sentence, List<Attribution> earlier)
        {
            var contentStart = ContentStart(sentence);
            switch (a.Form)
            {
                case VerbForm.According:
                case VerbForm.StatementBy:
                {
                    var at = SkipSpaces(a.VerbEnd, sentence.End);
                    if (SubjectStartingAt(at, sentence.End) is { } s)
                    {
                        a.Subject = s;
                        return a;
                    }
                    return null;
                }
                case VerbForm.View:
                {
                    // "In his view, …" opens the sentence; inside a clause it is part of the reported words.
                    var pronoun = Regex.Match(a.Verb, @"\b(?:his|her|their)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant).Value.ToLowerInvariant();
                    if (a.VerbStart <= contentStart + 1 && ResolvePronoun(pronoun == "their" ? "they" : pronoun == "her" ? "she" : "he", a.VerbStart) is { } who)
                    {
                        a.Subject = new Subject(a.VerbStart, a.VerbEnd, who, SubjectKind.Pronoun);
                        return a;
                    }
                    return null;
                }
                case VerbForm.Participle:
                {
                    // "…, with both leaders expressing hope that…": the participle has a subject of its own.
                    var with = Regex.Match(_norm[Math.Max(sentence.Start, a.VerbStart - 60)..a.VerbStart], @"\bwith\s+(?<np>[^,;]{2,50}?)\s+$");
                    if (with.Success && SubjectEndingAt(a.VerbStart - (a.VerbStart - Math.Max(sentence.Start, a.VerbStart - 60) - with.Groups["np"].Index - with.Groups["np"].Length), sentence.Start, allowAppositive: false) is { } own)
                    {
                        a.Subject = own;
                        return a;
                    }
                    return Inherit(a, sentence, earlier) ? a : null;
                }
            }
            var p = SkipAdverbsLeft(a.VerbStart, sentence.Start, out var coordinated);
            if (coordinated)
            {
                var c = new Attribution { VerbStart = a.VerbStart, VerbEnd = a.VerbEnd, Verb = a.Verb, Form = VerbForm.Coordinated };
                return Inherit(c, sentence, earlier) ? c : null;
            }
            if (SubjectEndingAt(p, contentStart) is { } subject)
            {
                a.Subject = Joint(subject, contentStart);
                return a;
            }
            // "…,” said Yermak" / "…, says Russian foreign minister" / "…, said a second source": the subject follows.
            var before = _norm[sentence.Start..a.VerbStart].TrimEnd();
            if (before.Length == 0 || before[^1] is ',' or '"' or '\'' or '»' or ReportText.Blank || _report.IsQuoted(a.VerbStart - 2))
            {
                var at = SkipSpaces(a.VerbEnd, sentence.End);
                // "…, said Yermak." — but in "…, said Russia had not been consulted" Russia opens the reported clause.
                if (SubjectStartingAt(at, sentence.End) is { } inverted && inverted.Kind != SubjectKind.Pronoun
                    && !Regex.IsMatch(_norm[inverted.End..Math.Min(_norm.Length, inverted.End + 25)], @"^\s+(?:is|was|were|are|has|had|have|would|will|could|can|should|must|may|might|did|does|do)\b"))
                {
                    a.Subject = inverted;
                    a.Inverted = true;
                    return a;
                }
            }
            return null;
        }

        /// <summary>", adding that…", "and noted that…": the subject of the verb before it in the sentence, or of the sentence.</summary>
        private bool Inherit(Attribution a, Sentence sentence, List<Attribution> earlier)
        {
            if (earlier.LastOrDefault() is { } previous)
            {
                a.Subject = previous.Subject with { Start = a.VerbStart, End = a.VerbStart };
                return true;
            }
            if (SentenceSubject(sentence) is { } subject && subject.Start < a.VerbStart)
            {
                a.Subject = subject with { Start = a.VerbStart, End = a.VerbStart };
                return true;
            }
            return false;
        }

        private int SkipSpaces(int i, int end)
        {
            while (i < end && char.IsWhiteSpace(_text[i]))
            {
                i++;
            }
            return i;
        }

        private int SkipSpacesLeft(int i, int start)
        {
            while (i > start && char.IsWhiteSpace(_text[i - 1]))
            {
                i--;
            }
            return i;
        }

        private (int Start, string Word) WordBefore(int p, int start)
        {
            var k = p;
            while (k > start && (char.IsLetter(_text[k - 1]) || _text[k - 1] is '\'' or '’'))
            {
                k--;
            }
            return (k, _text[k..p]);
        }

        /// <summary>Steps left over adverbs and times ("also", "on Friday", "late Tuesday") to where the subject ends.</summary>
        private int SkipAdverbsLeft(int verbStart, int start, out bool coordinated)
        {
            coordinated = false;
            var p = SkipSpacesLeft(verbStart, start);
            for (var guard = 0; guard < 8; guard++)
            {
                var (k, word) = WordBefore(p, start);
                var lower = word.ToLowerInvariant();
                if (word.Length > 0 && LeftAdverbs.Contains(lower))
                {
                    p = SkipSpacesLeft(k, start);
                    continue;
                }
                if (lower is "and" or "but")
                {
                    coordinated = true;
                    return k;
                }
                var time = _times.LastOrDefault(t => t.End == p && t.Start >= start);
                if (time is not null)
                {
                    p = SkipSpacesLeft(time.Start, start);
                    continue;
                }
                // "Alexey Goncharenko (listed in Russia as …) reported": a bracket after the name.
                if (p > start && _text[p - 1] == ')' && _text.LastIndexOf('(', p - 1, p - start) is var open and > 0 && p - open < 120)
                {
                    p = SkipSpacesLeft(open, start);
                    continue;
                }
                break;
            }
            return p;
        }

        /// <summary>"has repeatedly called on", "has publicly insisted": what someone keeps saying, not something said on an occasion.</summary>
        private bool Habitual(Attribution a, int start)
        {
            var before = _norm[Math.Max(start, a.VerbStart - 40)..a.VerbStart];
            return Regex.IsMatch(before, @"\b(?:has|have)\s+(?:\w+\s+)?(?:repeatedly|publicly|long|consistently|often|always|frequently|regularly|previously|repeated)\s+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)
                || Regex.IsMatch(a.Verb, @"^(?:has|have)\s", RegexOptions.CultureInvariant) && Regex.IsMatch(_norm[a.VerbEnd..Math.Min(_norm.Length, a.VerbEnd + 20)], @"^\s+(?:repeatedly|long|consistently|always)\b");
        }

        /// <summary>"Rubio and … Andrey Yermak said": both.</summary>
        private Subject Joint(Subject subject, int start)
        {
            if (subject.Kind is not (SubjectKind.Name or SubjectKind.Role))
            {
                return subject;
            }
            var p = SkipSpacesLeft(subject.Start, start);
            var (k, word) = WordBefore(p, start);
            if (word != "and")
            {
                return subject;
            }
            var other = SubjectEndingAt(SkipSpacesLeft(k, start), start, allowAppositive: false);
            if (other is null || other.Kind is not (SubjectKind.Name or SubjectKind.Role) || other.Speakers.Any(s => subject.Speakers.Any(t => t.Key == s.Key)))
            {
                return subject;
            }
            return new Subject(other.Start, subject.End, [.. other.Speakers, .. subject.Speakers], SubjectKind.Group);
        }

        // ---- Noun phrases that can speak -------------------------------------------------------------------------

        /// <summary>The speaker named by the noun phrase that ends at <paramref name="p"/> (an appositive between commas is stepped over).</summary>
        private Subject? SubjectEndingAt(int p, int start, bool allowAppositive = true)
        {
            p = SkipSpacesLeft(p, start);
            if (p <= start)
            {
                return null;
            }
            if (_text[p - 1] == ',' && allowAppositive)
            {
                // "Yuri Ushakov, the Kremlin's top foreign policy adviser, said" / "Moscow's top negotiator, Vladimir Medinsky, said".
                var q = SkipSpacesLeft(p - 1, start);
                var comma = _norm.LastIndexOf(',', Math.Max(start, q - 1), Math.Max(0, q - start));
                // A phrase set off by commas that opens with a small word ("a foreign policy aide to Putin", "who travelled with
                // Kushner", "asked about Umerov's remarks") stands between the subject and its verb: a name inside it is not
                // the one speaking. A capitalised phrase ("Vladimir Medinsky") is the name in apposition to a role.
                if (comma > start && _norm[(comma + 1)..q].Trim() is { Length: > 0 } appositive && Interposed(appositive))
                {
                    if (SubjectEndingAt(comma, start, allowAppositive: false) is { } before && before.Kind != SubjectKind.Pronoun)
                    {
                        return before;
                    }
                    // "On Friday, the Kremlin spokesman, …": a role phrase with nothing before it is the subject itself.
                    return !Regex.IsMatch(appositive, @"^(?:[Tt]he|[Aa]n?)\s") ? null
                        : SubjectEndingAt(q, start, allowAppositive: false) is { Kind: not SubjectKind.Pronoun } rolePhrase ? rolePhrase : null;
                }
                if (SubjectEndingAt(q, start, allowAppositive: false) is { } direct && direct.Kind != SubjectKind.Pronoun)
                {
                    return WithRoleBefore(direct, start);
                }
                return null;
            }
            if (_report.IsQuoted(p - 1))
            {
                return null;
            }
            if (_mentionsByEnd.TryGetValue(p, out var mentions))
            {
                foreach (var m in mentions.Where(m => m.Start >= start))
                {
                    if (m.Kind == MentionKind.Name)
                    {
                        return new Subject(m.Start, m.End, [Who.Of(m.Actor, $"“{_text[m.Start..m.End]}” is named as saying it")], SubjectKind.Name);
                    }
                    if (ResolveRoleMention(m) is { } actor)
                    {
                        return new Subject(m.Start, m.End, [Who.Of(actor, $"“{_text[m.Start..m.End]}” is {actor.Name} in this report")], SubjectKind.Role);
                    }
                }
            }
            var tail = _norm[Math.Max(start, p - 120)..p];
            var offset = p - tail.Length;
            // "…met Trump, who said the deal was close": the relative pronoun's antecedent.
            if (Regex.Match(tail, @",?\s*\bwho$") is { Success: true } relative && allowAppositive
                && SubjectEndingAt(offset + relative.Index, start, allowAppositive: false) is { Kind: SubjectKind.Name or SubjectKind.Role or SubjectKind.NewPerson } antecedent)
            {
                return antecedent;
            }
            if (PronounAtEnd().Match(tail) is { Success: true } pronoun)
            {
                var who = ResolvePronoun(pronoun.Value.ToLowerInvariant(), p);
                return who is null ? null : new Subject(offset + pronoun.Index, p, who, SubjectKind.Pronoun);
            }
            if (GroupAtEnd().Match(tail) is { Success: true } group && LeadersBefore(p) is { Count: 2 } pair)
            {
                return new Subject(offset + group.Index, p, [.. pair.Select(a => Who.Of(a, $"“{group.Value.Trim()}”: {pair[0].Name} and {pair[1].Name}, the two named last"))], SubjectKind.Group);
            }
            // "the Kremlin spokesman" is a person the report named; "a Kremlin official" is the Kremlin.
            var definite = !Regex.IsMatch(tail, @"(?<![\w'])[Aa]n?\s+(?:\S+\s+){0,5}\S+$");
            if (definite && ActorDirectory.RolePhraseEndingAt(_norm, p, start) is { } definiteRole && RoleSpeaker(definiteRole.Value, p) is { } definiteWho)
            {
                return new Subject(p - definiteRole.Length, p, [definiteWho], SubjectKind.Role);
            }
            if (BodyAtEnd().Match(tail) is { Success: true } body && BodySpeaker(body.Groups["body"].Value, offset + body.Groups["body"].Index, body.Value) is { } bodyWho)
            {
                return new Subject(offset + body.Index, p, [bodyWho], SubjectKind.Body);
            }
            if (AnonymousAtEnd().Match(tail) is { Success: true } anonymous)
            {
                return new Subject(offset + anonymous.Index, p, [AnonymousSpeaker(anonymous.Value.Trim(), p)], SubjectKind.Anonymous);
            }
            if (ActorDirectory.RolePhraseEndingAt(_norm, p, start) is { } role && RoleSpeaker(role.Value, p, lookAhead: !definite) is { } roleWho)
            {
                return new Subject(p - role.Length, p, [roleWho], SubjectKind.Role);
            }
            if (TrailingName(tail) is { } person && NewPerson(person.Name) is { } name
                && !Prepositions.Contains(WordBefore(SkipSpacesLeft(offset + person.Index, start), start).Word.ToLowerInvariant()))
            {
                var s = ActorDirectory.TitleStart(_text, offset + person.Index, start);
                var role2 = s < offset + person.Index ? _text[s..(offset + person.Index)].Trim() : Appositive(p);
                return new Subject(s, p, [Propose(name, role2)], SubjectKind.NewPerson);
            }
            // "Kallas told reporters" after "Kaja Kallas warned…": the surname of a person proposed or named earlier in the report.
            var (surnameStart, surname) = WordBefore(p, start);
            if (surname.Length > 2 && (_newPeople.TryGetValue(surname, out var proposed) || NamedEarlier(surname, surnameStart) is { } earlier && (proposed = earlier) is not null))
            {
                return new Subject(surnameStart, p, [proposed with { Basis = $"“{surname}” is {proposed.Name}, named earlier in the report (not a known actor: a new actor is proposed)" }], SubjectKind.NewPerson);
            }
            return null;
        }

        /// <summary>"Moscow's top negotiator, Vladimir Medinsky, said": the role before the name is part of the subject.</summary>
        private Subject WithRoleBefore(Subject subject, int start)
        {
            var p = SkipSpacesLeft(subject.Start, start);
            if (subject.Kind != SubjectKind.Name || p <= start || _text[p - 1] != ',')
            {
                return subject;
            }
            var q = SkipSpacesLeft(p - 1, start);
            if (_mentionsByEnd.TryGetValue(q, out var mentions) && mentions.FirstOrDefault(m => m.Actors.Contains(subject.Speakers[0].Actor!)) is { } same)
            {
                return subject with { Start = same.Start };
            }
            if (ActorDirectory.RolePhraseEndingAt(_norm, q, start) is { } role && _text[(q - role.Length)..q].Trim().Length > 3)
            {
                return subject with { Start = q - role.Length + (role.Length - role.Value.TrimStart().Length) };
            }
            return subject;
        }

        /// <summary>The speaker named by the noun phrase that starts at <paramref name="at"/> ("said Yermak", "according to a White House official").</summary>
        private Subject? SubjectStartingAt(int at, int end)
        {
            if (at >= end || _report.IsQuoted(at))
            {
                return null;
            }
            if (_mentionsByStart.TryGetValue(at, out var mentions))
            {
                foreach (var m in mentions.OrderByDescending(m => m.End))
                {
                    if (m.Kind == MentionKind.Name)
                    {
                        return new Subject(at, m.End, [Who.Of(m.Actor, $"“{_text[at..m.End]}” is named as saying it")], SubjectKind.Name);
                    }
                    if (ResolveRoleMention(m) is { } actor)
                    {
                        return new Subject(at, m.End, [Who.Of(actor, $"“{_text[at..m.End]}” is {actor.Name} in this report")], SubjectKind.Role);
                    }
                }
            }
            var head = _norm[at..Math.Min(end, at + 120)];
            // "according to the Kremlin": the article before a body's name.
            if (Regex.Match(head, @"^[Tt]he\s+") is { Success: true } article && _mentionsByStart.TryGetValue(at + article.Length, out var afterArticle)
                && afterArticle.FirstOrDefault(m => m.Kind == MentionKind.Name && !ActorDirectory.IsPerson(m.Actor)) is { } body0)
            {
                return new Subject(at, body0.End, [Who.Of(body0.Actor, $"“{_text[at..body0.End]}” is named as saying it")], SubjectKind.Name);
            }
            // A title run before a known name: "Russian Foreign Minister Sergey Lavrov".
            var named = MentionsIn(at + 1, at + 60 + 200).FirstOrDefault(m => m.Start > at && m.Start < at + 60 && m.Kind == MentionKind.Name
                && ActorDirectory.TitleStart(_text, m.NameStart, at) <= at);
            if (named is not null)
            {
                return new Subject(at, named.End, [Who.Of(named.Actor, $"“{_text[at..named.End]}” is named as saying it")], SubjectKind.Name);
            }
            if (PronounAtStart().Match(head) is { Success: true } pronoun)
            {
                var who = ResolvePronoun(pronoun.Value.ToLowerInvariant(), at);
                return who is null ? null : new Subject(at, at + pronoun.Length, who, SubjectKind.Pronoun);
            }
            if (BodyAtStart().Match(head) is { Success: true } body && BodySpeaker(body.Groups["body"].Value, at + body.Groups["body"].Index, body.Value) is { } bodyWho)
            {
                return new Subject(at, at + body.Length, [bodyWho], SubjectKind.Body);
            }
            if (AnonymousAtStart().Match(head) is { Success: true } anonymous)
            {
                return new Subject(at, at + anonymous.Length, [AnonymousSpeaker(anonymous.Value.Trim(), at)], SubjectKind.Anonymous);
            }
            if (ActorDirectory.RolePhraseStartingAt(_norm, at, end) is { } role && RoleSpeaker(role.Value, at) is { } roleWho)
            {
                return new Subject(at, at + role.Length, [roleWho], SubjectKind.Role);
            }
            if (NewPersonAtStart().Match(head) is { Success: true } person && NewPerson(person.Groups["name"].Value) is { } name)
            {
                var nameStart = at + person.Groups["name"].Index;
                var title = nameStart > at ? _text[at..nameStart].Trim() : null;
                var end2 = at + person.Length;
                return new Subject(at, end2, [Propose(name, title ?? Appositive(end2))], SubjectKind.NewPerson);
            }
            var word = Regex.Match(head, @"^\p{Lu}[\p{Ll}'-]+\b").Value;
            if (word.Length > 2 && (_newPeople.TryGetValue(word, out var proposed) || NamedEarlier(word, at) is { } earlier && (proposed = earlier) is not null))
            {
                return new Subject(at, at + word.Length, [proposed with { Basis = $"“{word}” is {proposed.Name}, named earlier in the report (not a known actor: a new actor is proposed)" }], SubjectKind.NewPerson);
            }
            return null;
        }

        /// <summary>The two or three capitalised words that end a stretch and could be a person's name ("… Minister Kalle Rebane" → "Kalle Rebane").</summary>
        private static (int Index, string Name)? TrailingName(string tail)
        {
            var m = NewPersonAtEnd().Match(tail);
            if (!m.Success)
            {
                return null;
            }
            var words = NameWord().Matches(m.Groups["name"].Value).ToList();
            var keep = words.Count;
            while (keep > 2 && (NotNames.Contains(words[words.Count - keep].Value.TrimEnd('.')) || ActorDirectory.Demonyms.ContainsKey(words[words.Count - keep].Value.ToLowerInvariant())))
            {
                keep--;
            }
            var first = words[words.Count - keep];
            var index = m.Groups["name"].Index + first.Index;
            return (index, tail[index..]);
        }

        private readonly Dictionary<string, Who> _newPeople = new(StringComparer.Ordinal);

        /// <summary>
        /// "Peskov told reporters" after "Kremlin spokesman Dmitry Peskov struck a cautious tone": a surname whose full name the
        /// report gave earlier (outside quotation marks), though not as speaking; proposed as a new actor with that name.
        /// </summary>
        private Who? NamedEarlier(string surname, int before)
        {
            if (NotNames.Contains(surname) || ActorDirectory.Demonyms.ContainsKey(surname.ToLowerInvariant()))
            {
                return null;
            }
            if (!FullNames().TryGetValue(surname, out var named) || named.End > before)
            {
                return null;
            }
            var titleStart = ActorDirectory.TitleStart(_text, named.Start, Math.Max(0, named.Start - 60));
            var role = titleStart < named.Start ? _text[titleStart..named.Start].Trim() : Appositive(named.End);
            return Propose(named.Name, role is { Length: > 0 } ? role : null);
        }

        private Dictionary<string, (int Start, int End, string Name)>? _fullNames;

        /// <summary>Each surname's first full name in the report ("Dmitry Peskov"), outside quotation marks and known actors' names.</summary>
        private Dictionary<string, (int Start, int End, string Name)> FullNames()
        {
            if (_fullNames is not null)
            {
                return _fullNames;
            }
            _fullNames = new(StringComparer.Ordinal);
            foreach (Match m in NameRun().Matches(_report.Masked))
            {
                if (TrailingName(m.Value) is not { } person || NewPerson(person.Name) is not { } name
                    || MentionsIn(m.Index, m.Index + m.Length).Any(x => x.Kind == MentionKind.Name))
                {
                    continue;
                }
                _fullNames.TryAdd(name.Split(' ')[^1], (m.Index + person.Index, m.Index + m.Length, name));
            }
            return _fullNames;
        }

        /// <summary>A phrase between commas that is not a name: a relative clause, a participle, or an appositive role ("a/the …").</summary>
        private static bool Interposed(string phrase) =>
            char.IsLower(phrase[0]) || phrase.StartsWith("The ", StringComparison.Ordinal) || phrase.StartsWith("A ", StringComparison.Ordinal)
            || phrase.StartsWith("An ", StringComparison.Ordinal);

        /// <summary>A person the report names as speaking who is not a known actor: proposed, and known by surname from here on.</summary>
        private Who Propose(string name, string? role)
        {
            var who = new Who(null, name, role, "named as saying it, not a known actor: a new actor is proposed", true);
            _newPeople.TryAdd(name.Split(' ')[^1], who);
            return who;
        }

        /// <summary>", the EU foreign policy chief," after a name: the role to propose with a new actor.</summary>
        private string? Appositive(int end)
        {
            var m = AppositiveAfter().Match(_norm[end..Math.Min(_norm.Length, end + 80)]);
            return m.Success ? _text[(end + m.Groups["role"].Index)..(end + m.Groups["role"].Index + m.Groups["role"].Length)] : null;
        }

        private static readonly HashSet<string> NotNames =
            ["The", "A", "An", "This", "That", "These", "Those", "It", "In", "On", "At", "But", "And", "For", "With", "From", "After", "Before",
             "President", "Minister", "Prime", "Foreign", "Secretary", "Spokesman", "Spokesperson", "Chancellor", "Envoy", "Special", "General",
             "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June",
             "July", "August", "September", "October", "November", "December", "Ukraine", "Russia", "Kremlin", "Moscow", "Kyiv", "Washington",
             "White", "House", "State", "Department", "Ministry", "United", "States", "European", "Union", "News", "Press", "Office", "Council",
             "Party", "Army", "Forces", "Talks", "Peace", "Plan", "Details", "Source", "Quote", "However", "Meanwhile", "Asked", "Speaking"];

        /// <summary>A person's name of two or three words that is no known actor, no place and no title.</summary>
        private static string? NewPerson(string name)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length is < 2 or > 3 || words.Any(w => NotNames.Contains(w) || ActorDirectory.Demonyms.ContainsKey(w.ToLowerInvariant())))
            {
                return null;
            }
            return name;
        }

        private Who? BodySpeaker(string body, int bodyStart, string phrase)
        {
            var bodyEnd = bodyStart + body.Length;
            var mention = MentionsIn(bodyStart, bodyEnd).FirstOrDefault(m => m.Kind == MentionKind.Name);
            if (mention is not null && !ActorDirectory.IsPerson(mention.Actor))
            {
                return Who.Of(mention.Actor, $"“{phrase.Trim()}”: an official of a known body is given to the body");
            }
            var key = body.Trim().TrimEnd('.').ToLowerInvariant();
            if (ActorDirectory.Demonyms.TryGetValue(key, out var country))
            {
                // "Russian officials": the country's government if it is an actor, or the one body of that side.
                var governments = _owner._directory.Actors.Where(a => !ActorDirectory.IsPerson(a)
                    && (a.Name.Equals(country, StringComparison.OrdinalIgnoreCase) || (a.Side is { } side && side.Equals(country, StringComparison.OrdinalIgnoreCase) && a.Kind == Models.ActorKind.Government))).ToList();
                var state = governments.FirstOrDefault(a => a.Name.Equals(country, StringComparison.OrdinalIgnoreCase)) ?? (governments.Count == 1 ? governments[0] : null);
                var countryName = System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(country);
                return state is not null
                    ? Who.Of(state, $"“{phrase.Trim()}”: officials of a country are given to its government")
                    : new Who(null, countryName, null, $"“{phrase.Trim()}”: officials of a country that is not a known actor; its government is proposed", false);
            }
            if (mention is not null)
            {
                return null;
            }
            var name = body.Trim();
            return name.Length > 2 && char.IsUpper(name[0]) && !ActorDirectory.Demonyms.ContainsKey(key)
                ? new Who(null, name, null, $"“{phrase.Trim()}”: an official of a body that is not a known actor; the body is proposed", false)
                : null;
        }

        private Who AnonymousSpeaker(string phrase, int position)
        {
            // "the official", "the source": the anonymous speaker met last.
            if (phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase)
                && _utterances.LastOrDefault(u => u.Position < position && u.Speakers.Count == 1 && !u.Speakers[0].Person) is { } previous)
            {
                return previous.Speakers[0] with { Basis = $"“{phrase}” refers back to {previous.Speakers[0].Name}" };
            }
            var unknown = _owner._directory.Actors.FirstOrDefault(a => a.Slug == "unknown" || a.Name.Equals("unknown", StringComparison.OrdinalIgnoreCase));
            return unknown is not null
                ? Who.Of(unknown, $"“{phrase}”: an unnamed source")
                : new Who(null, "", null, $"“{phrase}”: an unnamed source; the report does not say who", false);
        }

        private KnownActor? ResolveRoleMention(Mention m)
        {
            if (!_roleResolved.TryGetValue(m, out var actor))
            {
                actor = _owner._directory.ResolveRole(_text[m.Start..m.End], RecentActors(m.Start), m.Actors, Titles);
                _roleResolved[m] = actor;
            }
            return actor;
        }

        private Who? RoleSpeaker(string phrase, int position, bool lookAhead = false)
        {
            var actor = _owner._directory.ResolveRole(phrase, RecentActors(position), [], Titles);
            if (actor is not null)
            {
                return Who.Of(actor, $"“{phrase.Trim()}” is {actor.Name}, named earlier in the report with that role");
            }
            if (!lookAhead)
            {
                return null;
            }
            // "A senior aide to the Russian president said … Yuri Ushakov said": a lede names the person just after.
            var later = MentionsIn(position, Math.Min(_text.Length, position + 600)).Where(m => m.Kind == MentionKind.Name && !m.Quoted).Select(m => m.Actor).Distinct();
            actor = _owner._directory.ResolveRole(phrase, later, [], Titles);
            return actor is null ? null : Who.Of(actor, $"“{phrase.Trim()}” is {actor.Name}, named with that role just after");
        }

        /// <summary>Actors named (or speaking) before a point, the latest first, outside anybody's quotation.</summary>
        private IEnumerable<KnownActor> RecentActors(int position)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var m = UpperBound(position) - 1;
            var u = _utterances.Count - 1;
            while (u >= 0 && _utterances[u].Position >= position)
            {
                u--;
            }
            // Two lists, each in text order, merged from the latest backwards.
            while (m >= 0 || u >= 0)
            {
                var mention = m >= 0 ? _mentions[m] : null;
                var utterance = u >= 0 ? _utterances[u] : null;
                if (mention is not null && (utterance is null || mention.Start >= utterance.Position))
                {
                    m--;
                    if (mention.End <= position && !mention.Quoted && mention.Kind == MentionKind.Name && seen.Add(mention.Actor.Slug))
                    {
                        yield return mention.Actor;
                    }
                    continue;
                }
                u--;
                foreach (var who in utterance!.Speakers)
                {
                    if (who.Actor is { } actor && seen.Add(actor.Slug))
                    {
                        yield return actor;
                    }
                }
            }
        }

        /// <summary>The mentions that start in [start, end), in text order.</summary>
        private IEnumerable<Mention> MentionsIn(int start, int end)
        {
            for (var i = UpperBound(start - 1); i < _mentions.Count && _mentions[i].Start < end; i++)
            {
                if (_mentions[i].Start >= start && _mentions[i].End <= end)
                {
                    yield return _mentions[i];
                }
            }
        }

        /// <summary>The index of the first mention that starts after <paramref name="position"/>.</summary>
        private int UpperBound(int position)
        {
            int lo = 0, hi = _mentions.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_mentions[mid].Start <= position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            return lo;
        }

        private readonly Dictionary<string, List<string>> _titles = new(StringComparer.Ordinal);

        /// <summary>The titles the report gives an actor: its mentions with a title, and appositives ("Moscow's top negotiator, Vladimir Medinsky,").</summary>
        private List<string> Titles(KnownActor actor)
        {
            if (_titles.TryGetValue(actor.Slug, out var cached))
            {
                return cached;
            }
            var titles = new List<string>();
            foreach (var m in _mentions.Where(m => m.Kind == MentionKind.Name && m.Actor == actor))
            {
                titles.Add(_text[m.Start..m.End]);
                if (Appositive(m.End) is { } after)
                {
                    titles.Add(after);
                }
                var before = AppositiveBefore().Match(_norm[Math.Max(0, m.Start - 80)..m.Start]);
                if (before.Success)
                {
                    titles.Add(before.Groups["role"].Value);
                }
            }
            titles = [.. titles.Distinct(StringComparer.Ordinal)];
            _titles[actor.Slug] = titles;
            return titles;
        }

        private List<KnownActor> LeadersBefore(int position) =>
            [.. RecentActors(position).Where(ActorDirectory.IsPerson).Take(2).OrderBy(a => _mentions.FirstOrDefault(m => m.Actor == a)?.Start ?? int.MaxValue)];

        /// <summary>"he"/"she": the person who spoke last or was last the subject of a sentence; "it": the body that spoke last.</summary>
        private List<Who>? ResolvePronoun(string pronoun, int position)
        {
            if (pronoun is "he" or "she" or "him" or "his" or "her")
            {
                var spoke = _utterances.LastOrDefault(u => u.Position < position && u.Speakers.Count == 1 && u.Speakers[0].Person && u.Speakers[0].Name.Length > 0);
                var subject = _subjects.LastOrDefault(s => s.Position < position);
                if (subject.Who is not null && (spoke is null || subject.Position > spoke.Position))
                {
                    return [subject.Who with { Basis = $"“{pronoun}” refers back to {subject.Who.Name}, the subject of the sentence before" }];
                }
                if (spoke is not null)
                {
                    return [spoke.Speakers[0] with { Basis = $"“{pronoun}” refers back to {spoke.Speakers[0].Name}, who spoke last" }];
                }
                var named = RecentActors(position).FirstOrDefault(ActorDirectory.IsPerson);
                return named is null ? null : [Who.Of(named, $"“{pronoun}” refers back to {named.Name}, named last")];
            }
            if (pronoun is "it" or "its")
            {
                var body = _utterances.LastOrDefault(u => u.Position < position && u.Speakers.Count == 1 && !u.Speakers[0].Person && u.Speakers[0].Name.Length > 0);
                return body is null ? null : [body.Speakers[0] with { Basis = $"“{pronoun}” refers back to {body.Speakers[0].Name}" }];
            }
            if (pronoun is "they" or "them" or "their")
            {
                var group = _utterances.LastOrDefault(u => u.Position < position);
                return group is { Speakers.Count: > 1 } || group is { Speakers: [{ Person: false }] }
                    ? [.. group.Speakers.Select(s => s with { Basis = $"“{pronoun}” refers back to {s.Name}" })]
                    : null;
            }
            return null;
        }

        /// <summary>The sentence's grammatical subject when it names a speaker: "Trump greeted…", "He accused…", "The president also recalled…".</summary>
        private Subject? SentenceSubject(Sentence sentence)
        {
            var contentStart = ContentStart(sentence);
            var lead = PronounLead().Match(_norm[contentStart..Math.Min(sentence.End, contentStart + 40)]);
            if (lead.Success && ResolvePronoun(lead.Groups["p"].Value.ToLowerInvariant(), contentStart) is { } pronounWho)
            {
                var at = contentStart + lead.Groups["p"].Index;
                return new Subject(at, at + lead.Groups["p"].Length, pronounWho, SubjectKind.Pronoun);
            }
            // The subject opens the sentence: only its first words are looked at.
            foreach (var m in MentionsIn(contentStart, Math.Min(sentence.End, contentStart + 200)).Where(m => !m.Quoted))
            {
                var after = _norm[m.End..Math.Min(sentence.End, m.End + 100)];
                var before = _norm[contentStart..m.Start].TrimEnd();
                // The subject opens the sentence, or follows one opening phrase set off by a comma ("On Monday, …").
                if (before.Length > 0 && !(before.EndsWith(',') && WordCount(before) <= 14 && before.Count(c => c == ',') == 1))
                {
                    continue;
                }
                if (!VerbAfterSubject().IsMatch(after))
                {
                    continue;
                }
                var actor = m.Kind == MentionKind.Name ? m.Actor : ResolveRoleMention(m);
                return actor is null ? null : new Subject(m.Start, m.End, [Who.Of(actor, $"“{_text[m.Start..m.End]}” is the subject of the sentence")], SubjectKind.Name);
            }
            return null;
        }

        // ---- Patterns --------------------------------------------------------------------------------------------

        private const string Finite =
            "said|says|say|told|tells|added|adds|noted|notes|stressed|stresses|stated|states|wrote|writes|posted|posts|explained|explains|replied|replies|" +
            "responded|responds|insisted|insists|warned|warns|emphasi[sz]ed|emphasi[sz]es|acknowledged|acknowledges|confirmed|confirms|claimed|claims|" +
            "declared|declares|announced|announces|argued|argues|underlined|underscored|pointed out|points out|asserted|asserts|cautioned|cautions|" +
            "commented|reported|reports|concluded|admitted|admits|predicted|vowed|revealed|reveals|clarified|mentioned|reiterated|repeated|continued|" +
            "went on to say|goes on to say|described|describes|called|calls|recalled|asked|tweeted|conceded|observed|remarked|informed|assured";

        private const string Participles =
            "adding|saying|telling|noting|stressing|claiming|insisting|warning|explaining|describing|emphasi[sz]ing|stating|declaring|announcing|" +
            "confirming|acknowledging|arguing|asserting|calling|expressing (?:hope|confidence|concern|optimism|regret|doubt)";

        [GeneratedRegex(@"(?<![\w'’¤-])(?:(?:(?:has|have|had) (?:also )?)?(?:" + Finite + @")|Says|Said|Adds|Claims|Warns|" + Participles +
            @"|(?:[Aa]ccording to)|(?:[Ii]n (?:his|her|their) (?:view|words|opinion))|reads? a statement (?:by|from))(?![\w'’¤-])")]
        private static partial Regex ReportingVerb();

        [GeneratedRegex(@"(?<![\w'])(?:he|she|He|She|it|It|they|They|him|her|them)$")]
        private static partial Regex PronounAtEnd();

        [GeneratedRegex(@"^(?:him|her|it|them|he|she|they)(?![\w'])")]
        private static partial Regex PronounAtStart();

        [GeneratedRegex(@"^(?:[A-Z][\w ,]{0,30}:\s*)?(?<p>He|She|They|It)(?![\w'])")]
        private static partial Regex PronounLead();

        [GeneratedRegex(@"(?<![\w'])(?:[Tt]he|[Bb]oth|[Tt]he two|[Bb]oth of the)\s+(?:leaders|presidents|heads of state|men)$")]
        private static partial Regex GroupAtEnd();

        private const string BodyRoles = @"(?:official|officials|spokesperson|spokesman|spokeswoman|journalist|reporter|correspondent|source|sources|representative|diplomat|press service|press office|statement|readout|news outlet|news agency|outlet|agency|newspaper|daily|website|broadcaster|TV channel)";

        [GeneratedRegex(@"(?<![\w'])(?:[Aa]n?|[Tt]he)\s+(?:(?:senior|top|unnamed|anonymous|second|another|former)\s+)?(?<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+" + BodyRoles + @"$|(?<![\w'])(?:[Aa]n?|[Tt]he)\s+(?:(?:senior|top)\s+)?" + BodyRoles + @"\s+(?:of|from|for|at|in|with|by)\s+(?:the\s+)?(?<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})(?:\s*\([^)]{1,12}\))?$|(?<![\w'])(?<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,2})\s+officials$")]
        private static partial Regex BodyAtEnd();

        [GeneratedRegex(@"^(?:[Aa]n?|[Tt]he)\s+(?:(?:senior|top|unnamed|anonymous|second|another|former)\s+)?(?<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})\s+" + BodyRoles + @"\b|^(?:[Aa]n?|[Tt]he)\s+(?:(?:senior|top)\s+)?" + BodyRoles + @"\s+(?:of|from|for|at|in|with|by)\s+(?:the\s+)?(?<body>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,4})(?:\s*\([^)]{1,12}\))?")]
        private static partial Regex BodyAtStart();

        [GeneratedRegex(@"(?<![\w'])(?:[Aa]n?\s+(?:second|another|senior|diplomatic|well-placed|informed|separate)?\s*source|[Tt]he\s+source|[Ss]ources|[Aa]n?\s+(?:senior\s+)?official|[Tt]he\s+official|[Tt]he\s+spokesperson|[Oo]fficials)$")]
        private static partial Regex AnonymousAtEnd();

        [GeneratedRegex(@"^(?:[Aa]n?\s+(?:second|another|senior|diplomatic|well-placed|informed|separate)?\s*source|[Tt]he\s+source|(?:(?:two|three|several|multiple|some|other|two\s+other|unnamed|anonymous)\s+)?(?:[Ss]ources|people|officials)\s+(?:familiar\s+with|with\s+knowledge|close\s+to|briefed\s+on)[^,.;]{0,40}|[Aa]\s+(?:person|source)\s+(?:familiar\s+with|with\s+knowledge|close\s+to|briefed\s+on)[^,.;]{0,40}|(?:(?:two|three|several|multiple|some|other)\s+)?[Ss]ources|[Aa]n?\s+(?:senior\s+)?official|[Tt]he\s+official|[Tt]he\s+spokesperson|[Oo]fficials)(?![\w'])")]
        private static partial Regex AnonymousAtStart();

        [GeneratedRegex(@"(?<![\w'.])(?<name>\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'-]+){1,3})$")]
        private static partial Regex NewPersonAtEnd();

        [GeneratedRegex(@"\p{Lu}[\p{Ll}'.-]*")]
        private static partial Regex NameWord();

        [GeneratedRegex(@"(?<![\w'.])\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'-]+){1,2}(?![\w'])")]
        private static partial Regex NameRun();

        [GeneratedRegex(@"^(?:(?:[A-Z][\w.'-]*|of|the|for)\s+){0,5}?(?<name>\p{Lu}[\p{Ll}'-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}'-]+){1,2})(?=\s*(?:,|\.|$|\s+(?:on|in|at|said|says|told|added)\b))")]
        private static partial Regex NewPersonAtStart();

        [GeneratedRegex(@"^,\s+(?<role>(?:the|a|an)\s+[^,.;""]{3,70}?),")]
        private static partial Regex AppositiveAfter();

        [GeneratedRegex(@"(?:^|[.!?]\s+|\n)(?<role>(?:[Tt]he\s+)?[^,.;""]{3,70}?),\s+$")]
        private static partial Regex AppositiveBefore();

        [GeneratedRegex(@"^\s*(?:,\s+(?:the|a|an|who|which)\b[^,]{1,90},\s*)?(?:(?:also|then|later|again|has|had|have|is|was|were|will|would|on\s+\w+|\w+ly)\s+)*(?!and\b|or\b|of\b|to\b|in\b|on\b|at\b|for\b|with\b|from\b|by\b|as\b|that\b|who\b|which\b|whose\b|the\b|a\b|an\b|and\b|said\b)[a-z]{2,}")]
        private static partial Regex VerbAfterSubject();
    }
}
