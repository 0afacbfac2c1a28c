using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Identity;
using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Extensions;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Benchmarks;

/// <summary>
/// Each scenario as the app runs it ("ours", through its own services) and as a peer (hand-written SQL through
/// Microsoft.Data.Sqlite, the sqlite3 shell, or a plain insert loop) on the same file.
/// </summary>
public sealed partial class Scenarios : IAsyncDisposable
{
    public const int PageSize = TimelineQueries.DefaultPageSize;

    /// <summary>Concurrent readers in the load scenario.</summary>
    public const int Readers = 20;

    private readonly string _path;
    private readonly ServiceProvider _services;

    public Scenarios(string path) : this(path, DatabaseSettings.Sqlite(SyntheticData.ConnectionString(path)))
    {
    }

    /// <summary>The app's own services over <paramref name="database"/> (SQLite or PostgreSQL); the SQLite peers read <paramref name="path"/>.</summary>
    public Scenarios(string path, DatabaseSettings database)
    {
        _path = path;
        _services = new ServiceCollection().AddLogging().AddPeaceTalksServices(database).BuildServiceProvider();
    }

    /// <summary>A service of the app over this scenario's database.</summary>
    public T Service<T>() where T : notnull => Get<T>();

    public SyntheticSize Size { get; init; } = SyntheticSize.Small;

    /// <summary>The most talkative actor, over the last two years of data.</summary>
    public DashboardFilter ActorAndRange => ActorAndRangeFor(Size);

    public static DashboardFilter ActorAndRangeFor(SyntheticSize size) => DashboardFilter.Empty with
    {
        Actors = ["actor-0001"], From = size.LastDay.AddYears(-2), To = size.LastDay,
    };

    public DashboardFilter TextSearch => DashboardFilter.Empty with { Text = SyntheticData.SearchWord };

    public DateOnly AsOf => SyntheticSize.FirstDay.AddDays((Size.LastDay.DayNumber - SyntheticSize.FirstDay.DayNumber) * 11 / 20);
    public DateOnly Since => AsOf.AddYears(-1);

