using System.Runtime.CompilerServices;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Streams each table as CSV in its record type's format: rows are read from the database and written one at a
/// time, so no file is ever held in memory. Cells that a spreadsheet would run as a formula are neutralised.
/// Row order is fixed (by natural key where the page has no order of its own), so an export, re-imported
/// into an empty database and exported again, gives the same bytes.
/// </summary>
public sealed class CsvExporter(IDbContextFactory<PeaceTalksDbContext> dbFactory, StanceQueries stances)
{
    /// <summary>The column added to every export with ?retracted=include: the reason, empty for live items.</summary>
    public const string RetractedColumn = "retracted";

    public Task WriteAsync(RecordType type, IAsyncEnumerable<string?[]> rows, Stream destination, bool byteOrderMark,
        CancellationToken cancellationToken = default) =>
        WriteAsync([.. type.Header], rows, destination, byteOrderMark, cancellationToken);

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

    public IAsyncEnumerable<string?[]> IssuesAsync(bool includeRetracted = false, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Issues, includeRetracted, (_, issues) => issues.OrderBy(i => i.Slug), cancellationToken);

    public IAsyncEnumerable<string?[]> ActorsAsync(ResolvedFilter filter, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Actors, filter.Filter.IncludeRetracted,
            (db, actors) => ActorQueries.Filtered(db, actors, filter).OrderBy(a => a.Slug), cancellationToken);

    public IAsyncEnumerable<string?[]> SourcesAsync(bool includeRetracted = false, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Sources, includeRetracted, (_, sources) => sources.OrderBy(s => s.Key), cancellationToken);

    public IAsyncEnumerable<string?[]> MeetingsAsync(ResolvedFilter filter, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Meetings, filter.Filter.IncludeRetracted,
            (db, meetings) => TimelineQueries.FilterMeetings(db, meetings, filter).OrderBy(m => m.Date).ThenBy(m => m.Slug), cancellationToken);

    /// <summary>Statements as the timeline shows them (same filters and date order); within a day, by key.</summary>
    public IAsyncEnumerable<string?[]> StatementsAsync(ResolvedFilter filter, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Statements, filter.Filter.IncludeRetracted, (db, statements) =>
        {
            var filtered = TimelineQueries.FilterStatements(db, statements, filter);
            return filter.Filter.OldestFirst
                ? filtered.OrderBy(s => s.Date).ThenBy(s => s.Key)
                : filtered.OrderByDescending(s => s.Date).ThenBy(s => s.Key);
        }, cancellationToken);

    /// <summary>
    /// Positions: with <paramref name="latestOnly"/> the matrix as of the filter's date (one row per actor × issue
    /// with a position), otherwise every position ever recorded (the full history, for backups and round trips).
    /// </summary>
    public async IAsyncEnumerable<string?[]> PositionsAsync(ResolvedFilter filter, bool latestOnly,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The matrix as of a day is made of live positions only; the full history can include retracted ones.
        var include = filter.Filter.IncludeRetracted && !latestOnly;
        int[]? latest = latestOnly ? [.. await stances.LatestPositionIdsAsync(filter, cancellationToken)] : null;
        var rows = RowsAsync(RecordTypes.Positions, include, (_, positions) =>
        {
            positions = latest is not null ? positions.Where(p => EF.Parameter(latest).Contains(p.Id)) : StanceQueries.Filtered(positions, filter)
                .AnyOf(PositionFilters.From, filter.Filter.From is { } from ? [from] : [])
                .AnyOf(PositionFilters.To, filter.Filter.To is { } to ? [to] : [])
                .AnyOf(PositionFilters.Check, filter.Filter.OnlyVerified ? [VerificationState.Verified] : []);
            return positions.OrderBy(p => p.Actor.Side).ThenBy(p => p.Actor.Name).ThenBy(p => p.Actor.Slug)
                .ThenBy(p => p.Issue.Name).ThenBy(p => p.Issue.Slug).ThenBy(p => p.AsOf);
        }, cancellationToken);
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    public IAsyncEnumerable<string?[]> PlansAsync(bool includeRetracted = false, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.Plans, includeRetracted, (_, plans) => plans.OrderBy(p => p.Slug), cancellationToken);

    public IAsyncEnumerable<string?[]> PlanVersionsAsync(bool includeRetracted = false, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.PlanVersions, includeRetracted,
            (_, versions) => versions.OrderBy(v => v.Plan.Slug).ThenBy(v => v.Date).ThenBy(v => v.Key), cancellationToken);

    public IAsyncEnumerable<string?[]> PlanPointsAsync(bool includeRetracted = false, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.PlanPoints, includeRetracted,
            (_, points) => points.OrderBy(p => p.PlanVersion.Plan.Slug).ThenBy(p => p.PlanVersion.Date).ThenBy(p => p.PlanVersion.Key).ThenBy(p => p.Key),
            cancellationToken);

    public IAsyncEnumerable<string?[]> PointPositionsAsync(ResolvedFilter filter, CancellationToken cancellationToken = default) =>
        RowsAsync(RecordTypes.PointPositions, filter.Filter.IncludeRetracted, (_, positions) => positions
            .AnyOf(PointPositionFilters.Actor, filter.ActorIds).AnyOf(PointPositionFilters.Side, filter.Sides)
            .OrderBy(p => p.Actor.Side).ThenBy(p => p.Actor.Name).ThenBy(p => p.Actor.Slug).ThenBy(p => p.PlanPoint.Key).ThenBy(p => p.AsOf),
            cancellationToken);

    /// <summary>
    /// A record type's rows as CSV cells, every field in its format's order, with the reason of retracted ones when
    /// they are asked for. <paramref name="shape"/> filters and orders the rows.
    /// </summary>
    private async IAsyncEnumerable<string?[]> RowsAsync<T>(RecordType<T> type, bool includeRetracted,
        Func<PeaceTalksDbContext, IQueryable<T>, IQueryable<T>> shape, [EnumeratorCancellation] CancellationToken cancellationToken)
        where T : class, IRecord
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = shape(db, type.Set(db, includeRetracted));
        await foreach (var stored in type.ReadAsync(db, query, dbFactory.CreateDbContextAsync, cancellationToken))
        {
            string?[] cells = [.. type.Fields.Select(stored.Values.Text)];
            yield return includeRetracted ? [.. cells, stored.Retracted ? stored.RetractedReason ?? "retracted" : null] : cells;
        }
    }
}
