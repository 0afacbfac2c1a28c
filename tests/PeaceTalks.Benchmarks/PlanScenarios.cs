using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Benchmarks;

/// <summary>
/// The plan pages' server time: what /plans/{slug} and /plans/{slug}/compare read to render, through the app's own
/// services (the same calls as the pages' LoadAsync), against hand-written SQL through Microsoft.Data.Sqlite that
/// returns the same rows. Both sides describe what they return the same way (counts and a digest of every point,
/// stance, comparison line and move, in order), so a smoke test can check that they agree.
/// </summary>
public sealed partial class Scenarios
{
    // ---- 7. A plan page and two versions compared ------------------------------------------------------------

    /// <summary>What the plan page loads: the plan with its latest version's points and stances as of today, and its history.</summary>
    public async Task<ScenarioOutput> PlanPageOursAsync()
    {
        var filter = DashboardFilter.Parse(asof: null);
        var plan = await Get<PlanQueries>().GetAsync(SyntheticData.PlanSlug, null, filter.AsOf)
            ?? throw new InvalidOperationException(NoPlan);
        var history = await Get<AuditQueries>().HistoryAsync(RecordTypes.Plans.Noun, plan.Id);
        var points = plan.Points.Select(p => new PagePoint(p.Key, p.Number, KebabCase<TextKind>.ToWord(p.Kind), KebabCase<PointChange>.ToWord(p.Change),
            [.. p.Issues.Select(i => i.Slug)], p.Continues, p.ContinuesText, p.DroppedIn, p.State.ToString(),
            [.. p.Stances.Select(s => new PageCell(s.PositionId, s.Actor.Slug, s.Actor.Name, s.Side, KebabCase<PointStance>.ToWord(s.Stance), s.AsOf))]));
        return DescribePage([.. points], [.. plan.Actors.Select(a => a.Slug)], plan.Versions.Count, history.Count);
    }

