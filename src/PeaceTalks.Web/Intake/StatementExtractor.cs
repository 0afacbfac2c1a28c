using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Intake;

/// <summary>
/// The first pass over a news report: every direct quote (in any of the common quotation-mark styles) and every clear
/// reported-speech clause, each with its speaker, the day the words were said, the channel and, where the report ties it to
/// one, a recorded meeting. Plain rules, no network, no model files: an editor reviews every candidate before anything is
/// saved, and every guess says what it rests on.
/// </summary>
/// <remarks>
/// <para>The report is cut into paragraphs, quotations and sentences (<see cref="ReportText"/>). In each sentence the
/// reporting verbs outside quotation marks are found ("said", "told reporters", "according to", "described … as", the
/// participles "adding that", "telling reporters that"), each with its subject: a known actor by any of its names, a title
/// and name, a role phrase resolved to the actor the report named with that role, "he"/"she" back to the last person
/// speaking or named as a subject, an anonymous official of a known body, or a new person to propose. The reported clause
/// (after the verb, or before it in "…, X said") is a paraphrase; a quotation takes the speaker of the verb next to it or of
/// the clause it stands in.</para>
/// <para>The day comes from the words of the attribution itself ("said on Nov. 23", "Speaking in Geneva on November 27,"),
/// then from the occasion (a meeting the attribution refers to, the same speaker's dated words earlier, "that same day"),
/// then from a wire dateline; otherwise the words are dated "on or before" the report. Weekdays and "yesterday" are read
/// against the report's own date only; dates inside somebody's words never date them.</para>
/// </remarks>
public sealed partial class StatementExtractor
{
    private readonly ActorDirectory _directory;
    private readonly IssueSuggester _issues;
    private readonly MeetingLinker _meetings;

    public StatementExtractor(IReadOnlyList<KnownActor> actors, IReadOnlyList<KnownIssue> issues)
        : this(actors, issues, null)
    {
    }

    /// <param name="actors">Every actor the candidates may be given to, with all their names.</param>
    /// <param name="issues">The issues a candidate may be tagged with.</param>
    /// <param name="meetings">Recorded meetings a candidate may be linked to (by place and day); none when null.</param>
    public StatementExtractor(IReadOnlyList<KnownActor> actors, IReadOnlyList<KnownIssue> issues, IReadOnlyList<KnownMeeting>? meetings)
    {
        _directory = new ActorDirectory(actors);
        _issues = new IssueSuggester(issues);
        _meetings = new MeetingLinker(meetings ?? []);
    }

    /// <param name="text">The report as stored; candidates' offsets point into it.</param>
    /// <param name="publishedOn">The report's date, if known: weekdays and "yesterday" are resolved against it, and only it.</param>
    /// <param name="today">The day the report is read: only the year of a month and day in an undated report rests on it.</param>
    public IReadOnlyList<Candidate> Extract(string text, DateOnly? publishedOn, DateOnly today) =>
        text.Length == 0 ? [] : new Pass(this, text, publishedOn, today).Run();

    /// <summary>The first date a stretch of text names, resolved against the publication date (weekdays and "yesterday" only with one).</summary>
    public static DateGuess? DateCue(string text, DateOnly? publishedOn, DateOnly reference)
    {
        foreach (var t in DateTagger.Find(text, 0, text.Length))
        {
            if (t.Resolve(publishedOn, reference) is { } day)
            {
                return new DateGuess(day, t.Kind == TimeKind.Month ? DatePrecision.Month : DatePrecision.Day, DateBasis.On, $"“{t.Text.Trim()}”");
            }
        }
        return null;
    }
}