    private T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(SyntheticData.ConnectionString(_path));
        await connection.OpenAsync();
        return connection;
    }

    // ---- 1. Timeline first page -------------------------------------------------------------------------

    public async Task<ScenarioOutput> TimelineOursAsync(DashboardFilter filter)
    {
        var resolved = await Get<FilterResolver>().ResolveAsync(filter);
        var page = await Get<TimelineQueries>().GetPageAsync(resolved, pageSize: PageSize);
        var keys = page.Items.Select(i => i.Statement?.Key ?? "m:" + i.Meeting!.Slug).ToList();
        return new ScenarioOutput(keys.Count, keys.FirstOrDefault() ?? "", keys.LastOrDefault() ?? "");
    }

    public async Task<ScenarioOutput> TimelinePeerAsync(DashboardFilter filter)
    {
        await using var c = await OpenAsync();
        long? actorId = null;
        if (filter.Actors.Count > 0)
        {
            await using var lookup = c.CreateCommand();
            lookup.CommandText = "SELECT Id FROM Actors WHERE Slug = @slug";
            lookup.Parameters.AddWithValue("@slug", filter.Actors[0]);
            actorId = (long?)await lookup.ExecuteScalarAsync();
        }
        var statementWhere = new List<string>();
        var meetingWhere = new List<string>();
        if (actorId is not null)
        {
            statementWhere.Add("s.ActorId = @actor");
            meetingWhere.Add("EXISTS (SELECT 1 FROM MeetingParticipants mp WHERE mp.MeetingId = m.Id AND mp.ActorId = @actor)");
        }
        if (filter.From is not null)
        {
            statementWhere.Add("s.Date >= @from");
            meetingWhere.Add("m.Date >= @from");
        }
        if (filter.To is not null)
        {
            statementWhere.Add("s.Date <= @to");
            meetingWhere.Add("m.Date <= @to");
        }
        if (filter.Text is not null)
        {
            statementWhere.Add("s.Id IN (SELECT rowid FROM StatementSearch WHERE StatementSearch MATCH @q)");
            meetingWhere.Add("m.Id IN (SELECT rowid FROM MeetingSearch WHERE MeetingSearch MATCH @q)");
        }
        void Bind(SqliteCommand command)
        {
            if (actorId is not null) command.Parameters.AddWithValue("@actor", actorId);
            if (filter.From is { } from) command.Parameters.AddWithValue("@from", DashboardFilter.Iso(from));
            if (filter.To is { } to) command.Parameters.AddWithValue("@to", DashboardFilter.Iso(to));
            if (filter.Text is { } text) command.Parameters.AddWithValue("@q", SearchText.Parse(text)!.ToFts5());
        }
        static string Where(List<string> parts) => parts.Count == 0 ? "" : "WHERE " + string.Join(" AND ", parts);

        var items = new List<(string Date, int Kind, long Id, string Key)>();
        await using (var statements = c.CreateCommand())
        {
            statements.CommandText = $"""
                SELECT s.Id, s.Key, s.Date, a.Slug, a.Name, a.Role, a.Side, s.Text, s.Kind, s.DatePrecision, s.DateBasis, s.Channel,
                       s.Attribution, src.Key, src.Title, src.Outlet, src.Url, src.PublishedOn, src.PublishedPrecision,
                       via.Key, via.Title, via.Outlet, via.Url, via.PublishedOn, via.PublishedPrecision, m.Slug, m.Title,
                       s.OriginalLanguage, s.OriginalText
                FROM Statements s JOIN Actors a ON a.Id = s.ActorId JOIN Sources src ON src.Id = s.SourceId
                LEFT JOIN Sources via ON via.Id = s.ViaSourceId LEFT JOIN Meetings m ON m.Id = s.MeetingId
                {Where(statementWhere)} ORDER BY s.Date DESC, s.Id DESC LIMIT {PageSize + 1}
                """;
            Bind(statements);
            await using var reader = await statements.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add((reader.GetString(2), 0, reader.GetInt64(0), reader.GetString(1)));
                for (var i = 3; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        await using (var meetings = c.CreateCommand())
        {
            meetings.CommandText = $"""
                SELECT m.Id, m.Slug, m.Date, m.Title, m.Place, m.DatePrecision, m.DateBasis, m.DurationMinutes, m.Outcome,
                       src.Key, src.Title, src.Outlet, src.Url, src.PublishedOn, src.PublishedPrecision
                FROM Meetings m JOIN Sources src ON src.Id = m.SourceId
                {Where(meetingWhere)} ORDER BY m.Date DESC, m.Id DESC LIMIT {PageSize + 1}
                """;
            Bind(meetings);
            await using var reader = await meetings.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add((reader.GetString(2), 1, reader.GetInt64(0), "m:" + reader.GetString(1)));
                for (var i = 3; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        var page = items.OrderByDescending(i => i.Date, StringComparer.Ordinal).ThenByDescending(i => i.Kind).ThenByDescending(i => i.Id)
            .Take(PageSize).ToList();
        await ReadAllAsync(c, "SELECT si.StatementId, i.Slug, i.Name FROM StatementIssues si JOIN Issues i ON i.Id = si.IssueId " +
            $"WHERE si.StatementId IN ({Ids(page, 0)}) ORDER BY i.Name");
        await ReadAllAsync(c, "SELECT p.MeetingId, a.Slug, a.Name, a.Side, p.Role FROM MeetingParticipants p JOIN Actors a ON a.Id = p.ActorId " +
            $"WHERE p.MeetingId IN ({Ids(page, 1)})");
        return new ScenarioOutput(page.Count, page.FirstOrDefault().Key ?? "", page.LastOrDefault().Key ?? "");
    }

    private static string Ids(List<(string Date, int Kind, long Id, string Key)> page, int kind) =>
        string.Join(",", page.Where(i => i.Kind == kind).Select(i => i.Id.ToString(CultureInfo.InvariantCulture)).DefaultIfEmpty("0"));

    private static async Task<long> ReadAllAsync(SqliteConnection c, string sql, Action<SqliteCommand>? bind = null)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        bind?.Invoke(command);
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
        }
        return rows;
    }

    // ---- 2. Stance matrix and who moved ----------------------------------------------------------------

    /// <summary>Rows the matrix page reads for its first screen (Virtualize asks for the rows in view plus some overscan).</summary>
    public const int ScreenRows = 50;

    /// <summary>What the stance page computes to show its first screen: columns, row count, the first rows' cells, and (with a comparison date) who moved across every cell.</summary>
    public async Task<ScenarioOutput> MatrixScreenOursAsync(DateOnly asOf, DateOnly? since = null)
    {
        var filter = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { AsOf = asOf, Since = since });
        var queries = Get<StanceQueries>();
        var matrix = await queries.GetMatrixAsync(filter);
        var rows = await queries.GetRowsAsync(filter, 0, ScreenRows);
        return Summarise([.. rows.SelectMany(r => r.Cells.Values.Select(c => (c.PositionId, c.Stance == Stance.Opposes, c.Changed)))],
            matrix.Changes?.Total);
    }

    /// <summary>Every cell of the matrix as of a day: the position in force in each (what the stances export reads).</summary>
    public async Task<ScenarioOutput> MatrixAllOursAsync(DateOnly asOf)
    {
        var filter = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { AsOf = asOf });
        var ids = await Get<StanceQueries>().LatestPositionIdsAsync(filter);
        return new ScenarioOutput(ids.Count, ids.Sum(i => (long)i).ToString(CultureInfo.InvariantCulture), "");
    }

    /// <summary>
    /// The fastest SQL we found for every cell as of a day: one pass down the (actor, issue, as-of) index, grouping
    /// by cell, with SQLite's "bare column" rule picking the row of the latest as-of date in each group.
    /// </summary>
    public async Task<ScenarioOutput> MatrixAllPeerAsync(DateOnly asOf)
    {
        await using var c = await OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT Id, Stance, MAX(AsOf) FROM Positions WHERE AsOf <= @asof AND RetractedAt IS NULL GROUP BY ActorId, IssueId";
        command.Parameters.AddWithValue("@asof", DashboardFilter.Iso(asOf));
        long rows = 0, sum = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            sum += reader.GetInt64(0);
            _ = reader.GetString(1);
        }
        return new ScenarioOutput(rows, sum.ToString(CultureInfo.InvariantCulture), "");
    }

    /// <summary>Who moved between two days across every cell, and the 200 most recent moves with names: what the page's list shows.</summary>
    public async Task<ScenarioOutput> WhoMovedOursAsync(DateOnly asOf, DateOnly since)
    {
        var filter = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { AsOf = asOf, Since = since });
        var matrix = await Get<StanceQueries>().GetMatrixAsync(filter);
        var changes = matrix.Changes!;
        return new ScenarioOutput(changes.Total, $"{changes.Latest.Count} listed", changes.Latest.Count > 0 ? $"{changes.Latest[0].Actor.Slug}|{changes.Latest[0].IssueSlug}" : "");
    }

    /// <summary>
    /// The fastest SQL we found for the same answer, change-driven: only the cells with a position dated inside the
    /// window, each compared with its stance on the comparison day; the 200 most recent with names, chosen in SQL.
    /// </summary>
    public async Task<ScenarioOutput> WhoMovedPeerAsync(DateOnly asOf, DateOnly since)
    {
        await using var c = await OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = """
            WITH moved AS (
              SELECT w.ActorId, w.IssueId,
                (SELECT q.Stance || '|' || q.AsOf FROM Positions q WHERE q.ActorId = w.ActorId AND q.IssueId = w.IssueId AND q.AsOf <= @asof
                   AND q.RetractedAt IS NULL ORDER BY q.AsOf DESC LIMIT 1) AS Now,
                (SELECT q.Stance FROM Positions q WHERE q.ActorId = w.ActorId AND q.IssueId = w.IssueId AND q.AsOf <= @since
                   AND q.RetractedAt IS NULL ORDER BY q.AsOf DESC LIMIT 1) AS Before
              FROM (SELECT DISTINCT ActorId, IssueId FROM Positions WHERE AsOf > @since AND AsOf <= @asof AND RetractedAt IS NULL) w),
            changes AS (SELECT * FROM moved WHERE Before IS NULL OR Before <> substr(Now, 1, instr(Now, '|') - 1))
            SELECT (SELECT COUNT(*) FROM changes), a.Slug, i.Slug, a.Name, i.Name
            FROM (SELECT *, substr(Now, instr(Now, '|') + 1) AS AsOf FROM changes ORDER BY AsOf DESC, ActorId, IssueId LIMIT 200) t
            JOIN Actors a ON a.Id = t.ActorId JOIN Issues i ON i.Id = t.IssueId
            ORDER BY t.AsOf DESC, a.Name, i.Name
            """;
        command.Parameters.AddWithValue("@asof", DashboardFilter.Iso(asOf));
        command.Parameters.AddWithValue("@since", DashboardFilter.Iso(since));
        long total = 0;
        var listed = 0;
        var first = "";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            total = reader.GetInt64(0);
            if (listed++ == 0)
            {
                first = $"{reader.GetString(1)}|{reader.GetString(2)}";
            }
        }
        return new ScenarioOutput(total, $"{listed} listed", first);
    }

    private static ScenarioOutput Summarise(List<(int Id, bool Opposes, bool Changed)> cells, int? changes) =>
        new(cells.Count, cells.Sum(c => (long)c.Id).ToString(CultureInfo.InvariantCulture),
            $"{cells.Count(c => c.Opposes)} opposes, {cells.Count(c => c.Changed)} changed on screen, {changes?.ToString(CultureInfo.InvariantCulture) ?? "-"} changed in all");

    private const string CellSql = """
        SELECT p.Id, p.ActorId, p.IssueId, p.Stance, p.AsOf, p.AsOfPrecision, p.Summary{0}
        FROM Actors a CROSS JOIN Issues i
        JOIN Positions p ON p.Id = (SELECT q.Id FROM Positions q WHERE q.ActorId = a.Id AND q.IssueId = i.Id AND q.AsOf <= @asof
                                    ORDER BY q.AsOf DESC LIMIT 1)
        {1}
        """;

    private const string BeforeColumn = """
        ,
               (SELECT q.Stance FROM Positions q WHERE q.ActorId = a.Id AND q.IssueId = i.Id AND q.AsOf <= @since ORDER BY q.AsOf DESC LIMIT 1)
        """;

    private static async Task<List<(int Id, bool Opposes, bool Changed)>> PeerCellsAsync(SqliteConnection c, DateOnly asOf, DateOnly? since, string where)
    {
        var cells = new List<(int, bool, bool)>();
        await using var command = c.CreateCommand();
        command.CommandText = string.Format(CultureInfo.InvariantCulture, CellSql, since is null ? "" : BeforeColumn, where);
        command.Parameters.AddWithValue("@asof", DashboardFilter.Iso(asOf));
        if (since is { } day)
        {
            command.Parameters.AddWithValue("@since", DashboardFilter.Iso(day));
        }
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var stance = reader.GetString(3);
            _ = reader.GetString(4);
            _ = reader.GetString(5);
            _ = reader.GetString(6);
            var changed = since is not null && (reader.IsDBNull(7) || reader.GetString(7) != stance);
            cells.Add((reader.GetInt32(0), stance == "opposes", changed));
        }
        return cells;
    }

    public async Task<ScenarioOutput> MatrixScreenPeerAsync(DateOnly asOf, DateOnly? since = null)
    {
        await using var c = await OpenAsync();
        await ReadAllAsync(c, "SELECT Id, Slug, Name, Description FROM Issues ORDER BY Name");
        await ReadAllAsync(c, "SELECT COUNT(*) FROM Actors a WHERE EXISTS (SELECT 1 FROM Positions p WHERE p.ActorId = a.Id)");
        var window = new List<long>();
        await using (var command = c.CreateCommand())
        {
            command.CommandText = "SELECT a.Id, a.Slug, a.Name, a.Side, a.Role FROM Actors a WHERE EXISTS (SELECT 1 FROM Positions p WHERE p.ActorId = a.Id) " +
                $"ORDER BY a.Side, a.Name, a.Id LIMIT {ScreenRows}";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                window.Add(reader.GetInt64(0));
            }
        }
        var cells = await PeerCellsAsync(c, asOf, since, $"WHERE a.Id IN ({string.Join(",", window)})");
        int? changes = null;
        if (since is { } day)
        {
            await using var command = c.CreateCommand();
            command.CommandText = """
                SELECT p.ActorId, p.IssueId, p.Stance, t.Before, p.AsOf, p.AsOfPrecision FROM (
                  SELECT a.Id AS ActorId, i.Id AS IssueId,
                    (SELECT q.Id FROM Positions q WHERE q.ActorId = a.Id AND q.IssueId = i.Id AND q.AsOf <= @asof ORDER BY q.AsOf DESC LIMIT 1) AS NowId,
                    (SELECT q.Stance FROM Positions q WHERE q.ActorId = a.Id AND q.IssueId = i.Id AND q.AsOf <= @since ORDER BY q.AsOf DESC LIMIT 1) AS Before
                  FROM Actors a CROSS JOIN Issues i) t
                JOIN Positions p ON p.Id = t.NowId
                WHERE t.Before IS NULL OR t.Before <> p.Stance
                """;
            command.Parameters.AddWithValue("@asof", DashboardFilter.Iso(asOf));
            command.Parameters.AddWithValue("@since", DashboardFilter.Iso(day));
            var changed = new List<(long Actor, long Issue, string AsOf)>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                changed.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetString(4)));
            }
            changes = changed.Count;
            _ = changed.OrderByDescending(x => x.AsOf, StringComparer.Ordinal).ThenBy(x => x.Actor).ThenBy(x => x.Issue).Take(StanceQueries.MaxChangesListed).ToList();
        }
        return Summarise(cells, changes);
    }

    // ---- 3. CSV export of every stance -------------------------------------------------------------------

    /// <summary>The equivalent of /export/positions.csv for the sqlite3 shell (its group_concat is ordered by sub-queries; sqlite3 here predates ORDER BY inside aggregates).</summary>
    public const string ExportPeerSql = """
        SELECT a.Slug, a.Name, a.Side, i.Slug, i.Name, p.AsOf, p.AsOfPrecision, p.Stance, p.Summary,
          (SELECT group_concat(Key, '|') FROM (SELECT s.Key FROM PositionEvidence e JOIN Statements s ON s.Id = e.StatementId
                                               WHERE e.PositionId = p.Id ORDER BY s.Key)),
          (SELECT group_concat(Title, '|') FROM (SELECT DISTINCT src.Title FROM PositionEvidence e JOIN Statements s ON s.Id = e.StatementId
                                                 JOIN Sources src ON src.Id = s.SourceId WHERE e.PositionId = p.Id ORDER BY src.Title))
        FROM Positions p JOIN Actors a ON a.Id = p.ActorId JOIN Issues i ON i.Id = p.IssueId
        ORDER BY a.Side, a.Name, a.Slug, i.Name, i.Slug, p.AsOf;
        """;

    public async Task<ScenarioOutput> ExportOursAsync(string file)
    {
        var exporter = Get<CsvExporter>();
        var everything = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty);
        long rows = 0;
        string? first = null, last = null;
        async IAsyncEnumerable<string?[]> Counted()
        {
            await foreach (var row in exporter.PositionsAsync(everything, latestOnly: false))
            {
                rows++;
                first ??= $"{row[0]},{row[3]},{row[5]}";
                last = $"{row[0]},{row[3]},{row[5]}";
                yield return row;
            }
        }
        await using (var stream = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.SequentialScan))
        {
            await exporter.WriteAsync(RecordTypes.Positions, Counted(), stream, byteOrderMark: true);
        }
        return new ScenarioOutput(rows, first ?? "", last ?? "");
    }

    public static bool HasSqlite3 => FindSqlite3() is not null;

    private static string? FindSqlite3() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "sqlite3")).FirstOrDefault(File.Exists);

    public async Task<ScenarioOutput> ExportPeerAsync(string file)
    {
        var sqlite3 = FindSqlite3() ?? throw new InvalidOperationException("sqlite3 is not installed (apt-get install sqlite3).");
        var start = new ProcessStartInfo(sqlite3) { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-csv");
        start.ArgumentList.Add("-cmd");
        start.ArgumentList.Add($".output '{file}'");
        start.ArgumentList.Add(_path);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(ExportPeerSql);
        process.StandardInput.Close();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"sqlite3 exited with {process.ExitCode}");
        }
        long rows = 0;
        string? first = null, last = null;
        using var reader = CsvHelper.CsvReader.FromFile(file, new CsvHelper.CsvReaderOptions { Separator = ',', HasHeader = false });
        while (reader.Read())
        {
            rows++;
            var key = $"{reader.GetString(0)},{reader.GetString(3)},{reader.GetString(5)}";
            first ??= key;
            last = key;
        }
        return new ScenarioOutput(rows, first ?? "", last ?? "");
    }

    // ---- 6. Saving one edit with its audit entry -------------------------------------------------------------

    private RecordEditService? _edits;
    private long _editVersion;
    public const string EditedKey = "st-0000500";

    /// <summary>An editor account in the synthetic file, signed in as a page of theirs would be, and the statement they edit.</summary>
    public async Task PrepareEditAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        const string email = "bench-editor@peacetalks.test";
        if (await users.FindByEmailAsync(email) is null)
        {
            foreach (var role in AppRoles.All)
            {
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }
            var problems = await UserAdministration.CreateAccountAsync(users, email, "Benchmark Editor", AppRoles.Editor, "a long benchmark password", false);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException(string.Join(" ", problems));
            }
        }
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync((await users.FindByEmailAsync(email))!);
        var signedIn = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(principal.Claims, IdentityConstants.ApplicationScheme));
        _edits = new RecordEditService(Get<IDbContextFactory<PeaceTalks.Web.Data.PeaceTalksDbContext>>(),
            new EditorAccess(new SignedIn(signedIn), Get<IServiceScopeFactory>()));
        _editVersion = (await _edits.LoadAsync(RecordTypes.Statements, EditedKey))!.Version;
        _editValues = new Dictionary<string, string?>((await _edits.LoadAsync(RecordTypes.Statements, EditedKey))!.Values);
    }

    private Dictionary<string, string?> _editValues = [];
    private int _editRun;

    /// <summary>Ours: the edit form's save (role check, CSV rules, plan, write, audit entry) with a new wording each run.</summary>
    public async Task<ScenarioOutput> EditOursAsync()
    {
        _editValues["text"] = $"Edited wording, run {++_editRun}";
        var result = await _edits!.SaveAsync(RecordTypes.Statements, EditedKey, _editValues, _editVersion, "benchmark");
        if (result is not SaveResult.Saved saved)
        {
            throw new InvalidOperationException($"Save failed: {result}");
        }
        _editVersion = saved.Version;
        return new ScenarioOutput(1, EditedKey, "saved");
    }

    /// <summary>The peer: the same change by hand-written SQL — version check, update, audit row — in one transaction.</summary>
    public async Task<ScenarioOutput> EditPeerAsync()
    {
        await using var c = await OpenAsync();
        await using var tx = c.BeginTransaction(deferred: false);
        await using var update = c.CreateCommand();
        update.Transaction = tx;
        update.CommandText = "UPDATE Statements SET Text = @text, Version = Version + 1 WHERE Key = @key RETURNING Id, Version";
        update.Parameters.AddWithValue("@text", $"Peer wording, run {_editRun}");
        update.Parameters.AddWithValue("@key", EditedKey);
        long id;
        await using (var reader = await update.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            id = reader.GetInt64(0);
            _editVersion = reader.GetInt64(1);
        }
        await using var audit = c.CreateCommand();
        audit.Transaction = tx;
        audit.CommandText = "INSERT INTO AuditEntries (At, UserId, UserName, EntityType, EntityId, EntityKey, Action, Changes, Note, BatchId) " +
            "VALUES (@at, NULL, 'peer', 'statement', @id, @key, 'update', @changes, NULL, NULL)";
        audit.Parameters.AddWithValue("@at", DateTime.UtcNow);
        audit.Parameters.AddWithValue("@id", id);
        audit.Parameters.AddWithValue("@key", EditedKey);
        audit.Parameters.AddWithValue("@changes", "[{\"field\":\"text\",\"old\":null,\"new\":null}]");
        await audit.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        return new ScenarioOutput(1, EditedKey, "saved");
    }

    private sealed class SignedIn(System.Security.Claims.ClaimsPrincipal user) : Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider
    {
        public override Task<Microsoft.AspNetCore.Components.Authorization.AuthenticationState> GetAuthenticationStateAsync() =>
            Task.FromResult(new Microsoft.AspNetCore.Components.Authorization.AuthenticationState(user));
    }

    /// <summary>Ours without the history: the same import with the batch record and row entries left out.</summary>
    public static async Task<ScenarioOutput> ImportWithoutAuditAsync(string database, string file)
    {
        var services = ServicesFor(database);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var report = await services.GetRequiredService<CsvImporter>().ImportAsync(stream, Path.GetFileName(file), Editor.System, audit: false);
        if (!report.Written)
        {
            throw new InvalidOperationException("Import failed: " + string.Join("; ", report.Errors.Take(3)));
        }
        return await ImportedAsync(database);
    }

    // ---- 4. CSV import of statements ---------------------------------------------------------------------

    /// <summary>Writes the statements of this data set as an import file (the export format).</summary>
    public async Task<long> WriteStatementsFileAsync(string file)
    {
        var exporter = Get<CsvExporter>();
        var everything = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty);
        await using var stream = File.Create(file);
        await exporter.WriteAsync(RecordTypes.Statements, exporter.StatementsAsync(everything), stream, byteOrderMark: true);
        return stream.Length;
    }

    // One set of app services per target file, as a running server has: the timing is the import, not EF's model building.
    private static readonly Dictionary<string, ServiceProvider> ImportServices = [];

    private static ServiceProvider ServicesFor(string database)
    {
        lock (ImportServices)
        {
            if (!ImportServices.TryGetValue(database, out var services))
            {
                ImportServices[database] = services = new ServiceCollection().AddLogging().AddPeaceTalksServices(DatabaseSettings.Sqlite(SyntheticData.ConnectionString(database))).BuildServiceProvider();
            }
            return services;
        }
    }

    public static async Task<ScenarioOutput> ImportOursAsync(string database, string file)
    {
        var services = ServicesFor(database);
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var report = await services.GetRequiredService<CsvImporter>().ImportAsync(stream, Path.GetFileName(file), Editor.System);
        if (!report.Written)
        {
            throw new InvalidOperationException("Import failed: " + string.Join("; ", report.Errors.Take(3)));
        }
        return await ImportedAsync(database);
    }

    /// <summary>
    /// The peer: the sqlite3 shell's own CSV loader (.import, in C) into a staging file, then one INSERT … SELECT that
    /// looks every reference up by its index, and one for the issue links — the fastest load of the same rows into the
    /// same schema (indexes and full-text triggers included) that we know. No checks, no history. (The INSERTs run
    /// through the app's SQLite library: Debian's sqlite3 shell is 3.40, older than the full-text options the schema uses.)
    /// </summary>
    public static async Task<ScenarioOutput> ImportPeerAsync(string database, string file)
    {
        var staging = database + ".staging";
        File.Delete(staging);
        await RunSqlite3Async(staging, $"""
            CREATE TABLE staging (key, actor, actor_name, date, date_precision, date_basis, kind, text, channel, attribution,
                                  source, via_source, meeting, issues, original_language, original_text, points,
                                  verification, checked_by, checked_at, dispute_reason, dispute_note);
            .import --csv --skip 1 '{file.Replace("'", "''")}' staging
            """);
        await using (var c = new SqliteConnection(SyntheticData.ConnectionString(database)))
        {
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandText = $"""
                PRAGMA cache_size = -262144;
                ATTACH DATABASE '{staging.Replace("'", "''")}' AS load;
                BEGIN IMMEDIATE;
                INSERT INTO Statements (Key, ActorId, Date, DatePrecision, DateBasis, Kind, Text, Channel, Attribution, SourceId, ViaSourceId,
                                        MeetingId, OriginalLanguage, OriginalText, Version)
                  SELECT s.key, a.Id, s.date, s.date_precision, s.date_basis, s.kind, s.text, s.channel, s.attribution, src.Id, via.Id, m.Id,
                         NULLIF(s.original_language, ''), NULLIF(s.original_text, ''), 1
                  FROM load.staging s JOIN Actors a ON a.Slug = s.actor JOIN Sources src ON src.Key = s.source
                  LEFT JOIN Sources via ON via.Key = s.via_source LEFT JOIN Meetings m ON m.Slug = s.meeting;
                INSERT INTO StatementIssues (StatementId, IssueId)
                  SELECT st.Id, i.Id FROM load.staging s JOIN Statements st ON st.Key = s.key,
                         json_each('["' || replace(s.issues, '|', '","') || '"]') j JOIN Issues i ON i.Slug = j.value
                  WHERE s.issues <> '';
                COMMIT;
                DETACH DATABASE load;
                """;
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        File.Delete(staging);
        return await ImportedAsync(database);
    }

    private static async Task RunSqlite3Async(string database, string script)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(database);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || errors.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 exited with {process.ExitCode}: {errors}");
        }
    }

    private static async Task<ScenarioOutput> ImportedAsync(string database)
    {
        await using var c = new SqliteConnection(SyntheticData.ConnectionString(database));
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MIN(Key), MAX(Key), (SELECT COUNT(*) FROM StatementIssues) FROM Statements";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ScenarioOutput(reader.GetInt64(0), reader.GetString(1), $"{reader.GetString(2)} ({reader.GetInt64(3)} issue links)");
    }

    /// <summary>
    /// A file copy of a WAL-mode database: the write-ahead log is folded into the main file first, since copying the
    /// main file alone leaves out whatever the log still holds and gives a corrupt copy.
    /// </summary>
    public static async Task CopyDatabaseAsync(string source, string target)
    {
        await using (var c = new SqliteConnection(SyntheticData.ConnectionString(source)))
        {
            await c.OpenAsync();
            await using var command = c.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await command.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(target + suffix);
        }
        File.Copy(source, target);
    }

    /// <summary>A copy of the data set without statements and positions (nor the plan's stances, which rest on statements): what the import scenarios load into.</summary>
    public static async Task MakeImportBaseAsync(string source, string target)
    {
        await CopyDatabaseAsync(source, target);
        await using var c = new SqliteConnection(SyntheticData.ConnectionString(target));
        await c.OpenAsync();
        await using var command = c.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = DELETE;
            DELETE FROM PointPositionEvidence; DELETE FROM PointPositions; DELETE FROM StatementPoint;
            DELETE FROM PositionEvidence; DELETE FROM Positions; DELETE FROM StatementIssues; DELETE FROM Statements;
            VACUUM; PRAGMA journal_mode = WAL;
            """;
        await command.ExecuteNonQueryAsync();
        await c.CloseAsync();
        SqliteConnection.ClearAllPools();
    }

    // ---- 5. Cold start ----------------------------------------------------------------------------------

    /// <summary>Milliseconds from starting a process to its first 200 response on <paramref name="path"/>.</summary>
    /// <summary>Publishes the web app ReadyToRun into a folder; returns the folder and how it was built.</summary>
    public static async Task<(string Folder, string HowBuilt)> PublishReadyToRunAsync(string folder)
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "PeaceTalks.sln")))
        {
            root = Path.GetDirectoryName(root);
        }
        if (root is null)
        {
            return (AppContext.BaseDirectory, "build output (no PeaceTalks.sln above the benchmark to publish from)");
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "publish", Path.Combine(root, "src", "PeaceTalks.Web", "PeaceTalks.Web.csproj"), "-c", "Release",
            "-r", System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier, "--self-contained", "false",
            "-p:PublishReadyToRun=true", "-o", folder,
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"WARNING publish failed, cold start measures the build output instead:\n{await output}{await errors}");
            return (AppContext.BaseDirectory, "build output (ReadyToRun publish failed)");
        }
        return (folder, "published ReadyToRun");
    }

    /// <summary>
    /// Starts a server process, waits for its first 200, then has <paramref name="readers"/> clients fetch
    /// <paramref name="path"/> back to back (as a browser does: asking for Brotli, reading the whole body) for a
    /// warm-up and then for <paramref name="duration"/>. Returns pages served per second and the latency of each.
    /// </summary>
    public static async Task<(double PagesPerSecond, Stats Latency, long Pages, long Failures)> ReadersAsync(
        ProcessStartInfo start, int port, string path, int readers, TimeSpan warmup, TimeSpan duration)
    {
        await using var server = await RunningServer.StartAsync(start, port, path, readers);
        var http = server.Http;
        var url = server.Url(path);

        async Task<(List<double> Ms, long Failures)> Loop(DateTime until)
        {
            var ms = new List<double>();
            long failures = 0;
            var clock = new Stopwatch();
            while (DateTime.UtcNow < until)
            {
                clock.Restart();
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                await response.Content.CopyToAsync(Stream.Null);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    ms.Add(clock.Elapsed.TotalMilliseconds);
                }
                else
                {
                    failures++;
                }
            }
            return (ms, failures);
        }

        var warm = DateTime.UtcNow + warmup;
        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(() => Loop(warm))));
        var took = Stopwatch.StartNew();
        var until = DateTime.UtcNow + duration;
        var loops = await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(() => Loop(until))));
        var seconds = took.Elapsed.TotalSeconds;
        var all = loops.SelectMany(l => l.Ms).ToList();
        return (all.Count / seconds, Stats.From(all), all.Count, loops.Sum(l => l.Failures));
    }

    // ---- 8. Open data over HTTP: API page, feed, 304 -----------------------------------------------------

    /// <summary>The API's first page of statements for the timeline benchmark's actor + range filter.</summary>
    public static string ApiPath(SyntheticSize size)
    {
        var filter = ActorAndRangeFor(size);
        return $"/api/v1/statements?actor={filter.Actors[0]}&from={DashboardFilter.Iso(filter.From!.Value)}&to={DashboardFilter.Iso(filter.To!.Value)}&limit={PageSize}";
    }

    /// <summary>What the timeline page reads for the same filter, statements only (the API's peer).</summary>
    public Task<ScenarioOutput> TimelineStatementsOursAsync() => TimelineOursAsync(ActorAndRange with { Kind = ItemKind.Statements });

    public static async Task<ScenarioOutput> ApiPageAsync(RunningServer server, string path)
    {
        using var response = await server.Http.GetAsync(server.Url(path));
        response.EnsureSuccessStatusCode();
        await using var body = await BodyAsync(response);
        using var json = await System.Text.Json.JsonDocument.ParseAsync(body);
        var keys = json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString() ?? "").ToList();
        return new ScenarioOutput(keys.Count, keys.FirstOrDefault() ?? "", keys.LastOrDefault() ?? "");
    }

    /// <summary>The Atom feed for one actor: its entries counted.</summary>
    public static async Task<ScenarioOutput> FeedAsync(RunningServer server, string actor)
    {
        using var response = await server.Http.GetAsync(server.Url($"/feeds/statements.atom?actor={actor}"));
        response.EnsureSuccessStatusCode();
        await using var body = await BodyAsync(response);
        var entries = (await System.Xml.Linq.XDocument.LoadAsync(body, System.Xml.Linq.LoadOptions.None, CancellationToken.None)).Root!.Elements(System.Xml.Linq.XName.Get("entry", "http://www.w3.org/2005/Atom")).Count();
        return new ScenarioOutput(entries, "", "");
    }

    /// <summary>The body as a script reads it: the client asked for Brotli, so it unpacks it.</summary>
    private static async Task<Stream> BodyAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStreamAsync();
        return response.Content.Headers.ContentEncoding.Contains("br")
            ? new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress)
            : body;
    }

    /// <summary>What the feed reads: the actor's newest 50 statements through the timeline query, in process.</summary>
    public async Task<ScenarioOutput> FeedQueryAsync(string actor)
    {
        var resolved = await Get<FilterResolver>().ResolveAsync(DashboardFilter.Empty with { Actors = [actor], Kind = ItemKind.Statements });
        var page = await Get<TimelineQueries>().GetPageAsync(resolved, pageSize: Web.Api.StatementFeed.Entries);
        return new ScenarioOutput(page.Items.Count, "", "");
    }

    /// <summary>The same API request again with the entity tag of the copy the client holds: 304, no body.</summary>
    public static async Task<ScenarioOutput> NotModifiedAsync(RunningServer server, string path, string etag)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, server.Url(path));
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        using var response = await server.Http.SendAsync(request);
        return new ScenarioOutput(response.StatusCode == HttpStatusCode.NotModified ? 1 : 0, "", "");
    }

    /// <summary>The peer for a 304: the empty app's GET /.</summary>
    public static async Task<ScenarioOutput> HelloAsync(RunningServer server)
    {
        using var response = await server.Http.GetAsync(server.Url("/"));
        await response.Content.CopyToAsync(Stream.Null);
        return new ScenarioOutput(response.StatusCode == HttpStatusCode.OK ? 1 : 0, "", "");
    }

    /// <summary>Process start → first 200 on <paramref name="path"/>, then the process is stopped (all inside the timing).</summary>
    public static async Task<ScenarioOutput> ColdStartAsync(ProcessStartInfo start, int port, string path)
    {
        await using var server = await RunningServer.StartAsync(start, port, path);
        return new ScenarioOutput(1, "OK", server.FirstAnswerBytes.ToString(CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
