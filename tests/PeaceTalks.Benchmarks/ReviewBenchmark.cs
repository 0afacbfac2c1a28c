using Microsoft.Data.Sqlite;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Verification;

namespace PeaceTalks.Benchmarks;

/// <summary>
/// The review queue (/review) over every synthetic statement, all of them unverified (as after the migration that
/// brought checks in): its first page oldest change first with each item's report looked up, and the counts of what
/// waits and what is disputed. The peer is hand-written SQL for the same page and counts on the same file.
/// </summary>
public sealed class ReviewBenchmark(Scenarios scenarios, string path)
{
    public static DashboardFilter OneActor { get; } = DashboardFilter.Empty with { Actors = ["actor-0001"] };

    public async Task<ScenarioOutput> OursAsync(DashboardFilter filter)
    {
        var resolved = await scenarios.Service<FilterResolver>().ResolveAsync(filter);
        var queue = await scenarios.Service<ReviewQueries>().StatementsAsync(resolved, VerificationState.Unverified);
        return new ScenarioOutput(queue.Items.Count + queue.Unverified, queue.Items.FirstOrDefault()?.Key ?? "", queue.Items.LastOrDefault()?.Key ?? "");
    }

    public async Task<ScenarioOutput> PeerAsync(DashboardFilter filter)
    {
        await using var c = new SqliteConnection(SyntheticData.ConnectionString(path));
        await c.OpenAsync();
        var actor = filter.Actors.Count > 0 ? "AND s.ActorId = (SELECT Id FROM Actors WHERE Slug = @actor)" : "";
        var keys = new List<string>();
        await using (var page = c.CreateCommand())
        {
            page.CommandText = $"""
                SELECT s.Id, s.Key, s.Version, a.Slug, a.Name, s.Text, s.Kind, s.Date, s.DatePrecision, s.DateBasis,
                       src.Key, src.Title, src.Outlet, src.Url, src.PublishedOn, src.PublishedPrecision, s.SourceId,
                       s.Verification, s.CheckedBy, s.CheckedAt, s.DisputeReason, s.DisputeNote, s.ChangedById, s.ChangedAt
                FROM Statements s JOIN Actors a ON a.Id = s.ActorId JOIN Sources src ON src.Id = s.SourceId
                WHERE s.RetractedAt IS NULL AND s.Verification = 'unverified' {actor}
                ORDER BY s.ChangedAt, s.Id LIMIT {ReviewQueries.PageSize}
                """;
            Bind(page);
            await using var reader = await page.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                keys.Add(reader.GetString(1));
                for (var i = 2; i < reader.FieldCount; i++)
                {
                    _ = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
            }
        }
        long waiting = 0;
        await using (var count = c.CreateCommand())
        {
            count.CommandText = $"""
                SELECT s.Verification, COUNT(*) FROM Statements s
                WHERE s.RetractedAt IS NULL AND s.Verification <> 'verified' {actor} GROUP BY s.Verification
                """;
            Bind(count);
            await using var reader = await count.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                waiting += reader.GetString(0) == "unverified" ? reader.GetInt64(1) : 0;
            }
        }
        return new ScenarioOutput(keys.Count + waiting, keys.FirstOrDefault() ?? "", keys.LastOrDefault() ?? "");

        void Bind(SqliteCommand command)
        {
            if (filter.Actors.Count > 0)
            {
                command.Parameters.AddWithValue("@actor", filter.Actors[0]);
            }
        }
    }
}
