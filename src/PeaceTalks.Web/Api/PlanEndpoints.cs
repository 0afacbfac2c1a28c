using System.ServiceModel.Syndication;
using System.Text;
using System.Text.Json.Serialization;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Api;

public sealed record ApiVersion(string Key, string Label, ApiDate Date, string Status, int? PointCount, ApiSourceRef Source);

public sealed record ApiPointCounts(int Agreed, int Contested, int OneSide, int NoPosition);

public sealed record ApiPlanSummary(string Slug, string Title, string Page, ApiActorName? ProposedBy, ApiVersion? Latest, int Versions, ApiPointCounts Counts);

public sealed record ApiActorName(string Slug, string Name);

public sealed record ApiPointStance(string Actor, string ActorName, string Side, string Stance, ApiDate AsOf);

public sealed record ApiPoint(string Key, string Number, string Kind, string Text, string Change, IReadOnlyList<string> Issues,
    IReadOnlyList<string> Continues, string State, string? DroppedIn, IReadOnlyList<ApiPointStance> Stances);

public sealed record ApiPlan(string Slug, string Title, string Page, string Summary, ApiActorName? ProposedBy, IReadOnlyList<string> Issues,
    IReadOnlyList<ApiVersion> Versions, ApiVersion? Shown, string? AsOf, ApiPointCounts Counts, IReadOnlyList<ApiPoint> Points);

public sealed record ApiWords(string Change, string Text);

public sealed record ApiComparedPoint(string Change, bool Renumbered, IReadOnlyList<ApiPoint> Before, ApiPoint? After, IReadOnlyList<ApiWords> Words);

public sealed record ApiPointMove(string Actor, string ActorName, string Point, string? From, string? To);

