using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Verification;

/// <summary>One statement awaiting a check, as the review queue shows it.</summary>
public sealed record ReviewItem(
    int Id,
    string Key,
    long Version,
    ActorRef Actor,
    string Text,
    TextKind Kind,
    DateOnly Date,
    DatePrecision DatePrecision,
    DateBasis DateBasis,
    SourceRef Source,
    int SourceId,
    VerificationState State,
    string? CheckedBy,
    DateTime? CheckedAt,
    DisputeReason? DisputeReason,
    string? DisputeNote,
    string? ChangedById,
    DateTime? ChangedAt)
{
    /// <summary>How the words stand against the stored report (a paraphrase is not looked for).</summary>
    public VerbatimResult Verbatim { get; init; } = VerbatimResult.NoSourceText;

    /// <summary>The stored report around the quote, the quote picked out; null when it is not found or none is stored.</summary>
    public IReadOnlyList<TextSegment>? Report { get; init; }

    /// <summary>The start of the stored report when the words are not picked out of it (a paraphrase, or a quote not found).</summary>
    public string? ReportStart { get; init; }

    /// <summary>True when a checker can verify it without reading on: a quote found word for word in the stored report.</summary>
    public bool Mechanical => Kind == TextKind.Quote && Verbatim == VerbatimResult.Found;
}

/// <summary>An item's check as its page shows it.</summary>
public sealed record CheckInfo(VerificationState State, string? CheckedBy, DateTime? CheckedAt, DisputeReason? DisputeReason, string? DisputeNote);

/// <summary>A page of the queue: its items (oldest change first) and how many wait in all.</summary>
public sealed record ReviewQueue(IReadOnlyList<ReviewItem> Items, int Total, int Disputed, int Unverified);

/// <summary>A stored quote that is not in its stored report.</summary>
public sealed record VerbatimFailure(string Kind, string Key, string Url, string Speaker, string Text, string SourceKey, string SourceTitle);

/// <summary>The verbatim report: every stored quote whose report is stored, checked; the ones that fail listed.</summary>
public sealed record VerbatimReport(int Checked, int Found, int WithoutSourceText, IReadOnlyList<VerbatimFailure> Failures);

/// <summary>
/// The review queue and the verbatim report: reads for editors (IDbContextFactory, AsNoTracking, Select). The queue
/// takes the timeline's filters (the same rules: <see cref="TimelineQueries.FilterStatements"/>).
/// </summary>
public sealed class ReviewQueries(IDbContextFactory<PeaceTalksDbContext> dbFactory)
{
    public const int PageSize = 25;

    /// <summary>How much of the stored report shows either side of the quote.</summary>
    public const int Context = 320;