    /// <summary>
    /// The same page by hand: the plan, its issues and versions, the latest version's points with their issues and
    /// the points they continue, each actor's latest stance per point as of today (SQLite's bare column beside
    /// MAX(AsOf), grouped down the index), the points the next version dropped (none for the latest), and the history.
    /// </summary>
    public async Task<ScenarioOutput> PlanPagePeerAsync()
    {
        await using var c = await OpenAsync();
        var today = Iso(DateOnly.FromDateTime(DateTime.UtcNow));
        var plan = await PeerPlanAsync(c);
        await ReadAllAsync(c, "SELECT i.Slug, i.Name FROM PlanIssue l JOIN Issues i ON i.Id = l.IssueId WHERE l.PlanId = @plan AND i.RetractedAt IS NULL ORDER BY i.Name",
            cmd => cmd.Parameters.AddWithValue("@plan", plan));
        var versions = await PeerVersionsAsync(c, plan);
        var shown = versions[^1];

        var points = new List<PeerPoint>();
        var byId = new Dictionary<long, PeerPoint>();
        await Rows(c, "SELECT Id, Key, Number, Kind, Text, Change FROM PlanPoints WHERE PlanVersionId = @v AND RetractedAt IS NULL " +
            "ORDER BY CAST(Number AS INTEGER), Number, Key", cmd => cmd.Parameters.AddWithValue("@v", shown.Id), r =>
        {
            var point = new PeerPoint(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5));
            points.Add(point);
            byId[point.Id] = point;
        });
        await Rows(c, "SELECT l.PlanPointId, i.Slug, i.Name FROM PlanPointIssue l JOIN PlanPoints p ON p.Id = l.PlanPointId JOIN Issues i ON i.Id = l.IssueId " +
            "WHERE p.PlanVersionId = @v AND i.RetractedAt IS NULL ORDER BY i.Name", cmd => cmd.Parameters.AddWithValue("@v", shown.Id),
            r => byId[r.GetInt64(0)].Issues.Add(r.GetString(1)));
        await Rows(c, """
            SELECT l.PlanPointId, q.Key, q.Number, v.Label FROM PointLineage l JOIN PlanPoints p ON p.Id = l.PlanPointId
            JOIN PlanPoints q ON q.Id = l.PreviousPointId JOIN PlanVersions v ON v.Id = q.PlanVersionId
            WHERE p.PlanVersionId = @v AND q.RetractedAt IS NULL ORDER BY CAST(q.Number AS INTEGER), q.Number
            """, cmd => cmd.Parameters.AddWithValue("@v", shown.Id), r => byId[r.GetInt64(0)].Continues.Add((r.GetString(1), r.GetString(2), r.GetString(3))));
        await Rows(c, """
            SELECT pp.PlanPointId, pp.Id, a.Slug, a.Name, a.Side, pp.Stance, MAX(pp.AsOf), pp.AsOfPrecision, pp.Summary
            FROM PointPositions pp JOIN PlanPoints p ON p.Id = pp.PlanPointId JOIN Actors a ON a.Id = pp.ActorId
            WHERE p.PlanVersionId = @v AND pp.AsOf <= @asof AND pp.RetractedAt IS NULL
            GROUP BY pp.PlanPointId, pp.ActorId ORDER BY pp.PlanPointId, a.Side, a.Name
            """, cmd =>
        {
            cmd.Parameters.AddWithValue("@v", shown.Id);
            cmd.Parameters.AddWithValue("@asof", today);
        }, r =>
        {
            _ = r.GetString(7);
            _ = r.GetString(8);
            byId[r.GetInt64(0)].Cells.Add(new PageCell(r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
        });
        var next = versions.SkipWhile(v => v.Id != shown.Id).Skip(1).FirstOrDefault();
        var continued = new HashSet<long>();
        if (next is not null)
        {
            await Rows(c, "SELECT l.PreviousPointId FROM PointLineage l JOIN PlanPoints p ON p.Id = l.PlanPointId WHERE p.PlanVersionId = @next AND p.RetractedAt IS NULL",
                cmd => cmd.Parameters.AddWithValue("@next", next.Id), r => continued.Add(r.GetInt64(0)));
        }
        var history = await ReadAllAsync(c, """
            SELECT e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.EntityKey, e.Action, e.Changes, e.Note, e.BatchId, b.FileName, b.Sha256, b.Format
            FROM AuditEntries e LEFT JOIN ImportBatches b ON b.Id = e.BatchId WHERE e.EntityType = 'plan' AND e.EntityId = @plan ORDER BY e.Id DESC
            """, cmd => cmd.Parameters.AddWithValue("@plan", plan));

        var page = points.Select(p => new PagePoint(p.Key, p.Number, p.Kind, p.Change, p.Issues, [.. p.Continues.Select(x => x.Key).Order(StringComparer.Ordinal)],
            string.Join(", ", p.Continues.GroupBy(x => x.Label).Select(g => $"{(g.Count() == 1 ? "point" : "points")} {string.Join(" and ", g.Select(x => x.Number))} of the {g.Key}")),
            next is not null && !continued.Contains(p.Id) ? next.Label : null, PeerState(p.Cells), p.Cells)).ToList();
        var actors = page.SelectMany(p => p.Cells).Select(x => (x.Side, x.Name, x.Slug)).Distinct()
            .OrderBy(a => a.Side, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Slug).ToList();
        return DescribePage(page, actors, versions.Count, (int)history);
    }

    /// <summary>What the compare page loads: the plan's title and versions, then its last two versions compared.</summary>
    public async Task<ScenarioOutput> PlanCompareOursAsync()
    {
        var plans = Get<PlanQueries>();
        var plan = await plans.HeaderAsync(SyntheticData.PlanSlug)
            ?? throw new InvalidOperationException(NoPlan);
        var comparison = await plans.CompareAsync(plan.Slug, plan.Versions[^2].Key, plan.Versions[^1].Key)
            ?? throw new InvalidOperationException("The comparison found no versions");
        var lines = comparison.Points.Select(p =>
        {
            var diffed = p.Comparison is PointComparison.Reworded or PointComparison.Merged or PointComparison.Split;
            return new CompareLine(p.Comparison.ToString(), [.. p.Before.Select(b => b.Number)], p.After?.Number, p.Renumbered,
                diffed ? p.Words.Where(w => w.Change == WordChange.Added).Sum(w => CountTokens(w.Text)) : 0,
                diffed ? p.Words.Where(w => w.Change == WordChange.Removed).Sum(w => CountTokens(w.Text)) : 0);
        }).ToList();
        var moves = comparison.Moves.Select(m => $"{m.Actor.Slug}|{m.Number}|{Word(m.From)}|{Word(m.To)}").ToList();
        return DescribeComparison(lines, moves, plan.Versions.Count);

        static string Word(PointStance? stance) => stance is { } s ? KebabCase<PointStance>.ToWord(s) : "-";
    }

    /// <summary>
    /// The same page by hand: the plan and its versions (for the header and the version lists), the plan's lineage, the
    /// two versions' points, and each actor's latest stance on each point as of its version's day, in one grouped
    /// query; then each later point traced back to the earlier version, the changed words lined up, and who moved.
    /// </summary>
    public async Task<ScenarioOutput> PlanComparePeerAsync()
    {
        await using var c = await OpenAsync();
        var plan = await PeerPlanAsync(c);
        var versions = await PeerVersionsAsync(c, plan);
        var (from, to) = (versions[^2], versions[^1]);
        var previous = new Dictionary<long, List<long>>();
        await Rows(c, """
            SELECT l.PlanPointId, l.PreviousPointId FROM PointLineage l JOIN PlanPoints p ON p.Id = l.PlanPointId JOIN PlanPoints q ON q.Id = l.PreviousPointId
            JOIN PlanVersions v ON v.Id = p.PlanVersionId WHERE v.PlanId = @plan AND p.RetractedAt IS NULL AND q.RetractedAt IS NULL
            """, cmd => cmd.Parameters.AddWithValue("@plan", plan), r =>
        {
            var id = r.GetInt64(0);
            if (!previous.TryGetValue(id, out var parents))
            {
                previous[id] = parents = [];
            }
            parents.Add(r.GetInt64(1));
        });
        var before = new List<PeerPoint>();
        var after = new List<PeerPoint>();
        var byId = new Dictionary<long, PeerPoint>();
        await Rows(c, "SELECT Id, PlanVersionId, Key, Number, Text FROM PlanPoints WHERE PlanVersionId IN (@from, @to) AND RetractedAt IS NULL " +
            "ORDER BY CAST(Number AS INTEGER), Number, Key", cmd =>
        {
            cmd.Parameters.AddWithValue("@from", from.Id);
            cmd.Parameters.AddWithValue("@to", to.Id);
        }, r =>
        {
            var point = new PeerPoint(r.GetInt64(0), r.GetString(2), r.GetString(3), "", r.GetString(4), "");
            (r.GetInt64(1) == from.Id ? before : after).Add(point);
            byId[point.Id] = point;
        });
        await Rows(c, """
            SELECT pp.PlanPointId, pp.Id, a.Slug, a.Name, a.Side, pp.Stance, MAX(pp.AsOf)
            FROM PointPositions pp JOIN PlanPoints p ON p.Id = pp.PlanPointId JOIN Actors a ON a.Id = pp.ActorId
            WHERE p.PlanVersionId IN (@from, @to) AND pp.RetractedAt IS NULL
              AND pp.AsOf <= CASE p.PlanVersionId WHEN @from THEN @fromDay ELSE @toDay END
            GROUP BY pp.PlanPointId, pp.ActorId
            """, cmd =>
        {
            cmd.Parameters.AddWithValue("@from", from.Id);
            cmd.Parameters.AddWithValue("@to", to.Id);
            cmd.Parameters.AddWithValue("@fromDay", Iso(from.Date));
            cmd.Parameters.AddWithValue("@toDay", Iso(to.Date));
        }, r => byId[r.GetInt64(0)].Cells.Add(new PageCell(r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd", CultureInfo.InvariantCulture))));

        // Each later point's ancestors in the earlier version, through any versions between the two.
        var beforeIds = before.Select(p => p.Id).ToHashSet();
        var ancestors = new Dictionary<long, HashSet<long>>();
        foreach (var point in after)
        {
            var found = new HashSet<long>();
            var seen = new HashSet<long>();
            var queue = new Queue<long>([point.Id]);
            while (queue.TryDequeue(out var id))
            {
                foreach (var parent in previous.GetValueOrDefault(id) ?? [])
                {
                    if (seen.Add(parent))
                    {
                        if (beforeIds.Contains(parent)) found.Add(parent); else queue.Enqueue(parent);
                    }
                }
            }
            ancestors[point.Id] = found;
        }
        var children = before.ToDictionary(p => p.Id, p => ancestors.Values.Count(a => a.Contains(p.Id)));
        var lines = new List<CompareLine>();
        var moves = new List<string>();
        foreach (var point in after)
        {
            var parents = before.Where(p => ancestors[point.Id].Contains(p.Id)).ToList();
            var kind = parents.Count switch
            {
                0 => "Added",
                > 1 => "Merged",
                _ when children[parents[0].Id] > 1 => "Split",
                _ when Words(parents[0].Text).SequenceEqual(Words(point.Text)) => "Unchanged",
                _ => "Reworded",
            };
            var (added, removed) = kind is "Reworded" or "Merged" or "Split" ? WordChanges(string.Join(" ", parents.Select(p => p.Text)), point.Text) : (0, 0);
            lines.Add(new CompareLine(kind, [.. parents.Select(p => p.Number)], point.Number, parents.Count == 1 && parents[0].Number != point.Number, added, removed));
            if (parents.Count == 0)
            {
                continue;
            }
            // Each actor's latest stance across the earlier points, against their stance on the later one.
            var then = new Dictionary<string, PageCell>(StringComparer.Ordinal);
            foreach (var cell in parents.SelectMany(p => p.Cells))
            {
                if (!then.TryGetValue(cell.Slug, out var held) || cell.AsOf > held.AsOf)
                {
                    then[cell.Slug] = cell;
                }
            }
            var now = point.Cells.ToDictionary(x => x.Slug, StringComparer.Ordinal);
            foreach (var slug in then.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
            {
                var was = then.GetValueOrDefault(slug)?.Stance;
                var isNow = now.GetValueOrDefault(slug)?.Stance;
                if (was != isNow)
                {
                    moves.Add($"{slug}|{point.Number}|{was ?? "-"}|{isNow ?? "-"}");
                }
            }
        }
        foreach (var dropped in before.Where(p => children[p.Id] == 0))
        {
            lines.Add(new CompareLine("Dropped", [dropped.Number], null, false, 0, 0));
        }
        return DescribeComparison(lines, moves, versions.Count);
    }

    // What a plan page shows, as both sides describe it.
    private sealed record PageCell(int Id, string Slug, string Name, string Side, string Stance, DateOnly AsOf);

    private sealed record PagePoint(string Key, string Number, string Kind, string Change, IReadOnlyList<string> Issues, IReadOnlyList<string> Continues,
        string ContinuesText, string? DroppedIn, string State, IReadOnlyList<PageCell> Cells);

    private sealed record CompareLine(string Kind, IReadOnlyList<string> Before, string? After, bool Renumbered, int WordsAdded, int WordsRemoved);

    private sealed record PeerVersion(long Id, string Key, string Label, DateOnly Date);

    private sealed record PeerPoint(long Id, string Key, string Number, string Kind, string Text, string Change)
    {
        public List<string> Issues { get; } = [];
        public List<(string Key, string Number, string Label)> Continues { get; } = [];
        public List<PageCell> Cells { get; } = [];
    }

    /// <summary>Rows: the stance cells shown; first: points, actors, versions and history entries; last: each state's count and a digest of every point in order.</summary>
    private static ScenarioOutput DescribePage(List<PagePoint> points, List<string> actors, int versions, int history)
    {
        var lines = points.Select(p => $"{p.Key}|{p.Number}|{p.Kind}|{p.Change}|{string.Join(',', p.Issues)}|{string.Join(',', p.Continues)}|{p.ContinuesText}|" +
            $"{p.DroppedIn}|{p.State}|{string.Join(',', p.Cells.Select(x => $"{x.Id}:{x.Slug}:{x.Stance}:{Iso(x.AsOf)}"))}").Append(string.Join(',', actors));
        var states = string.Join(", ", points.GroupBy(p => p.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        return new ScenarioOutput(points.Sum(p => p.Cells.Count), $"{points.Count} points × {actors.Count} actors, {versions} versions, {history} history entries",
            $"{states}; digest {Digest(lines)}");
    }

    /// <summary>Rows: the moves listed; first: how many lines of each kind; last: a digest of every line and move in order.</summary>
    private static ScenarioOutput DescribeComparison(List<CompareLine> lines, List<string> moves, int versions)
    {
        var kinds = string.Join(", ", lines.GroupBy(l => l.Kind).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        var text = lines.Select(l => $"{l.Kind}|{string.Join(',', l.Before)}|{l.After}|{l.Renumbered}|+{l.WordsAdded}-{l.WordsRemoved}").Concat(moves);
        return new ScenarioOutput(moves.Count, $"{lines.Count} lines: {kinds}, {lines.Count(l => l.Renumbered)} renumbered",
            $"{versions} versions, +{lines.Sum(l => l.WordsAdded)} −{lines.Sum(l => l.WordsRemoved)} words; digest {Digest(text)}");
    }

    private const string NoPlan = $"No plan '{SyntheticData.PlanSlug}' in the data set: a file generated before plans were added; run again without --reuse.";

    private static string Digest(IEnumerable<string> lines) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..16];

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<long> PeerPlanAsync(SqliteConnection c)
    {
        long? id = null;
        await Rows(c, "SELECT p.Id, p.Slug, p.Title, p.Summary, a.Slug, a.Name FROM Plans p LEFT JOIN Actors a ON a.Id = p.ProposedById " +
            "WHERE p.Slug = @slug AND p.RetractedAt IS NULL", cmd => cmd.Parameters.AddWithValue("@slug", SyntheticData.PlanSlug), r =>
        {
            id = r.GetInt64(0);
            for (var i = 1; i < r.FieldCount; i++) _ = r.GetValue(i);
        });
        return id ?? throw new InvalidOperationException(NoPlan);
    }

    private static async Task<List<PeerVersion>> PeerVersionsAsync(SqliteConnection c, long plan)
    {
        var versions = new List<PeerVersion>();
        await Rows(c, """
            SELECT v.Id, v.Key, v.Label, v.Date, v.DatePrecision, v.DateBasis, v.Status, v.PointCount,
                   s.Key, s.Title, s.Outlet, s.Url, s.PublishedOn, s.PublishedPrecision
            FROM PlanVersions v JOIN Sources s ON s.Id = v.SourceId WHERE v.PlanId = @plan AND v.RetractedAt IS NULL ORDER BY v.Date, v.Id
            """, cmd => cmd.Parameters.AddWithValue("@plan", plan), r =>
        {
            versions.Add(new PeerVersion(r.GetInt64(0), r.GetString(1), r.GetString(2), DateOnly.ParseExact(r.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture)));
            for (var i = 4; i < r.FieldCount; i++) _ = r.GetValue(i);
        });
        return versions;
    }

    private static async Task Rows(SqliteConnection c, string sql, Action<SqliteCommand> bind, Action<SqliteDataReader> row)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            row(reader);
        }
    }

    /// <summary>Where a point stands, by hand: any rejection contests it; acceptance (or the proposal) by two sides agrees it.</summary>
    private static string PeerState(List<PageCell> cells)
    {
        var stated = cells.Where(x => x.Stance != "no-position-stated").ToList();
        if (stated.Any(x => x.Stance == "rejects"))
        {
            return "Contested";
        }
        return stated.Select(x => x.Side).Distinct(StringComparer.Ordinal).Count() switch
        {
            0 => "NoPosition",
            1 => "OneSide",
            _ => "Agreed",
        };
    }

    private static string[] Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A text's tokens as the comparison lines them up: each word with the spaces after it.</summary>
    private static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        while (i < text.Length)
        {
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    private static int CountTokens(string text) => Tokens(text).Count;

    /// <summary>Words added and removed between two texts: each side's tokens outside their longest common subsequence.</summary>
    private static (int Added, int Removed) WordChanges(string before, string after)
    {
        var a = Tokens(before);
        var b = Tokens(after);
        var row = new int[b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            var diagonal = 0;
            for (var j = 1; j <= b.Count; j++)
            {
                var above = row[j];
                row[j] = a[i - 1] == b[j - 1] ? diagonal + 1 : Math.Max(row[j], row[j - 1]);
                diagonal = above;
            }
        }
        var common = row[b.Count];
        return (b.Count - common, a.Count - common);
    }
}