public sealed record ApiPlanComparison(string Plan, ApiVersion From, ApiVersion To, IReadOnlyList<ApiComparedPoint> Points, IReadOnlyList<ApiPointMove> Moves);

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ApiPlanSummary>))]
[JsonSerializable(typeof(ApiPlan))]
[JsonSerializable(typeof(ApiPlanComparison))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;

/// <summary>
/// Peace plans in the API (/api/v1/plans…, the same words as the CSV formats) and as an Atom feed per plan: its new
/// versions and the stances taken on its points, newest recorded first.
/// </summary>
public static class PlanEndpoints
{
    private const string VersionName = "version";
    private const string FromName = "from";
    private const string ToName = "to";

    public static void MapPlanApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans", ListAsync).WithName("ListPlans")
            .WithSummary("Every plan, its latest version and where that version's points stand today (agreed, contested, one side only, no stated position).")
            .Produces<IReadOnlyList<ApiPlanSummary>>();
        api.MapGet("/plans/{slug}", PlanAsync).WithName("GetPlan")
            .WithSummary("One plan: its versions, and the points of the latest (or ?version=) with each actor's stance as of ?asof= (default today).")
            .Produces<ApiPlan>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/plans/{slug}/compare", CompareAsync).WithName("ComparePlanVersions")
            .WithSummary("Two versions side by side (?from=&to=, version keys): added, dropped, reworded (word by word), merged, split, renumbered, and who moved.")
            .Produces<ApiPlanComparison>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static RouteHandlerBuilder MapPlanFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/plans/{slug}.atom", FeedAsync).RequireRateLimiting(ApiEndpoints.RateLimit).RequireCors(ApiEndpoints.CorsPolicy)
            .WithName("PlanFeed").WithTags("PeaceTalks").WithSummary("A plan's new versions and the stances taken on its points, as Atom 1.0.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> ListAsync(HttpContext context, PlanQueries plans)
    {
        if (Unknown(context, []) is { } problem)
        {
            return problem;
        }
        if (await RecordETag.NotModifiedAsync(context))
        {
            return Results.Empty;
        }
        var baseUrl = ApiEndpoints.BaseUrl(context);
        var list = await plans.ListAsync(null, context.RequestAborted);
        return Results.Json<IReadOnlyList<ApiPlanSummary>>([.. list.Select(p => new ApiPlanSummary(p.Slug, p.Title, $"{baseUrl}/plans/{Uri.EscapeDataString(p.Slug)}",
            p.ProposedBy is { } a ? new ApiActorName(a.Slug, a.Name) : null, p.Latest is { } v ? Version(v) : null, p.Versions, Counts(p.Counts)))],
            PlanJsonContext.Default.IReadOnlyListApiPlanSummary);
    }

    private static async Task<IResult> PlanAsync(string slug, HttpContext context, PlanQueries plans)
    {
        if (Unknown(context, [VersionName, FilterNames.AsOf]) is { } problem)
        {
            return problem;
        }
        var asOf = context.Request.Query[FilterNames.AsOf].ToString();
        var day = asOf.Length == 0 ? null : DashboardFilter.ParseIso(asOf);
        if (asOf.Length > 0 && day is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [FilterNames.AsOf] = [$"'{DashboardFilter.Shorten(asOf)}' is not a date (expected YYYY-MM-DD)."] });
        }
        if (await RecordETag.NotModifiedAsync(context))
        {
            return Results.Empty;
        }
        var version = context.Request.Query[VersionName].ToString();
        var plan = await plans.GetAsync(slug, version.Length == 0 ? null : version, day, context.RequestAborted);
        if (plan is null)
        {
            return NotFound(slug);
        }
        if (version.Length > 0 && plan.Shown is null)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { [VersionName] = [$"Plan '{slug}' has no version '{DashboardFilter.Shorten(version)}'."] });
        }
        return Results.Json(new ApiPlan(plan.Slug, plan.Title, $"{ApiEndpoints.BaseUrl(context)}/plans/{Uri.EscapeDataString(plan.Slug)}", plan.Summary,
            plan.ProposedBy is { } a ? new ApiActorName(a.Slug, a.Name) : null, [.. plan.Issues.Select(i => i.Slug)], [.. plan.Versions.Select(Version)],
            plan.Shown is { } shown ? Version(shown) : null, plan.AsOf is { } d ? Cells.Date(d) : null, Counts(plan.Counts), [.. plan.Points.Select(Point)]),
            PlanJsonContext.Default.ApiPlan);
    }

    private static async Task<IResult> CompareAsync(string slug, HttpContext context, PlanQueries plans)
    {
        if (Unknown(context, [FromName, ToName]) is { } problem)
        {
            return problem;
        }
        var from = context.Request.Query[FromName].ToString();
        var to = context.Request.Query[ToName].ToString();
        var missing = new Dictionary<string, string[]>();
        foreach (var (name, value) in new[] { (FromName, from), (ToName, to) }.Where(p => p.Item2.Length == 0))
        {
            missing[name] = ["Required: the key of a version of this plan (see /api/v1/plans/{slug})."];
        }
        if (missing.Count > 0)
        {
            return Results.ValidationProblem(missing);
        }
        if (await RecordETag.NotModifiedAsync(context))
        {
            return Results.Empty;
        }
        var comparison = await plans.CompareAsync(slug, from, to, context.RequestAborted);
        if (comparison is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such plan or version.",
                detail: $"No plan '{DashboardFilter.Shorten(slug)}' with versions '{DashboardFilter.Shorten(from)}' and '{DashboardFilter.Shorten(to)}'.");
        }
        return Results.Json(new ApiPlanComparison(comparison.Slug, Version(comparison.From), Version(comparison.To),
            [.. comparison.Points.Select(p => new ApiComparedPoint(Word(p.Comparison), p.Renumbered, [.. p.Before.Select(Point)],
                p.After is { } after ? Point(after) : null, [.. p.Words.Select(w => new ApiWords(Cells.Word(w.Change), w.Text))]))],
            [.. comparison.Moves.Select(m => new ApiPointMove(m.Actor.Slug, m.Actor.Name, m.Number, m.From is { } f ? Cells.Word(f) : null,
                m.To is { } t ? Cells.Word(t) : null))]), PlanJsonContext.Default.ApiPlanComparison);
    }

    /// <summary>The plan's versions and its points' stances, newest recorded first (the history says when each was recorded).</summary>
    private static async Task<IResult> FeedAsync(string slug, HttpContext context, IDbContextFactory<PeaceTalksDbContext> dbFactory)
    {
        const int Entries = 50;
        var ct = context.RequestAborted;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.Plans.AsNoTracking().Where(p => p.Slug == slug).Select(p => new { p.Title, p.Slug }).FirstOrDefaultAsync(ct);
        if (plan is null)
        {
            return NotFound(slug);
        }
        var baseUrl = ApiEndpoints.BaseUrl(context);
        var page = $"{baseUrl}/plans/{Uri.EscapeDataString(plan.Slug)}";
        var versions = await db.PlanVersions.AsNoTracking().Where(v => v.Plan.Slug == slug)
            .Select(v => new { v.Id, v.Key, v.Label, v.Date, v.DatePrecision, v.DateBasis, v.Status, v.Source.Title }).ToListAsync(ct);
        var stances = await db.PointPositions.AsNoTracking().Where(p => p.PlanPoint.PlanVersion.Plan.Slug == slug)
            .Select(p => new { p.Id, Actor = p.Actor.Name, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary, p.PlanPoint.Number, Version = p.PlanPoint.PlanVersion.Label })
            .ToListAsync(ct);
        var versionIds = versions.Select(v => v.Id).ToArray();
        var stanceIds = stances.Select(s => s.Id).ToArray();
        var versionNoun = RecordTypes.PlanVersions.Noun;
        var stanceNoun = RecordTypes.PointPositions.Noun;
        var recorded = (await db.AuditEntries.AsNoTracking()
                .Where(e => (e.EntityType == versionNoun && EF.Parameter(versionIds).Contains(e.EntityId))
                    || (e.EntityType == stanceNoun && EF.Parameter(stanceIds).Contains(e.EntityId)))
                .GroupBy(e => new { e.EntityType, e.EntityId }).Select(g => new { g.Key.EntityType, g.Key.EntityId, At = g.Max(e => e.At) })
                .ToListAsync(ct))
            .ToDictionary(e => (e.EntityType, e.EntityId), e => new DateTimeOffset(DateTime.SpecifyKind(e.At, DateTimeKind.Utc)));
        DateTimeOffset At(string noun, int id, DateOnly fallback) =>
            recorded.TryGetValue((noun, id), out var at) ? at : new DateTimeOffset(fallback.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        var items = versions.Select(v => (At(versionNoun, v.Id, v.Date), Item($"New version: {v.Label} ({DateText.Label(v.Status)})",
                $"{plan.Title}: the {v.Label}, {DateText.Long(v.Date, v.DatePrecision, v.DateBasis)}. Source: {v.Title}.",
                $"{page}?version={Uri.EscapeDataString(v.Key)}", $"{page}#version-{v.Key}", At(versionNoun, v.Id, v.Date), v.Date)))
            .Concat(stances.Select(s => (At(stanceNoun, s.Id, s.AsOf), Item($"{s.Actor}: {DateText.Label(s.Stance).ToLowerInvariant()} point {s.Number} of the {s.Version}",
                $"{s.Actor}, as of {DateText.Short(s.AsOf, s.AsOfPrecision)}: {s.Summary}", page, $"{page}#stance-{s.Id}", At(stanceNoun, s.Id, s.AsOf), s.AsOf))))
            .OrderByDescending(i => i.Item1).Take(Entries).Select(i => i.Item2).ToList();
        var feed = new SyndicationFeed($"PeaceTalks: {plan.Title}", "New versions of the plan and the stances taken on its points, newest recorded first.",
            new Uri(page), $"{baseUrl}/feeds/plans/{Uri.EscapeDataString(plan.Slug)}.atom",
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            Items = items,
            Generator = "PeaceTalks",
        };
        feed.Links.Add(new SyndicationLink(new Uri($"{baseUrl}/feeds/plans/{Uri.EscapeDataString(plan.Slug)}.atom"), "self", null, "application/atom+xml", 0));
        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
        }
        return Results.Bytes(output.ToArray(), "application/atom+xml; charset=utf-8");
    }

    // Stored text goes in as text content: the formatter escapes it.
    private static SyndicationItem Item(string title, string summary, string link, string id, DateTimeOffset recorded, DateOnly day) =>
        new(title, new TextSyndicationContent(summary, TextSyndicationContentKind.Plaintext), new Uri(link), id, recorded)
        {
            Summary = new TextSyndicationContent(summary, TextSyndicationContentKind.Plaintext),
            PublishDate = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        };

    private static IResult? Unknown(HttpContext context, IReadOnlyCollection<string> allowed)
    {
        var unknown = context.Request.Query.Keys.Where(k => !allowed.Contains(k)).ToList();
        return unknown.Count == 0 ? null
            : Results.ValidationProblem(unknown.ToDictionary(k => k, _ => new[] { $"Unknown parameter. This endpoint takes: {(allowed.Count == 0 ? "none" : string.Join(", ", allowed))}." }));
    }

    private static IResult NotFound(string slug) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such plan.",
        detail: $"No plan has the slug '{DashboardFilter.Shorten(slug)}'.");

    private static ApiVersion Version(PlanVersionRef v) => new(v.Key, v.Label,
        new ApiDate(Cells.Date(v.Date), Cells.Word(v.DatePrecision), Cells.Word(v.DateBasis)), Cells.Word(v.Status), v.PointCount,
        new ApiSourceRef(v.Source.Key, v.Source.Title, v.Source.Outlet, WebLinks.SafeUrl(v.Source.Url), v.Source.PublishedOn is { } d ? Cells.Date(d) : null));

    private static ApiPointCounts Counts(PointCounts c) => new(c.Agreed, c.Contested, c.OneSide, c.NoPosition);

    private static ApiPoint Point(PlanPointItem p) => new(p.Key, p.Number, Cells.Word(p.Kind), p.Text, Cells.Word(p.Change),
        [.. p.Issues.Select(i => i.Slug)], p.Continues, Cells.Word(p.State), p.DroppedIn,
        [.. p.Stances.Select(s => new ApiPointStance(s.Actor.Slug, s.Actor.Name, s.Side, Cells.Word(s.Stance),
            new ApiDate(Cells.Date(s.AsOf), Cells.Word(s.AsOfPrecision), Cells.Word(DateBasis.On))))]);

    private static string Word(PointComparison comparison) => Cells.Word(comparison);
}
