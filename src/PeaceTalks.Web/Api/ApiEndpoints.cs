using System.Text.Json;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Api;

/// <summary>
/// The read-only JSON API under /api/v1: statements with the timeline's filters and cursor paging, and every other
/// table with the rows and column names of its CSV export (the same natural keys and words), streamed.
/// </summary>
public static class ApiEndpoints
{
    public const string CorsPolicy = "api-read";
    public const string RateLimit = "api";

    private static readonly string[] StatementNames = [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.From, FilterNames.To, FilterNames.Text, FilterNames.Order, FilterNames.Retracted, FilterNames.Verified, ApiQuery.LimitName, ApiQuery.CursorName];

    public static RouteGroupBuilder MapPeaceTalksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireRateLimiting(RateLimit).RequireCors(CorsPolicy).WithTags("PeaceTalks");

        api.MapGet("/statements", StatementsAsync).WithName("ListStatements")
            .WithSummary("Statements, newest first (or order=oldest), filtered as on the timeline, a page at a time.")
            .Produces<ApiStatementPage>().ProducesValidationProblem().WithQueryParameters(StatementNames);
        api.MapGet("/statements/{key}", StatementAsync).WithName("GetStatement")
            .WithSummary("One statement by its key.")
            .Produces<ApiStatement>().ProducesProblem(StatusCodes.Status404NotFound);

