using System.Globalization;
using Microsoft.Net.Http.Headers;
using PeaceTalks.Web.Filtering;

namespace PeaceTalks.Web.Csv;

/// <summary>GET /export/{table}.csv: each table as a CSV download, filtered by the same query string as its page.</summary>
public static class CsvExportEndpoints
{
    public static RouteHandlerBuilder MapCsvExports(this IEndpointRouteBuilder app) =>
        app.MapGet("/export/{table}.csv", ExportAsync).WithName("ExportCsv");

    private static async Task ExportAsync(string table, HttpContext context, CsvExporter exporter, FilterResolver resolver)
    {
        var query = context.Request.Query;
        var filter = await resolver.ResolveAsync(DashboardFilter.Parse(
            query["actor"], query["side"], query["issue"], query["from"], query["to"], query["q"], query["kind"], query["order"],
            query["asof"], query["since"]), context.RequestAborted);
        var ct = context.RequestAborted;
        (CsvFormat Format, IAsyncEnumerable<string?[]> Rows)? export = table.ToLowerInvariant() switch
        {
            "stances" => (CsvFormat.Positions, exporter.PositionsAsync(filter, latestOnly: true, ct)),
            "positions" => (CsvFormat.Positions, exporter.PositionsAsync(filter, latestOnly: false, ct)),
            "statements" => (CsvFormat.Statements, exporter.StatementsAsync(filter, ct)),
            "meetings" => (CsvFormat.Meetings, exporter.MeetingsAsync(filter, ct)),
            "actors" => (CsvFormat.Actors, exporter.ActorsAsync(filter, ct)),
            "issues" => (CsvFormat.Issues, exporter.IssuesAsync(ct)),
            "sources" => (CsvFormat.Sources, exporter.SourcesAsync(ct)),
            _ => null,
        };
        if (export is not { } found)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(
                $"No export called '{DashboardFilter.Shorten(table)}'. Try stances, positions, statements, meetings, actors, issues or sources.", ct);
            return;
        }

        // The file is named for the day it describes: the as-of date of a stance matrix, otherwise today.
        var day = table == "stances" && filter.Filter.AsOf is { } asOf ? asOf : DateOnly.FromDateTime(DateTime.UtcNow);
        var fileName = $"peacetalks-{table.ToLowerInvariant()}-{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.csv";
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        // Excel needs the byte-order mark to read UTF-8 (Cyrillic, typographic dashes); ?bom=false leaves it out.
        var bom = !string.Equals(query["bom"], "false", StringComparison.OrdinalIgnoreCase);
        await exporter.WriteAsync(found.Format, found.Rows, context.Response.Body, bom, ct);
    }
}
