using System.Globalization;
using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Streams each table as CSV in its <see cref="CsvFormat"/>: rows are read from SQLite and written one at a
/// time, so no file is ever held in memory. Cells that a spreadsheet would run as a formula are neutralised.
/// Row order is fixed (by natural key where the page has no order of its own), so an export, re-imported
/// into an empty database and exported again, gives the same bytes.
/// </summary>
public sealed class CsvExporter(IDbContextFactory<PeaceTalksDbContext> dbFactory, StanceQueries stances)
{
    /// <summary>The column added to every export with ?retracted=include: the reason, empty for live items.</summary>
    public const string RetractedColumn = "retracted";

    public Task WriteAsync(CsvFormat format, IAsyncEnumerable<string?[]> rows, Stream destination, bool byteOrderMark,
        CancellationToken cancellationToken = default) =>
        WriteAsync([.. format.Header], rows, destination, byteOrderMark, cancellationToken);

    public async Task WriteAsync(IReadOnlyList<string> header, IAsyncEnumerable<string?[]> rows, Stream destination, bool byteOrderMark,
        CancellationToken cancellationToken = default)
    {
        await using var writer = CsvWriter.Create(destination, new CsvWriterOptions { WriteByteOrderMark = byteOrderMark }, leaveOpen: true);
        foreach (var column in header)
        {
            writer.WriteField(column);
        }
        await writer.EndRecordAsync(cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in row)
            {
                writer.WriteField(cell is null ? "" : CsvCells.Neutralise(cell));
            }
            await writer.EndRecordAsync(cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
    }

    public async IAsyncEnumerable<string?[]> IssuesAsync(bool includeRetracted = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Set(db.Issues, includeRetracted).OrderBy(i => i.Slug)
            .Select(i => new { i.Slug, i.Name, i.Description, Retracted = Retracted(i.RetractedAt, i.RetractedReason) });
        await foreach (var i in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted([i.Slug, i.Name, i.Description], includeRetracted, i.Retracted);
        }
    }

    /// <summary>A table's live rows, or every row when retracted ones are asked for.</summary>
    private static IQueryable<T> Set<T>(DbSet<T> set, bool includeRetracted) where T : class =>
        includeRetracted ? set.AsNoTracking().IgnoreQueryFilters([PeaceTalksDbContext.Live]) : set.AsNoTracking();

    private static string? Retracted(DateTime? at, string? reason) => at is null ? null : reason ?? "retracted";

    private static string?[] WithRetracted(string?[] row, bool includeRetracted, string? retracted) =>
        includeRetracted ? [.. row, retracted] : row;

    private static string?[] WithRetracted(string?[] row, bool includeRetracted, IRetractable item) =>
        WithRetracted(row, includeRetracted, Retracted(item.RetractedAt, item.RetractedReason));

    public async IAsyncEnumerable<string?[]> ActorsAsync(ResolvedFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var include = filter.Filter.IncludeRetracted;
        var actors = ActorQueries.Filtered(db, Set(db.Actors, include), filter);
        var rows = actors.OrderBy(a => a.Slug)
            .Select(a => new { a.Slug, a.Name, a.Kind, a.Role, a.Side, a.AlternativeNames, Retracted = Retracted(a.RetractedAt, a.RetractedReason) });
        await foreach (var a in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted([a.Slug, a.Name, CsvCells.Word(a.Kind), a.Role, a.Side, a.AlternativeNames], include, a.Retracted);
        }
    }

    public async IAsyncEnumerable<string?[]> SourcesAsync(bool includeRetracted = false, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Set(db.Sources, includeRetracted).OrderBy(s => s.Key)
            .Select(s => new { s.Key, s.Title, s.Outlet, s.Url, s.PublishedOn, s.PublishedPrecision, s.Kind, Retracted = Retracted(s.RetractedAt, s.RetractedReason) });
        await foreach (var s in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted(
            [
                s.Key, s.Title, s.Outlet, s.Url, CsvCells.Date(s.PublishedOn),
                s.PublishedOn is null ? "" : CsvCells.Word(s.PublishedPrecision), CsvCells.Word(s.Kind),
            ], includeRetracted, s.Retracted);
        }
    }

    public async IAsyncEnumerable<string?[]> MeetingsAsync(ResolvedFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var include = filter.Filter.IncludeRetracted;
        var rows = Set(db.Set<MeetingExportRow>(), include);
        if (!(filter.Applied with { IncludeRetracted = false }).IsEmpty)
        {
            var ids = TimelineQueries.FilterMeetings(db, TimelineQueries.Meetings(db, filter), filter).Select(m => m.Id);
            rows = rows.Where(r => ids.Contains(r.Id));
        }
        await foreach (var m in rows.OrderBy(m => m.Date).ThenBy(m => m.Slug).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted(
            [
                m.Slug, m.Title, m.Place, CsvCells.Date(m.Date), CsvCells.Word(m.DatePrecision), CsvCells.Word(m.DateBasis),
                m.DurationMinutes?.ToString(CultureInfo.InvariantCulture), m.Participants, m.Outcome, m.Source,
            ], include, m);
        }
    }

    /// <summary>Statements as the timeline shows them (same filters and date order); within a day, by key.</summary>
    public async IAsyncEnumerable<string?[]> StatementsAsync(ResolvedFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var include = filter.Filter.IncludeRetracted;
        var rows = Set(db.Set<StatementExportRow>(), include);
        if (!(filter.Applied with { OldestFirst = false, IncludeRetracted = false }).IsEmpty)
        {
            var ids = TimelineQueries.FilterStatements(db, TimelineQueries.Statements(db, filter), filter).Select(s => s.Id);
            rows = rows.Where(r => ids.Contains(r.Id));
        }
        rows = filter.Filter.OldestFirst
            ? rows.OrderBy(s => s.Date).ThenBy(s => s.Key)
            : rows.OrderByDescending(s => s.Date).ThenBy(s => s.Key);
        await foreach (var s in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted(
            [
                s.Key, s.Actor, s.ActorName, CsvCells.Date(s.Date), CsvCells.Word(s.DatePrecision), CsvCells.Word(s.DateBasis),
                CsvCells.Word(s.Kind), s.Text, CsvCells.Word(s.Channel), CsvCells.Word(s.Attribution), s.Source, s.ViaSource, s.Meeting,
                s.Issues, s.OriginalLanguage, s.OriginalText,
            ], include, s);
        }
    }

    /// <summary>
    /// Positions: with <paramref name="latestOnly"/> the matrix as of the filter's date (one row per actor × issue
    /// with a position), otherwise every position ever recorded (the full history, for backups and round trips).
    /// </summary>
    public async IAsyncEnumerable<string?[]> PositionsAsync(ResolvedFilter filter, bool latestOnly,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The matrix as of a day is made of live positions only; the full history can include retracted ones.
        var include = filter.Filter.IncludeRetracted && !latestOnly;
        var rows = Set(db.Set<PositionExportRow>(), include);
        if (latestOnly)
        {
            var ids = await stances.LatestPositionIdsAsync(filter, cancellationToken);
            rows = rows.Where(r => EF.Parameter(ids).Contains(r.Id));
        }
        else if (filter.ActorIds.Count > 0 || filter.Sides.Count > 0 || filter.IssueIds.Count > 0)
        {
            var ids = StanceQueries.Filtered(include ? db.Positions.IgnoreQueryFilters([PeaceTalksDbContext.Live]) : db.Positions, filter).Select(p => p.Id);
            rows = rows.Where(r => ids.Contains(r.Id));
        }
        rows = rows.OrderBy(p => p.Side).ThenBy(p => p.ActorName).ThenBy(p => p.Actor)
            .ThenBy(p => p.IssueName).ThenBy(p => p.Issue).ThenBy(p => p.AsOf);
        await foreach (var p in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return WithRetracted(
            [
                p.Actor, p.ActorName, p.Side, p.Issue, p.IssueName, CsvCells.Date(p.AsOf), CsvCells.Word(p.AsOfPrecision),
                CsvCells.Word(p.Stance), p.Summary, p.Evidence, p.Sources,
            ], include, p);
        }
    }
}