    /// <summary>Statements in <paramref name="state"/> (unverified or disputed), oldest change first, each with its report checked.</summary>
    public async Task<ReviewQueue> StatementsAsync(ResolvedFilter filter, VerificationState state, int take = PageSize,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var live = TimelineQueries.FilterStatements(db, db.Statements.AsNoTracking(), filter);
        var waiting = live.Where(s => s.Verification == state);
        var items = await waiting
            // The oldest change first (rows older than checks were given the time of the migration that brought them in).
            .OrderBy(s => s.ChangedAt).ThenBy(s => s.Id)
            .Take(Math.Clamp(take, 1, 500))
            .Select(s => new ReviewItem(s.Id, s.Key, s.Version, new ActorRef(s.Actor.Slug, s.Actor.Name), s.Text, s.Kind, s.Date, s.DatePrecision,
                s.DateBasis, new SourceRef(s.Source.Key, s.Source.Title, s.Source.Outlet, s.Source.Url, s.Source.PublishedOn, s.Source.PublishedPrecision),
                s.SourceId, s.Verification, s.CheckedBy, s.CheckedAt, s.DisputeReason, s.DisputeNote, s.ChangedById, s.ChangedAt))
            .ToListAsync(cancellationToken);
        // Both counts in one pass: what waits and what is disputed.
        var counts = await live.Where(s => s.Verification != VerificationState.Verified).GroupBy(s => s.Verification)
            .Select(g => new { State = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var unverified = counts.FirstOrDefault(c => c.State == VerificationState.Unverified)?.Count ?? 0;
        var disputed = counts.FirstOrDefault(c => c.State == VerificationState.Disputed)?.Count ?? 0;
        int[] sourceIds = [.. items.Select(i => i.SourceId).Distinct()];
        var texts = await db.SourceTexts.AsNoTracking().Where(t => sourceIds.Contains(t.SourceId))
            .ToDictionaryAsync(t => t.SourceId, t => t.Text, cancellationToken);
        var checkedItems = items.Select(i =>
        {
            var text = texts.GetValueOrDefault(i.SourceId);
            var report = text is null ? null : Verbatim.Highlight(text, i.Text, Context);
            return i with
            {
                Verbatim = text is null ? VerbatimResult.NoSourceText : report is null ? VerbatimResult.NotFound : VerbatimResult.Found,
                Report = report,
                ReportStart = text is null || report is not null ? null : text.Length <= 2 * Context ? text : text[..(2 * Context)] + " …",
            };
        }).ToList();
        return new ReviewQueue(checkedItems, state == VerificationState.Disputed ? disputed : unverified, disputed, unverified);
    }

    /// <summary>
    /// Every live quote (statements and plan points) whose report's text is stored, looked for in it; the ones not
    /// found, by key. Each report is folded once.
    /// </summary>
    public async Task<VerbatimReport> VerbatimAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.SourceTexts.AsNoTracking().ToDictionaryAsync(t => t.SourceId, t => t.Text, cancellationToken);
        var texts = new Dictionary<int, Verbatim.FoldedText>();
        var failures = new List<VerbatimFailure>();
        var (checkedCount, found, without) = (0, 0, 0);
        var statements = db.Statements.AsNoTracking().Where(s => s.Kind == TextKind.Quote).OrderBy(s => s.Key)
            .Select(s => new { s.Key, Speaker = s.Actor.Name, s.Text, s.SourceId, SourceKey = s.Source.Key, SourceTitle = s.Source.Title });
        await foreach (var s in statements.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Count(s.SourceId, s.Text, () => new VerbatimFailure("statement", s.Key, $"/statements/{Uri.EscapeDataString(s.Key)}",
                s.Speaker, s.Text, s.SourceKey, s.SourceTitle));
        }
        var points = db.PlanPoints.AsNoTracking().Where(p => p.Kind == TextKind.Quote).OrderBy(p => p.Key)
            .Select(p => new { p.Key, Plan = p.PlanVersion.Plan.Title, PlanSlug = p.PlanVersion.Plan.Slug, p.Number, p.Text, p.PlanVersion.SourceId,
                SourceKey = p.PlanVersion.Source.Key, SourceTitle = p.PlanVersion.Source.Title });
        await foreach (var p in points.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            Count(p.SourceId, p.Text, () => new VerbatimFailure("plan point", p.Key, $"/plans/{Uri.EscapeDataString(p.PlanSlug)}",
                $"{p.Plan}, point {p.Number}", p.Text, p.SourceKey, p.SourceTitle));
        }
        return new VerbatimReport(checkedCount, found, without, failures);

        void Count(int sourceId, string quote, Func<VerbatimFailure> failure)
        {
            if (!stored.TryGetValue(sourceId, out var text))
            {
                without++;
                return;
            }
            if (!texts.TryGetValue(sourceId, out var folded))
            {
                texts[sourceId] = folded = new Verbatim.FoldedText(text);
            }
            checkedCount++;
            if (folded.Contains(quote))
            {
                found++;
            }
            else
            {
                failures.Add(failure());
            }
        }
    }

    /// <summary>A statement's check (retracted ones included), or null when there is no such statement.</summary>
    public async Task<CheckInfo?> StatementCheckAsync(string key, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Statements.AsNoTracking().IgnoreQueryFilters([PeaceTalksDbContext.Live]).Where(s => s.Key == key)
            .Select(s => new CheckInfo(s.Verification, s.CheckedBy, s.CheckedAt, s.DisputeReason, s.DisputeNote))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// The verbatim warning for a quote about to be saved: null when it is a paraphrase, its source's report is not
    /// stored, or the words are in it.
    /// </summary>
    public async Task<string?> QuoteWarningAsync(string? kind, string? text, string? sourceKey, CancellationToken cancellationToken = default)
    {
        if (kind != KebabCase<TextKind>.ToWord(TextKind.Quote) || string.IsNullOrWhiteSpace(text) || string.IsNullOrWhiteSpace(sourceKey))
        {
            return null;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.SourceTexts.AsNoTracking().Where(t => t.Source!.Key == sourceKey).Select(t => t.Text).FirstOrDefaultAsync(cancellationToken);
        return Verbatim.Check(report, text) == VerbatimResult.NotFound ? $"The quote is {Verbatim.NotFoundWarning}" : null;
    }
}
