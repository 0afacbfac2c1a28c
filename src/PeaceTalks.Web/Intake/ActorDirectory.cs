using System.Text;
using System.Text.RegularExpressions;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>How a stretch of the report names someone.</summary>
internal enum MentionKind
{
    /// <summary>By name or other spelling ("Zelenskyy", "Зеленський", "Turkish Foreign Minister Hakan Fidan").</summary>
    Name,

    /// <summary>By a role phrase the actor is known by ("the Kremlin spokesman"); resolved to the actor named last with it.</summary>
    Role,
}

/// <summary>A known actor named in the report. <see cref="Start"/> includes a title before the name ("Kremlin spokesman").</summary>
internal sealed record Mention(int Start, int End, int NameStart, MentionKind Kind, IReadOnlyList<KnownActor> Actors, bool Quoted)
{
    public KnownActor Actor => Actors[0];
}

/// <summary>
/// Every name the known actors go by: their names and alternative names (longest first), other spellings of the same name
/// (Zelensky/Zelenskyy/Zelenskiy, Yury/Yuri, Cyrillic), surnames where they are unique, a title before the name
/// ("Turkish Foreign Minister Hakan Fidan" is Hakan Fidan), and role phrases ("the Ukrainian leader", "the Kremlin
/// official", "Moscow's top negotiator") resolved to an actor the report has named with a matching role or title.
/// </summary>
internal sealed partial class ActorDirectory
{
    private readonly List<(string Pattern, List<KnownActor> Actors, bool Role)> _patterns = [];
    private readonly Dictionary<string, List<KnownActor>> _skeletons = [];
    private readonly Dictionary<string, ActorProfile> _profiles = [];

    public IReadOnlyList<KnownActor> Actors { get; }

