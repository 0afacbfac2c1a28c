using System.Text;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Csv;

/// <summary>Real CSV files for the CSV tests: exports of a test database, and statements files written row by row.</summary>
internal static class CsvTestFiles
{
    /// <summary>Every record type's file, in the order a full data set is imported (references point backwards).</summary>
    public static readonly string[] TableOrder = [.. RecordTypes.All.Select(t => t.Name)];

    /// <summary>True when an exported file holds a header and no rows (a table the database has nothing in).</summary>
    public static bool HeaderOnly(byte[] file) => Encoding.UTF8.GetString(file).TrimEnd('\r', '\n').Split('\n').Length == 1;

    /// <summary>Every table exported the way the /export endpoints do it (with the byte-order mark).</summary>
    public static async Task<Dictionary<string, byte[]>> ExportAllAsync(TestDatabase database)
    {
        var exporter = database.Get<CsvExporter>();
        var everything = await database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty);
        var files = new Dictionary<string, byte[]>();
        foreach (var table in TableOrder)
        {
            var (format, rows) = table switch
            {
                "issues" => ((RecordType)RecordTypes.Issues, exporter.IssuesAsync()),
                "actors" => (RecordTypes.Actors, exporter.ActorsAsync(everything)),
                "sources" => (RecordTypes.Sources, exporter.SourcesAsync()),
                "meetings" => (RecordTypes.Meetings, exporter.MeetingsAsync(everything)),
                "statements" => (RecordTypes.Statements, exporter.StatementsAsync(everything)),
                "plans" => (RecordTypes.Plans, exporter.PlansAsync()),
                "plan-versions" => (RecordTypes.PlanVersions, exporter.PlanVersionsAsync()),
                "plan-points" => (RecordTypes.PlanPoints, exporter.PlanPointsAsync()),
                "point-positions" => (RecordTypes.PointPositions, exporter.PointPositionsAsync(everything)),
                _ => (RecordTypes.Positions, exporter.PositionsAsync(everything, latestOnly: false)),
            };
            using var buffer = new MemoryStream();
            await exporter.WriteAsync(format, rows, buffer, byteOrderMark: true);
            files[table] = buffer.ToArray();
        }
        return files;
    }

    public const string StatementsHeader =
        "key,actor,date,date_precision,date_basis,kind,text,channel,attribution,source,via_source,meeting,issues,original_language,original_text";

    /// <summary>A statement row for the seeded actors and sources.</summary>
    public static string StatementRow(int i, string date = "2025-11-01", string actor = "volodymyr-zelensky", string kind = "quote",
        string? text = null) =>
        $"bulk-{i},{actor},{date},day,on,{kind},\"{text ?? $"Bulk statement number {i}"}\",interview,first-hand,pompeo-warns-2025-12-03,,,security-guarantees,,";

    public static MemoryStream Utf8(string text, bool bom = false) =>
        new([.. (bom ? (byte[])[0xEF, 0xBB, 0xBF] : []), .. Encoding.UTF8.GetBytes(text)]);

    public static string File(IEnumerable<string> rows) => StatementsHeader + "\r\n" + string.Join("\r\n", rows) + "\r\n";
}
