using System.Text;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Filtering;

/// <summary>One thing to look for: a word, a "quoted phrase", or a prefix (a word typed with a trailing *).</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix);

/// <summary>
/// What a reader typed into a search box, as full-text search terms, case and accents aside in every script ("ми"
/// finds "Ми", "sefcovic" finds "Šefčovič"). Each word is cut to its stem (<see cref="WordStems"/>: "Стамбуле" →
/// "стамбул") and matched as a prefix, so it finds the other forms of the word; a word too short to stem is matched
/// whole unless it is the last one, which is always a prefix (the word being typed: "peskov dmit"). "Quoted words"
/// must stand together in that order, exactly as typed; a word ending in * is a prefix as typed. All terms must match.
/// Operators and punctuation are taken as text, never as query syntax.
/// </summary>
public sealed record SearchText(IReadOnlyList<SearchTerm> Terms)
{
    public const int MaxTerms = 20;

    /// <summary>A stem this long or longer is matched as a prefix even when nothing was cut ("talk" finds "talks").</summary>
    public const int MinPrefix = 4;

    /// <summary>The terms, or null when the text has nothing to search for (only spaces or punctuation).</summary>
    public static SearchText? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var terms = new List<SearchTerm>();
        var i = 0;
        while (i < text.Length && terms.Count < MaxTerms)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            if (text[i] == '"')
            {
                // A phrase runs to the closing quote, or to the end when there is none.
                var end = text.IndexOf('"', i + 1);
                var phrase = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
                i = end < 0 ? text.Length : end + 1;
                if (HasWord(phrase))
                {
                    terms.Add(new SearchTerm(phrase.Trim(), IsPhrase: true, IsPrefix: false));
                }
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"')
            {
                i++;
            }
            var word = text[start..i];
            var prefix = word.EndsWith('*');
            word = word.TrimEnd('*');
            if (HasWord(word))
            {
                terms.Add(prefix ? new SearchTerm(word, IsPhrase: false, IsPrefix: true) : Stemmed(word));
            }
        }
        if (terms.Count == 0)
        {
            return null;
        }
        if (terms[^1] is { IsPhrase: false } last)
        {
            terms[^1] = last with { IsPrefix = true };
        }
        return new SearchText(terms);
    }

    /// <summary>
    /// A typed word as its stem, matched as a prefix when an ending was cut or the stem is long enough to mean
    /// something on its own; a word that is several words to the index ("peskov-dmitry") is kept as typed.
    /// </summary>
    private static SearchTerm Stemmed(string word)
    {
        if (QueryWords(word) is not [var single])
        {
            return new SearchTerm(word, IsPhrase: false, IsPrefix: false);
        }
        var stem = WordStems.Stem(single);
        return new SearchTerm(stem, IsPhrase: false, IsPrefix: stem.Length < single.Length || stem.Length >= MinPrefix);
    }

    private static bool HasWord(string text) => text.Any(char.IsLetterOrDigit);

    /// <summary>
    /// The same matching done in .NET, for the short lists that have no full-text index (sources, issues): every term
    /// must be one of the text's words (or begin one, for a prefix; stand in order, for a phrase), case and accents aside.
    /// </summary>
    public bool MatchesLoosely(string text)
    {
        var words = Words(text);
        return Terms.All(term =>
        {
            var wanted = Words(term.Text);
            for (var i = 0; i + wanted.Count <= words.Count; i++)
            {
                var all = true;
                for (var j = 0; j < wanted.Count && all; j++)
                {
                    var last = j == wanted.Count - 1;
                    all = last && term.IsPrefix ? words[i + j].StartsWith(wanted[j], StringComparison.Ordinal) : words[i + j] == wanted[j];
                }
                if (all)
                {
                    return true;
                }
            }
            return false;
        });
    }

    /// <summary>Lower-case words without accents, split at anything that is not a letter or digit.</summary>
    public static List<string> Words(string text) => Split(text.Normalize(NormalizationForm.FormD), keepMarks: false);

    /// <summary>The terms as an SQLite FTS5 query: each one quoted (so nothing typed is syntax), all required.</summary>
    public string ToFts5()
    {
        var sb = new StringBuilder();
        foreach (var term in Terms)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append('"').Append(term.Text.Replace("\"", "\"\"")).Append('"');
            if (term.IsPrefix)
            {
                sb.Append('*');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// The terms as a PostgreSQL tsquery: each term's words quoted (only letters, digits and their marks, so a quote
    /// or an operator typed is never syntax); a phrase's words follow each other (&lt;-&gt;); a prefix ends in :*; all
    /// terms required (&amp;). Accents and case are left for the database to fold, with the same unaccent() and
    /// 'simple' configuration its index used, so both sides fold alike (unaccent keeps Cyrillic й, for one).
    /// </summary>
    public string ToTsQuery() => string.Join(" & ", Terms.Select(term =>
    {
        var words = QueryWords(term.Text);
        var last = words.Count - 1;
        var parts = words.Select((w, i) => $"'{w}'{(term.IsPrefix && i == last ? ":*" : "")}");
        return words.Count == 1 ? parts.Single() : "(" + string.Join(" <-> ", parts) + ")";
    }));

    /// <summary>Words as typed (composed, lower case, marks kept), split at anything that is not a letter, digit or mark.</summary>
    private static List<string> QueryWords(string text) => Split(text.Normalize(NormalizationForm.FormC), keepMarks: true);

    /// <summary>
    /// Lower-case words split at anything that is not a letter or digit. Marks are dropped for SQLite's index (whose
    /// tokenizer removes diacritics) and kept for PostgreSQL's, where unaccent() removes them on both sides.
    /// </summary>
    private static List<string> Split(string text, bool keepMarks)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            var category = System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c);
            var mark = category is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark;
            if (mark && !keepMarks && category == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c) || (mark && keepMarks))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }
        return words;
    }

    /// <summary>Ids of the statements whose words, original wording, speaker's names or source title match.</summary>
    public IQueryable<int> StatementIds(PeaceTalksDbContext db) => Ids(db, "StatementSearch");

    /// <summary>Ids of the meetings whose title, place or outcome match.</summary>
    public IQueryable<int> MeetingIds(PeaceTalksDbContext db) => Ids(db, "MeetingSearch");

    /// <summary>Ids of the actors whose name, other spellings or role match.</summary>
    public IQueryable<int> ActorIds(PeaceTalksDbContext db) => Ids(db, "ActorSearch");

    /// <summary>The best matches first (SQLite: bm25; PostgreSQL: ts_rank, which like bm25 favours the shorter of two documents with the same hits), for the global search.</summary>
    public IQueryable<int> RankedStatementIds(PeaceTalksDbContext db, int take) => Ranked(db, "StatementSearch", take);

    public IQueryable<int> RankedMeetingIds(PeaceTalksDbContext db, int take) => Ranked(db, "MeetingSearch", take);

    public IQueryable<int> RankedActorIds(PeaceTalksDbContext db, int take) => Ranked(db, "ActorSearch", take);

    // The table names are the code's own constants, never input; the query text is a parameter ({0}), which EF Core
    // names afresh wherever the ids are composed into a bigger query.
    private IQueryable<int> Ids(PeaceTalksDbContext db, string table) => db.Database.SqlQuery<int>(db.Dialect.SearchIds(table, QueryFor(db)));

    private IQueryable<int> Ranked(PeaceTalksDbContext db, string table, int take) =>
        db.Database.SqlQuery<int>(db.Dialect.RankedSearchIds(table, QueryFor(db), take));

    private string QueryFor(PeaceTalksDbContext db) => db.Dialect == SqlDialect.Postgres ? ToTsQuery() : ToFts5();
}