    public ActorDirectory(IReadOnlyList<KnownActor> actors)
    {
        Actors = actors;
        var byPattern = new Dictionary<string, (List<KnownActor> Actors, bool Role)>(StringComparer.Ordinal);
        void Add(string name, KnownActor actor)
        {
            var pattern = Normalize(name.Trim());
            if (pattern.Length < 2 || (pattern.Length < 3 && !pattern.All(char.IsUpper)))
            {
                return;
            }
            var role = !char.IsUpper(pattern[0]) || StartsWithDeterminer(pattern);
            var key = role ? pattern.ToLowerInvariant() : pattern;
            if (!byPattern.TryGetValue(key, out var entry))
            {
                byPattern[key] = entry = ([], role);
            }
            if (!entry.Actors.Contains(actor))
            {
                entry.Actors.Add(actor);
            }
        }
        foreach (var actor in actors)
        {
            Add(actor.Name, actor);
            foreach (var name in actor.Names)
            {
                Add(name, actor);
            }
            _profiles[actor.Slug] = new ActorProfile(actor);
        }
        // A person's surname alone, where no other actor shares it.
        var surnames = actors.Where(IsPerson).GroupBy(a => Surname(a.Name)).Where(g => g.Key.Length >= 4 && g.Count() == 1);
        foreach (var group in surnames)
        {
            if (!byPattern.ContainsKey(group.Key))
            {
                Add(group.Key, group.First());
            }
        }
        _patterns = [.. byPattern.Select(p => (p.Key, p.Value.Actors, p.Value.Role)).OrderByDescending(p => p.Key.Length)];
        // Other spellings of a person's names: one skeleton per name word ("zelenski" for Zelensky, Zelenskyy, Зеленський).
        foreach (var actor in actors.Where(IsPerson))
        {
            foreach (var name in actor.Names.Prepend(actor.Name).Where(n => n.Length > 0 && char.IsUpper(n[0])))
            {
                var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length is < 1 or > 4)
                {
                    continue;
                }
                var key = Skeleton(words[^1]);
                if (key.Length >= 4)
                {
                    if (!_skeletons.TryGetValue(key, out var list))
                    {
                        _skeletons[key] = list = [];
                    }
                    if (!list.Contains(actor))
                    {
                        list.Add(actor);
                    }
                }
            }
        }
    }

    public static bool IsPerson(KnownActor actor) => actor.Kind is { } kind ? kind == ActorKind.Person : LooksLikePersonName(actor.Name);

    private static readonly HashSet<string> InstitutionWords =
        ["house", "kremlin", "department", "ministry", "office", "council", "union", "nations", "emirates", "republic", "federation", "states",
         "agency", "news", "times", "post", "press", "service", "government", "commission", "parliament", "army", "forces", "bank", "fund",
         "organisation", "organization", "committee", "state", "court", "group", "institute", "axios", "bloomberg", "reuters", "tass", "unknown"];

    private static bool LooksLikePersonName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 2 and <= 4 && words.All(w => char.IsUpper(w[0])) && !words.Any(w => InstitutionWords.Contains(w.ToLowerInvariant()))
            && !name.Contains('-', StringComparison.Ordinal);
    }

    private static string Surname(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: >= 2 } words ? words[^1] : "";

    private static bool StartsWithDeterminer(string pattern) =>
        pattern.StartsWith("The ", StringComparison.Ordinal) || pattern.StartsWith("A ", StringComparison.Ordinal)
        || pattern.StartsWith("An ", StringComparison.Ordinal) || pattern.StartsWith("Our ", StringComparison.Ordinal);

    // ---- Finding the names in a report ------------------------------------------------------------------------------

    /// <summary>Every mention of a known actor, by name, other spelling or role phrase, in text order (role phrases unresolved).</summary>
    public List<Mention> Find(ReportText report)
    {
        var text = Normalize(report.Text);
        var lower = text.ToLowerInvariant();
        var taken = new bool[text.Length];
        var found = new List<Mention>();
        foreach (var (pattern, actors, role) in _patterns)
        {
            var haystack = role ? lower : text;
            for (var at = haystack.IndexOf(pattern, StringComparison.Ordinal); at >= 0; at = haystack.IndexOf(pattern, at + 1, StringComparison.Ordinal))
            {
                var end = at + pattern.Length;
                if (IsWordChar(text, at - 1) || IsWordChar(text, end) || taken.AsSpan(at, pattern.Length).Contains(true))
                {
                    continue;
                }
                taken.AsSpan(at, pattern.Length).Fill(true);
                found.Add(new Mention(at, end, at, role ? MentionKind.Role : MentionKind.Name, actors, report.IsQuoted(at)));
            }
        }
        // Other spellings: a capitalised word whose skeleton is a known person's name.
        foreach (Match word in CapitalisedWord().Matches(text))
        {
            if (taken.AsSpan(word.Index, word.Length).Contains(true) || word.Length < 4)
            {
                continue;
            }
            var key = Skeleton(word.Value);
            var actors = _skeletons.TryGetValue(key, out var exact) ? exact
                : key.Length >= 6 ? _skeletons.Where(s => Math.Abs(s.Key.Length - key.Length) <= 1 && Distance(s.Key, key) <= 1).SelectMany(s => s.Value).Distinct().ToList()
                : [];
            if (actors.Count == 1)
            {
                var start = word.Index;
                // "Aleksandr Lukashenko": the first name goes with it.
                var previous = PreviousCapitalised().Match(text[Math.Max(0, start - 20)..start]);
                if (previous.Success && !taken.AsSpan(start - previous.Length, previous.Length).Contains(true))
                {
                    start -= previous.Length;
                }
                taken.AsSpan(start, word.Index + word.Length - start).Fill(true);
                found.Add(new Mention(start, word.Index + word.Length, start, MentionKind.Name, actors, report.IsQuoted(start)));
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        // A title before a name belongs to the mention: "Turkish Foreign Minister Hakan Fidan", "Kremlin spokesman Dmitry Peskov".
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Kind != MentionKind.Name)
            {
                continue;
            }
            var title = TitleStart(report.Text, found[i].Start, i > 0 ? found[i - 1].End : 0);
            // "Kremlin spokesman Dmitry Peskov": a body's name that opens the title belongs to the person's mention.
            if (i > 0 && found[i - 1] is { Kind: MentionKind.Name } body && !IsPerson(body.Actor) && IsPerson(found[i].Actor)
                && title < found[i].Start && title >= body.End && title - body.End <= 1)
            {
                title = body.Start;
                found.RemoveAt(i - 1);
                i--;
            }
            if (title < found[i].Start)
            {
                found[i] = found[i] with { Start = title };
            }
        }
        return found;
    }

    private static bool IsWordChar(string text, int i) => i >= 0 && i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-');

    private static readonly HashSet<string> TitleWords =
        ["president", "vice", "prime", "minister", "foreign", "defence", "defense", "deputy", "secretary", "of", "state", "spokesman", "spokeswoman",
         "spokesperson", "press", "aide", "adviser", "advisor", "policy", "special", "envoy", "chief", "head", "the", "delegation", "top", "senior",
         "negotiator", "chancellor", "national", "security", "kremlin", "presidential", "representative", "ambassador", "general", "director",
         "commander", "leader", "former", "acting", "first", "economic", "affairs", "council", "us", "u.s.", "un", "eu", "nato", "assistant",
         "counsellor", "official", "chairman", "speaker", "mayor", "governor", "king", "emir", "sheikh", "crown", "prince", "diplomat",
         "lawmaker", "legislator", "mp", "politician", "senator", "congressman", "congresswoman", "commissioner", "mediator", "member"];

    /// <summary>Nouns that end a title: before one, any capitalised words belong to the title too ("Verkhovna Rada lawmaker").</summary>
    private static readonly HashSet<string> RoleNounWords =
        ["lawmaker", "legislator", "mp", "politician", "senator", "spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor",
         "envoy", "minister", "president", "chancellor", "commissioner", "ambassador", "official", "negotiator", "mediator", "chief", "leader"];

    /// <summary>Where the title run before a name begins: words of a title or a nationality, never across a comma or a verb.</summary>
    public static int TitleStart(string text, int nameStart, int limit)
    {
        var start = nameStart;
        var i = nameStart;
        var sawRoleNoun = false;
        while (true)
        {
            var j = i;
            while (j > limit && text[j - 1] == ' ')
            {
                j--;
            }
            if (j == i || j <= limit)
            {
                break;
            }
            var k = j;
            while (k > limit && (char.IsLetter(text[k - 1]) || text[k - 1] is '.' or '\'' or '’' or '-'))
            {
                k--;
            }
            if (k == j)
            {
                break;
            }
            var word = text[k..j];
            // A full stop ends the sentence before the name, unless it is part of "U.S." or an initial.
            if (word.EndsWith('.') && word.Length > 2 && word.Count(c => c == '.') < 2)
            {
                break;
            }
            var key = word.ToLowerInvariant().TrimEnd('.');
            var possessive = key.EndsWith("'s", StringComparison.Ordinal) || key.EndsWith("’s", StringComparison.Ordinal);
            // A nationality word ("Estonian", "Danish", "Japanese") opens a title as well as a known one does.
            var nationality = char.IsUpper(word[0]) && Regex.IsMatch(key, "(?:ian|ish|ese|ean)$");
            if (TitleWords.Contains(key) || Demonyms.ContainsKey(key) || nationality || (possessive && Demonyms.ContainsKey(key[..^2]))
                || (sawRoleNoun && char.IsUpper(word[0]) && !possessive))
            {
                sawRoleNoun |= RoleNounWords.Contains(key);
                if (key is not ("the" or "of"))
                {
                    start = k;
                }
                i = k;
                continue;
            }
            break;
        }
        return start;
    }

    // ---- Role phrases --------------------------------------------------------------------------------------------

    /// <summary>
    /// The actor a role phrase refers to: among the actors named before it (latest first), the first whose role, side or the
    /// titles the report gave them fit the phrase ("the Belarusian leader" → the actor named "Belarusian President …");
    /// failing that, the only actor known by exactly that phrase.
    /// </summary>
    public KnownActor? ResolveRole(string phrase, IEnumerable<KnownActor> recentFirst, IReadOnlyList<KnownActor> knownBy, Func<KnownActor, IEnumerable<string>> titles)
    {
        var wanted = RoleQuery.Parse(phrase);
        foreach (var actor in recentFirst)
        {
            if (knownBy.Contains(actor) || (wanted is not null && _profiles.TryGetValue(actor.Slug, out var profile) && profile.Fits(wanted, titles(actor))))
            {
                return actor;
            }
        }
        return knownBy.Count == 1 ? knownBy[0] : null;
    }

    /// <summary>A generic role phrase ("the Ukrainian leader", "Moscow's top negotiator") ending at <paramref name="end"/>, if any.</summary>
    public static Match? RolePhraseEndingAt(string text, int end, int limit)
    {
        var from = Math.Max(limit, end - 90);
        var m = RolePhrase().Match(text[from..end]);
        return m.Success && from + m.Index + m.Length == end ? m : null;
    }

    public static Match? RolePhraseStartingAt(string text, int start, int end)
    {
        var m = RolePhraseAtStart().Match(text[start..Math.Min(end, start + 90)]);
        return m.Success ? m : null;
    }

    internal sealed record RoleQuery(string Class, string? Country)
    {
        public static RoleQuery? Parse(string phrase)
        {
            var p = Normalize(phrase).ToLowerInvariant();
            var cls = RoleClass(p);
            if (cls is null)
            {
                return null;
            }
            string? country = null;
            foreach (var word in Words().Matches(p).Select(m => m.Value.TrimEnd('.')))
            {
                var key = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
                if (Demonyms.TryGetValue(key, out var c))
                {
                    country = c;
                    break;
                }
            }
            return new RoleQuery(cls, country);
        }
    }

    /// <summary>The kind of office a phrase names: leader, foreign minister, spokesperson, aide, negotiator…</summary>
    public static string? RoleClass(string p) =>
        p.Contains("foreign minister", StringComparison.Ordinal) || p.Contains("top diplomat", StringComparison.Ordinal) || p.Contains("minister of foreign", StringComparison.Ordinal) ? "foreign-minister"
        : p.Contains("secretary of state", StringComparison.Ordinal) ? "secretary-of-state"
        : p.Contains("spokes", StringComparison.Ordinal) || p.Contains("press secretary", StringComparison.Ordinal) ? "spokesperson"
        : p.Contains("negotiator", StringComparison.Ordinal) || p.Contains("delegation", StringComparison.Ordinal) ? "negotiator"
        : p.Contains("envoy", StringComparison.Ordinal) || p.Contains("special representative", StringComparison.Ordinal) ? "envoy"
        : Regex.IsMatch(p, @"\b(?:aide|adviser|advisor|assistant|official)\b") ? "aide"
        : Regex.IsMatch(p, @"\bpresident\b") && !Regex.IsMatch(p, @"\b(?:to|of) the (?:\w+ )?president\b") ? "president"
        : Regex.IsMatch(p, @"\b(?:leader|head of state|head of government|dictator|prime minister|premier|chancellor)\b") ? "leader"
        : Regex.IsMatch(p, @"\bminister\b") ? "minister"
        : null;

    private sealed class ActorProfile
    {
        private readonly List<string> _heads = [];
        private readonly HashSet<string> _countries = [];

        public ActorProfile(KnownActor actor)
        {
            foreach (var segment in (actor.Role ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _heads.Add(Head(segment));
                AddCountries(segment);
            }
            foreach (var name in actor.Names.Where(n => !n.Contains(actor.Name, StringComparison.Ordinal)))
            {
                _heads.Add(Head(name));
            }
            if (actor.Side is { Length: > 0 } side)
            {
                AddCountries(side);
            }
        }

        private void AddCountries(string text)
        {
            foreach (var word in Words().Matches(Normalize(text).ToLowerInvariant()).Select(m => m.Value.TrimEnd('.')))
            {
                var key = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
                if (Demonyms.TryGetValue(key, out var c))
                {
                    _countries.Add(c);
                }
            }
            var lower = text.ToLowerInvariant();
            foreach (var (phrase, country) in MultiWordCountries)
            {
                if (lower.Contains(phrase, StringComparison.Ordinal))
                {
                    _countries.Add(country);
                }
            }
        }

        /// <summary>"President of Ukraine" → "president"; "Foreign-policy aide to the Russian President" → "foreign-policy aide".</summary>
        private static string Head(string role)
        {
            var r = Normalize(role).ToLowerInvariant();
            var cut = r.IndexOf('(', StringComparison.Ordinal);
            r = cut >= 0 ? r[..cut] : r;
            var head = HeadWithOf().Match(r);
            if (head.Success)
            {
                return head.Value;
            }
            var to = Regex.Match(r, @"\s(?:of|to|for|at|in)\s");
            return to.Success ? r[..to.Index] : r;
        }

        public bool Fits(RoleQuery query, IEnumerable<string> titles)
        {
            var heads = _heads.Concat(titles.Select(Head)).ToList();
            var classFits = heads.Any(h => RoleClass(h) is { } c && (c == query.Class || (query.Class == "leader" && c == "president")
                || (query.Class == "minister" && c == "foreign-minister") || (query.Class == "aide" && c is "spokesperson" or "envoy")));
            if (!classFits)
            {
                return false;
            }
            var countries = new HashSet<string>(_countries);
            foreach (var t in titles)
            {
                foreach (var word in Words().Matches(Normalize(t).ToLowerInvariant()).Select(m => m.Value.TrimEnd('.')))
                {
                    var key = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
                    if (Demonyms.TryGetValue(key, out var c))
                    {
                        countries.Add(c);
                    }
                }
            }
            return query.Country is null || countries.Count == 0 || countries.Contains(query.Country);
        }
    }

    // ---- Spelling ---------------------------------------------------------------------------------------------------

    /// <summary>Same length as the text: curly apostrophes and quote marks made straight, so names match whatever marks the outlet used.</summary>
    public static string Normalize(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                '’' or '‘' or 'ʼ' or '`' => '\'',
                '“' or '”' or '„' => '"',
                '\u00A0' => ' ',
                _ => chars[i],
            };
        }
        return new string(chars);
    }

    /// <summary>A name word reduced to its sound: Zelensky, Zelenskyy, Zelenskiy and Зеленський all give "zelenski".</summary>
    public static string Skeleton(string word)
    {
        var latin = new StringBuilder();
        foreach (var c in word.ToLowerInvariant())
        {
            latin.Append(Cyrillic.TryGetValue(c, out var t) ? t : c.ToString());
        }
        var s = latin.ToString().Replace("x", "ks", StringComparison.Ordinal).Replace("w", "v", StringComparison.Ordinal)
            .Replace("kh", "h", StringComparison.Ordinal).Replace("ph", "f", StringComparison.Ordinal).Replace('y', 'i').Replace('j', 'i');
        var result = new StringBuilder();
        foreach (var c in s.Where(char.IsLetter))
        {
            if (result.Length == 0 || result[^1] != c)
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "h", ['ґ'] = "g", ['д'] = "d", ['е'] = "e", ['є'] = "ye", ['ё'] = "yo", ['ж'] = "zh",
        ['з'] = "z", ['и'] = "y", ['і'] = "i", ['ї'] = "yi", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o",
        ['п'] = "p", ['р'] = "r", ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ь'] = "", ['ъ'] = "", ['ы'] = "y", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
    };

    /// <summary>Nationality words, country names and capitals, each to one country.</summary>
    public static readonly Dictionary<string, string> Demonyms = Build(
        ("ukraine", "ukrainian|ukraine|kyiv|kiev"), ("russia", "russian|russia|moscow|kremlin"),
        ("united states", "us|u.s|american|america|washington|usa|u.s.a"), ("belarus", "belarusian|belarussian|belarus|minsk"),
        ("france", "french|france|paris|élysée|elysee"), ("germany", "german|germany|berlin"), ("united kingdom", "british|uk|u.k|britain|london"),
        ("turkey", "turkish|turkey|türkiye|ankara"), ("china", "chinese|china|beijing"), ("european union", "eu|european|brussels"),
        ("switzerland", "swiss|switzerland|bern"), ("united arab emirates", "emirati|uae"), ("qatar", "qatari|qatar|doha"),
        ("saudi arabia", "saudi|riyadh"), ("poland", "polish|poland|warsaw"), ("hungary", "hungarian|hungary|budapest"),
        ("italy", "italian|italy|rome"), ("nato", "nato"), ("finland", "finnish|finland|helsinki"), ("israel", "israeli|israel"),
        ("india", "indian|india"), ("japan", "japanese|japan"), ("iran", "iranian|iran|tehran"), ("slovakia", "slovak|slovakia"),
        ("estonia", "estonian|estonia|tallinn"), ("latvia", "latvian|latvia|riga"), ("lithuania", "lithuanian|lithuania|vilnius"),
        ("sweden", "swedish|sweden|stockholm"), ("norway", "norwegian|norway|oslo"), ("denmark", "danish|denmark|copenhagen"),
        ("netherlands", "dutch|netherlands"), ("spain", "spanish|spain|madrid"), ("czech republic", "czech|prague"), ("romania", "romanian|romania"),
        ("moldova", "moldovan|moldova"), ("georgia", "georgian|tbilisi"), ("canada", "canadian|canada|ottawa"), ("austria", "austrian|austria|vienna"),
        ("greece", "greek|greece|athens"), ("ireland", "irish|ireland|dublin"), ("kazakhstan", "kazakh|kazakhstan"), ("serbia", "serbian|serbia|belgrade"),
        ("egypt", "egyptian|egypt|cairo"), ("brazil", "brazilian|brazil"), ("south africa", "south african"), ("vatican", "vatican|holy see"));

    private static readonly (string Phrase, string Country)[] MultiWordCountries =
        [("united states", "united states"), ("white house", "united states"), ("united kingdom", "united kingdom"), ("united arab emirates", "united arab emirates"),
         ("abu dhabi", "united arab emirates"), ("european union", "european union"), ("saudi arabia", "saudi arabia")];

    private static Dictionary<string, string> Build(params (string Country, string Words)[] entries)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (country, words) in entries)
        {
            foreach (var w in words.Split('|'))
            {
                map[w] = country;
            }
        }
        return map;
    }

    [GeneratedRegex(@"[\p{L}][\p{L}.']*")]
    private static partial Regex Words();

    [GeneratedRegex(@"^(?:head|chief|minister|secretary|chairman|chair|director|spokesperson|spokesman|spokeswoman|speaker)\s+of\s+(?:the\s+)?[^,;]+")]
    private static partial Regex HeadWithOf();

    [GeneratedRegex(@"\b\p{Lu}[\p{Ll}'\-]+\p{Ll}\b")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"\p{Lu}\p{Ll}+\s$")]
    private static partial Regex PreviousCapitalised();

    private const string RoleNouns =
        @"(?:president|leader|head\s+of\s+state|head\s+of\s+government|premier|prime\s+minister|chancellor|foreign\s+minister|minister|spokesman|spokeswoman|spokesperson|press\s+secretary|aide|adviser|advisor|official|envoy|negotiator|diplomat|secretary\s+of\s+state|dictator|head\s+of\s+the\s+(?:[\w.'’-]+\s+){0,3}delegation|chief\s+of\s+staff)";

    private const string RoleQualifiers =
        @"(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+)?(?:(?:[A-Z][\w.]*(?:['’]s)?|Kremlin['’]s|top|chief|senior|deputy|former|foreign|defen[cs]e|policy|national|security|presidential|special|lead|main)\s+){0,4}";

    // "the Ukrainian leader", "Moscow’s top negotiator", "The French leader", "Russian foreign minister", "the head of the Russian delegation",
    // "a senior aide to the Russian president" (the aide, not the president).
    [GeneratedRegex(@"(?<![\w'’])" + RoleQualifiers + @"(?:" + AideOf + "|" + RoleNouns + @")$")]
    private static partial Regex RolePhrase();

    private const string AideOf =
        @"(?:aide|adviser|advisor|assistant|spokesman|spokeswoman|spokesperson|press\s+secretary)\s+(?:to|of|for)\s+(?:the\s+)?(?:[\w.'’-]+\s+){0,2}(?:president|leader|prime\s+minister|chancellor|Kremlin|government)";

    [GeneratedRegex(@"^" + RoleQualifiers + RoleNouns + @"\b")]
    private static partial Regex RolePhraseAtStart();
}
