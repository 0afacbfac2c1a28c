using System.Text;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Services;

/// <summary>One thing to look for: a word, a "quoted phrase", or a prefix (a word typed with a trailing *).</summary>
public sealed record SearchTerm(string Text, bool IsPhrase, bool IsPrefix);

/// <summary>
/// What a reader typed into a search box, as full-text search terms. Words are matched whole, case and accents aside
/// in every script ("ми" finds "Ми", "sefcovic" finds "Šefčovič"); "quoted words" must stand together in that order;
/// a word ending in * matches every word it begins. All terms must match. Operators and punctuation are taken as text,
/// never as query syntax.
/// </summary>
public sealed record SearchText(IReadOnlyList<SearchTerm> Terms)
{
    public const int MaxTerms = 20;

    /// <summary>The terms, or null when the text has nothing to search for (only spaces or punctuation).</summary>
    /// <param name="lastWordIsPrefix">Type-ahead boxes: the word being typed matches as a prefix.</param>
    public static SearchText? Parse(string? text, bool lastWordIsPrefix = false)
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
                terms.Add(new SearchTerm(word, IsPhrase: false, prefix));
            }
        }
        if (terms.Count == 0)
        {
            return null;
        }
        if (lastWordIsPrefix && terms[^1] is { IsPhrase: false } last)
        {
            terms[^1] = last with { IsPrefix = true };
        }
        return new SearchText(terms);
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
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
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

    /// <summary>Ids of the statements whose words, original wording, speaker's names or source title match.</summary>
    public IQueryable<int> StatementIds(PeaceTalksDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM StatementSearch WHERE StatementSearch MATCH {ToFts5()}");

    /// <summary>Ids of the meetings whose title, place or outcome match.</summary>
    public IQueryable<int> MeetingIds(PeaceTalksDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM MeetingSearch WHERE MeetingSearch MATCH {ToFts5()}");

    /// <summary>Ids of the actors whose name, other spellings or role match.</summary>
    public IQueryable<int> ActorIds(PeaceTalksDbContext db) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ActorSearch WHERE ActorSearch MATCH {ToFts5()}");

    /// <summary>The best matches first (bm25), for the global search.</summary>
    public IQueryable<int> RankedStatementIds(PeaceTalksDbContext db, int take) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM StatementSearch WHERE StatementSearch MATCH {ToFts5()} ORDER BY rank LIMIT {take}");

    public IQueryable<int> RankedMeetingIds(PeaceTalksDbContext db, int take) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM MeetingSearch WHERE MeetingSearch MATCH {ToFts5()} ORDER BY rank LIMIT {take}");

    public IQueryable<int> RankedActorIds(PeaceTalksDbContext db, int take) =>
        db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM ActorSearch WHERE ActorSearch MATCH {ToFts5()} ORDER BY rank LIMIT {take}");
}
