using System.Globalization;
using Microsoft.Net.Http.Headers;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// GET /export/{table}.csv: each table as a CSV download, filtered by the same query string as its page. HEAD answers
/// with the same status and headers, without the rows.
/// </summary>
public static class CsvExportEndpoints
{
    public static RouteHandlerBuilder MapCsvExports(this IEndpointRouteBuilder app) =>
        app.MapMethods("/export/{table}.csv", [HttpMethods.Get, HttpMethods.Head], ExportAsync).WithName("ExportCsv").ExcludeFromDescription();

    private static async Task ExportAsync(string table, HttpContext context, CsvExporter exporter, FilterResolver resolver, AuditQueries audit,
        IServiceScopeFactory scopes)
    {
        var query = context.Request.Query;
        var filter = await resolver.ResolveAsync(Verification.Publication.ForRequest(context, DashboardFilter.Read(name => query[name])), context.RequestAborted);
        var ct = context.RequestAborted;
        var include = filter.Filter.IncludeRetracted;
        (IReadOnlyList<string> Header, IAsyncEnumerable<string?[]> Rows)? export = table.ToLowerInvariant() switch
        {
            // The matrix as of a day holds live positions only.
            "stances" => (Header(RecordTypes.Positions, false), exporter.PositionsAsync(filter, latestOnly: true, ct)),
            "positions" => (Header(RecordTypes.Positions, include), exporter.PositionsAsync(filter, latestOnly: false, ct)),
            "statements" => (Header(RecordTypes.Statements, include), exporter.StatementsAsync(filter, ct)),
            "meetings" => (Header(RecordTypes.Meetings, include), exporter.MeetingsAsync(filter, ct)),
            "actors" => (Header(RecordTypes.Actors, include), exporter.ActorsAsync(filter, ct)),
            "issues" => (Header(RecordTypes.Issues, include), exporter.IssuesAsync(include, ct)),
            "sources" => (Header(RecordTypes.Sources, include), exporter.SourcesAsync(include, ct)),
            "plans" => (Header(RecordTypes.Plans, include), exporter.PlansAsync(include, ct)),
            "plan-versions" => (Header(RecordTypes.PlanVersions, include), exporter.PlanVersionsAsync(include, ct)),
            "plan-points" => (Header(RecordTypes.PlanPoints, include), exporter.PlanPointsAsync(include, ct)),
            "point-positions" => (Header(RecordTypes.PointPositions, include), exporter.PointPositionsAsync(filter, ct)),
            // Account administration only for admins, checked against the database.
            "changes" => (AuditQueries.ExportHeader, audit.ExportAsync(ChangesFilter(query),
                await EditorAccess.HasRoleAsync(context.User, Models.AppRoles.Admin, scopes, ct), ct)),
            _ => null,
        };
        if (export is not { } found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(
                $"No export called '{DashboardFilter.Shorten(table)}'. Try stances, positions, statements, meetings, actors, issues, sources, plans, plan-versions, plan-points, point-positions or changes.", ct);
            return;
        }

        // The file is named for the day it describes: the as-of date of a stance matrix, otherwise today.
        var day = table == "stances" && filter.Filter.AsOf is { } asOf ? asOf : DateOnly.FromDateTime(DateTime.UtcNow);
        var fileName = $"peacetalks-{table.ToLowerInvariant()}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }
        // Excel needs the byte-order mark to read UTF-8 (Cyrillic, typographic dashes); ?bom=false leaves it out.
        var bom = !string.Equals(query["bom"], "false", StringComparison.OrdinalIgnoreCase);
        await exporter.WriteAsync(found.Header, found.Rows, context.Response.Body, bom, ct);
    }

    private static IReadOnlyList<string> Header(RecordType format, bool includeRetracted) =>
        includeRetracted ? [.. format.Header, CsvExporter.RetractedColumn] : [.. format.Header];

    /// <summary>The /changes filters; values that are not valid are left out, as on the page.</summary>
    public static ChangeFilter ChangesFilter(IQueryCollection query)
    {
        var entity = query["entity"].ToString();
        return new ChangeFilter(
            string.IsNullOrWhiteSpace(query["user"]) ? null : query["user"].ToString(),
            ChangeFilter.EntityTypes.Contains(entity) ? entity : null,
            DashboardFilter.ParseIso(query["from"]),
            DashboardFilter.ParseIso(query["to"]));
    }
}