        MapTable(api, "actors", "Actors (people, governments, organisations).", [FilterNames.Side, FilterNames.Text, FilterNames.Retracted],
            (e, f, ct) => e.ActorsAsync(f, ct), RecordTypes.Actors);
        MapTable(api, "issues", "The disputed issues.", [FilterNames.Retracted],
            (e, f, ct) => e.IssuesAsync(f.Filter.IncludeRetracted, ct), RecordTypes.Issues);
        MapTable(api, "sources", "The sources every statement and position points to.", [FilterNames.Retracted],
            (e, f, ct) => e.SourcesAsync(f.Filter.IncludeRetracted, ct), RecordTypes.Sources);
        MapTable(api, "meetings", "Meetings, filtered as on the timeline, oldest first.", [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.From, FilterNames.To, FilterNames.Text, FilterNames.Retracted, FilterNames.Verified],
            (e, f, ct) => e.MeetingsAsync(f, ct), RecordTypes.Meetings);
        MapTable(api, "positions", "Every position (the history of each actor's stance on each issue), from and to on its as-of day.", [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.From, FilterNames.To, FilterNames.Retracted, FilterNames.Verified],
            (e, f, ct) => e.PositionsAsync(f, latestOnly: false, ct), RecordTypes.Positions);
        MapTable(api, "stances", "The stance matrix as of a day (asof, default today): each actor's latest position per issue.", [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.AsOf, FilterNames.Verified],
            (e, f, ct) => e.PositionsAsync(f, latestOnly: true, ct), RecordTypes.Positions, live: true);
        MapTable(api, "plan-versions", "Every version of every plan (the plan-versions CSV format).", [FilterNames.Retracted],
            (e, f, ct) => e.PlanVersionsAsync(f.Filter.IncludeRetracted, ct), RecordTypes.PlanVersions);
        MapTable(api, "plan-points", "Every point of every version (the plan-points CSV format).", [FilterNames.Retracted],
            (e, f, ct) => e.PlanPointsAsync(f.Filter.IncludeRetracted, ct), RecordTypes.PlanPoints);
        MapTable(api, "point-positions", "Every stance on a plan point (the point-positions CSV format).", [FilterNames.Actor, FilterNames.Side, FilterNames.Retracted],
            (e, f, ct) => e.PointPositionsAsync(f, ct), RecordTypes.PointPositions);
        api.MapPlanApi();
        // An address under the API that names nothing answers as the API does (a JSON problem), not with the site's page.
        api.MapFallback((HttpContext context) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API address",
                detail: $"'{context.Request.Path}' is not part of the API; /api/docs lists every address."))
            .ExcludeFromDescription();
        api.MapGet("/stances/changes", StanceChangesAsync).WithName("ListStanceChanges")
            .WithSummary("Who moved: the cells whose stance on asof differs from the one on since (both required), most recent first.")
            .Produces<ApiStanceChanges>().ProducesValidationProblem().WithQueryParameters(ChangeNames);
        return api;
    }

    private static readonly string[] ChangeNames = [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.AsOf, FilterNames.Since, FilterNames.Verified];

    private static async Task<IResult> StanceChangesAsync(HttpContext context, FilterResolver resolver, StanceQueries stances)
    {
        var (query, resolved, notModified) = await ApiQuery.ReadAsync(context, resolver, ChangeNames, q =>
        {
            const string Both = "Required: who moved is a comparison of two days (asof and since, YYYY-MM-DD).";
            q.Require("asof", q.Filter.AsOf is not null, Both);
            q.Require("since", q.Filter.Since is not null, Both);
        });
        if (notModified)
        {
            return Results.Empty;
        }
        if (!query.IsValid)
        {
            return query.Problem();
        }
        var matrix = await stances.GetMatrixAsync(resolved!, context.RequestAborted);
        var changes = matrix.Changes!;
        return Results.Json(new ApiStanceChanges(
            Cells.Date(query.Filter.AsOf!.Value), Cells.Date(query.Filter.Since!.Value), changes.Total,
            [.. changes.Latest.Select(c => new ApiStanceChange(c.Actor.Slug, c.Actor.Name, c.IssueSlug,
                c.From is { } from ? Cells.Word(from) : null, Cells.Word(c.To),
                new ApiDate(Cells.Date(c.AsOf), Cells.Word(c.AsOfPrecision), Cells.Word(Models.DateBasis.On))))]),
            ApiJsonContext.Default.ApiStanceChanges);
    }

    private static async Task<IResult> StatementsAsync(HttpContext context, FilterResolver resolver, TimelineQueries timeline)
    {
        var (query, resolved, notModified) = await ApiQuery.ReadAsync(context, resolver, StatementNames);
        if (notModified)
        {
            return Results.Empty;
        }
        if (!query.IsValid)
        {
            return query.Problem();
        }
        var page = await timeline.GetPageAsync(resolved! with { Filter = resolved.Filter with { Kind = ItemKind.Statements } },
            query.Cursor, query.Limit, context.RequestAborted);
        var baseUrl = BaseUrl(context);
        return Results.Json(new ApiStatementPage(
            [.. page.Items.Select(i => ApiStatement.From(i.Statement!, baseUrl))],
            page.Next is { } next ? ApiQuery.WriteCursor(next, query.Filter) : null), ApiJsonContext.Default.ApiStatementPage);
    }

    private static async Task<IResult> StatementAsync(string key, HttpContext context, StatementQueries statements)
    {
        var query = ApiQuery.Parse(context.Request.Query, []);
        if (!query.IsValid)
        {
            return query.Problem();
        }
        if (await RecordETag.NotModifiedAsync(context))
        {
            return Results.Empty;
        }
        var detail = await statements.GetAsync(key, context.RequestAborted);
        if (detail is not null && detail.Statement.Check.State != Models.VerificationState.Verified && !Verification.Publication.SeesUnverified(context))
        {
            // Unverified statements are not published to this user (Access:PublishUnverified=false): as if there were none.
            detail = null;
        }
        return detail is null
            ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such statement.",
                detail: $"No statement has the key '{DashboardFilter.Shorten(key)}'.")
            : Results.Json(ApiStatement.From(detail.Statement, BaseUrl(context)), ApiJsonContext.Default.ApiStatement);
    }

    private static void MapTable(RouteGroupBuilder api, string name, string summary, string[] names,
        Func<CsvExporter, ResolvedFilter, CancellationToken, IAsyncEnumerable<string?[]>> rows, RecordType format, bool live = false)
    {
        api.MapGet($"/{name}", async (HttpContext context, FilterResolver resolver, CsvExporter exporter) =>
        {
            var (query, resolved, notModified) = await ApiQuery.ReadAsync(context, resolver, names);
            if (notModified)
            {
                return Results.Empty;
            }
            if (!query.IsValid)
            {
                return query.Problem();
            }
            // The matrix holds live positions only, as its CSV export does.
            IReadOnlyList<string> header = !live && resolved!.Filter.IncludeRetracted ? [.. format.Header, CsvExporter.RetractedColumn] : [.. format.Header];
            return new RowsResult(header, rows(exporter, resolved!, context.RequestAborted));
        }).WithName("List" + string.Concat(name.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..]))).WithSummary(summary)
            .Produces<Dictionary<string, string?>[]>(contentType: "application/json").ProducesValidationProblem().WithQueryParameters(names);
    }

    public static string BaseUrl(HttpContext context) => $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";

    /// <summary>The rows of a CSV table as a JSON array of objects named by the CSV header, written as they are read.</summary>
    private sealed class RowsResult(IReadOnlyList<string> header, IAsyncEnumerable<string?[]> rows) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            var ct = context.RequestAborted;
            await using var json = new Utf8JsonWriter(context.Response.Body);
            var names = header.Select(h => JsonEncodedText.Encode(h)).ToArray();
            json.WriteStartArray();
            var count = 0;
            await foreach (var row in rows.WithCancellation(ct))
            {
                json.WriteStartObject();
                for (var i = 0; i < names.Length; i++)
                {
                    if (row[i] is { Length: > 0 } value)
                    {
                        json.WriteString(names[i], value);
                    }
                    else
                    {
                        json.WriteNull(names[i]);
                    }
                }
                json.WriteEndObject();
                if (++count % 500 == 0)
                {
                    await json.FlushAsync(ct);
                }
            }
            json.WriteEndArray();
            await json.FlushAsync(ct);
        }
    }
}
