using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Benchmarks;

/// <summary>
/// --provider postgres: the same synthetic data loaded into PostgreSQL through the app's own import, then the timeline,
/// the full matrix and the statements import timed against the fastest hand-written SQL we know on PostgreSQL
/// (binary-free COPY for the import). The server comes from PEACETALKS_TEST_POSTGRES, as `bash .ci/with-postgres` sets it.
/// </summary>
internal static class PostgresBenchmark
{
    public static async Task RunAsync(BenchOptions options, string sqliteDatabase, string scratch, ResultLog results)
    {
        var admin = Environment.GetEnvironmentVariable("PEACETALKS_TEST_POSTGRES")
            ?? throw new BenchUsageException("--provider postgres needs a server: run through `bash .ci/with-postgres dotnet run …` (it sets PEACETALKS_TEST_POSTGRES).");
        var name = $"peacetalks_bench_{options.SizeName}_{options.Size.Seed}";
        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 900 }.ToString();
        var files = await ExportAsync(sqliteDatabase, scratch);
        var loaded = await LoadAsync(admin, name, connectionString, files);
        Console.WriteLine($"PostgreSQL database {name}: {loaded}");

        await using var scenarios = new Scenarios(sqliteDatabase, DatabaseSettings.Postgres(connectionString)) { Size = options.Size };
        var runs = options.SizeName == "full" ? 25 : 20;
        foreach (var (label, filter) in new[]
        {
            ("one actor + 2-year range", scenarios.ActorAndRange),
            ("text search", scenarios.TextSearch),
            ("unfiltered", DashboardFilter.Empty),
        })
        {
            var r = await Harness.CompareAsync(() => scenarios.TimelineOursAsync(filter), () => TimelinePeerAsync(connectionString, filter), 3, runs);
            Harness.Check($"timeline {label}", r.OursOutput, r.PeerOutput);
            var indexed = filter.Text is null;
            results.Add(new Result($"PostgreSQL: timeline first page, {label}", r.Ours, r.Peer, r.OursOutput.Rows,
                indexed ? "≤ 2× peer and p95 ≤ 20 ms" : "≤ 2× peer",
                r.Ours.MedianMs <= 2 * r.Peer.MedianMs && (!indexed || r.Ours.P95Ms <= 20)));
        }

        var matrix = await Harness.CompareAsync(() => scenarios.MatrixAllOursAsync(scenarios.AsOf), () => MatrixPeerAsync(connectionString, scenarios.AsOf), 2, 11);
        Harness.Check("matrix", matrix.OursOutput, matrix.PeerOutput);
        results.Add(new Result($"PostgreSQL: stance matrix as of {scenarios.AsOf:yyyy-MM-dd}, every cell (peer: DISTINCT ON down the index)",
            matrix.Ours, matrix.Peer, matrix.OursOutput.Rows, "≤ 100 ms", matrix.Ours.MedianMs <= 100));

        var statements = files.Single(f => f.EndsWith("statements.csv", StringComparison.Ordinal));
        Task Reset() => ExecuteAsync(connectionString,
            """TRUNCATE "PositionEvidence", "Positions", "StatementIssues", "StatementSearch", "Statements" RESTART IDENTITY CASCADE""");
        var import = await Harness.CompareAsync(
            () => ImportOursAsync(scenarios, connectionString, statements),
            () => ImportPeerAsync(connectionString, statements), 0, options.SizeName == "full" ? 2 : 3, Reset);
        Harness.Check("import", import.OursOutput, import.PeerOutput);
        results.Add(new Result("PostgreSQL: CSV import of statements (peer: COPY into a staging table + INSERT … SELECT)", import.Ours, import.Peer,
            import.OursOutput.Rows, "≥ peer's speed ÷ 1.5", import.Ours.MedianMs <= 1.5 * import.Peer.MedianMs,
            $"{import.OursOutput.Rows / (import.Ours.MedianMs / 1000):N0} rows/s ours, {import.PeerOutput.Rows / (import.Peer.MedianMs / 1000):N0} rows/s peer"));
    }

    /// <summary>Every table of the SQLite data set as the app's CSV export, in an order the importer can load.</summary>
    private static async Task<List<string>> ExportAsync(string sqliteDatabase, string scratch)
    {
        await using var sqlite = new Scenarios(sqliteDatabase);
        var exporter = sqlite.Service<CsvExporter>();
        var all = new ResolvedFilter(DashboardFilter.Empty, [], [], [], []);
        var files = new List<string>();
        foreach (var (format, rows) in new (RecordType, IAsyncEnumerable<string?[]>)[]
        {
            (RecordTypes.Issues, exporter.IssuesAsync()),
            (RecordTypes.Actors, exporter.ActorsAsync(all)),
            (RecordTypes.Sources, exporter.SourcesAsync()),
            (RecordTypes.Meetings, exporter.MeetingsAsync(all)),
            (RecordTypes.Statements, exporter.StatementsAsync(all)),
            (RecordTypes.Positions, exporter.PositionsAsync(all, latestOnly: false)),
        })
        {
            var file = Path.Combine(scratch, $"pg-{format.Name}.csv");
            await using (var stream = File.Create(file))
            {
                await exporter.WriteAsync(format, rows, stream, byteOrderMark: false);
            }
            files.Add(file);
        }
        return files;
    }

    private static async Task<string> LoadAsync(string admin, string name, string connectionString, List<string> files)
    {
        await using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString()))
        {
            await server.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", server);
            await drop.ExecuteNonQueryAsync();
        }
        await using (var db = new PostgresDbContext(new DbContextOptionsBuilder<PostgresDbContext>().UseNpgsql(connectionString).Options))
        {
            await db.Database.MigrateAsync();
        }
        await using var services = new Scenarios("", DatabaseSettings.Postgres(connectionString));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            var report = await services.Service<CsvImporter>().ImportAsync(stream, Path.GetFileName(file), Editor.System);
            if (!report.Written)
            {
                throw new InvalidOperationException($"Loading {file} into PostgreSQL failed: {string.Join("; ", report.Errors.Take(3))}");
            }
        }
        await ExecuteAsync(connectionString, "VACUUM ANALYZE");
        return $"loaded through the app's import in {clock.Elapsed.TotalSeconds:N0} s";
    }

    private static async Task<ScenarioOutput> ImportOursAsync(Scenarios scenarios, string connectionString, string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var report = await scenarios.Service<CsvImporter>().ImportAsync(stream, Path.GetFileName(file), Editor.System);
        if (!report.Written)
        {
            throw new InvalidOperationException("Import failed: " + string.Join("; ", report.Errors.Take(3)));
        }
        return await ImportedAsync(connectionString);
    }

    /// <summary>The peer: PostgreSQL's own CSV loader into a staging table, then one INSERT … SELECT per table. No checks, no history.</summary>
    private static async Task<ScenarioOutput> ImportPeerAsync(string connectionString, string file)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var transaction = await c.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TEMP TABLE staging (key text, actor text, actor_name text, date text, date_precision text, date_basis text, kind text,
              text text, channel text, attribution text, source text, via_source text, meeting text, issues text,
              original_language text, original_text text, points text,
              verification text, checked_by text, checked_at text, dispute_reason text, dispute_note text) ON COMMIT DROP
            """, c, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var writer = await c.BeginTextImportAsync("COPY staging FROM STDIN (FORMAT csv, HEADER true)"))
        {
            using var reader = new StreamReader(file);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await reader.ReadAsync(buffer)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO "Statements" ("Key", "ActorId", "Date", "DatePrecision", "DateBasis", "Kind", "Text", "Channel", "Attribution",
                                      "SourceId", "ViaSourceId", "MeetingId", "OriginalLanguage", "OriginalText", "Version")
              SELECT s.key, a."Id", s.date::date, s.date_precision, s.date_basis, s.kind, s.text, s.channel, s.attribution, src."Id", via."Id",
                     m."Id", NULLIF(s.original_language, ''), NULLIF(s.original_text, ''), 1
              FROM staging s JOIN "Actors" a ON a."Slug" = s.actor JOIN "Sources" src ON src."Key" = s.source
              LEFT JOIN "Sources" via ON via."Key" = s.via_source LEFT JOIN "Meetings" m ON m."Slug" = s.meeting;
            INSERT INTO "StatementIssues" ("StatementId", "IssueId")
              SELECT st."Id", i."Id" FROM staging s JOIN "Statements" st ON st."Key" = s.key
              CROSS JOIN LATERAL unnest(string_to_array(s.issues, '|')) AS j(slug) JOIN "Issues" i ON i."Slug" = j.slug
              WHERE s.issues <> '';
            """, c, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
        return await ImportedAsync(connectionString);
    }

    private static async Task<ScenarioOutput> ImportedAsync(string connectionString)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT COUNT(*), MIN("Key" COLLATE "C"), MAX("Key" COLLATE "C"), (SELECT COUNT(*) FROM "StatementIssues") FROM "Statements" """, c);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new ScenarioOutput(reader.GetInt64(0), reader.GetString(1), $"{reader.GetString(2)} ({reader.GetInt64(3)} issue links)");
    }

    /// <summary>The timeline's first page in hand-written SQL: the same two keyset reads and two look-ups as the app.</summary>
    private static async Task<ScenarioOutput> TimelinePeerAsync(string connectionString, DashboardFilter filter)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        int? actorId = null;
        if (filter.Actors.Count > 0)
        {
            await using var lookup = new NpgsqlCommand("""SELECT "Id" FROM "Actors" WHERE "Slug" = @slug""", c);
            lookup.Parameters.AddWithValue("slug", filter.Actors[0]);
            actorId = (int?)await lookup.ExecuteScalarAsync();
        }
        var statementWhere = new List<string> { """s."RetractedAt" IS NULL""" };
        var meetingWhere = new List<string> { """m."RetractedAt" IS NULL""" };
        if (actorId is not null)
        {
            statementWhere.Add("""s."ActorId" = @actor""");
            meetingWhere.Add("""EXISTS (SELECT 1 FROM "MeetingParticipants" mp WHERE mp."MeetingId" = m."Id" AND mp."ActorId" = @actor)""");
        }
        if (filter.From is not null)
        {
            statementWhere.Add("""s."Date" >= @from""");
            meetingWhere.Add("""m."Date" >= @from""");
        }
        if (filter.To is not null)
        {
            statementWhere.Add("""s."Date" <= @to""");
            meetingWhere.Add("""m."Date" <= @to""");
        }
        if (filter.Text is not null)
        {
            statementWhere.Add("""s."Id" IN (SELECT "Id" FROM "StatementSearch" WHERE "Document" @@ to_tsquery('simple', unaccent(@q)))""");
            meetingWhere.Add("""m."Id" IN (SELECT "Id" FROM "MeetingSearch" WHERE "Document" @@ to_tsquery('simple', unaccent(@q)))""");
        }
        void Bind(NpgsqlCommand command)
        {
            if (actorId is not null) command.Parameters.AddWithValue("actor", actorId);
            if (filter.From is { } from) command.Parameters.AddWithValue("from", from);
            if (filter.To is { } to) command.Parameters.AddWithValue("to", to);
            if (filter.Text is { } text) command.Parameters.AddWithValue("q", SearchText.Parse(text)!.ToTsQuery());
        }
        var take = Scenarios.PageSize + 1;
        var items = new List<(DateOnly Date, int Kind, int Id, string Key)>();
        await using (var statements = new NpgsqlCommand($"""
            SELECT s."Id", s."Key", s."Date", a."Slug", a."Name", a."Role", a."Side", s."Text", s."Kind", s."DatePrecision", s."DateBasis",
                   s."Channel", s."Attribution", src."Key", src."Title", src."Outlet", src."Url", src."PublishedOn", via."Key", via."Title", m."Slug", m."Title"
            FROM "Statements" s JOIN "Actors" a ON a."Id" = s."ActorId" JOIN "Sources" src ON src."Id" = s."SourceId"
            LEFT JOIN "Sources" via ON via."Id" = s."ViaSourceId" LEFT JOIN "Meetings" m ON m."Id" = s."MeetingId"
            WHERE {string.Join(" AND ", statementWhere)} ORDER BY s."Date" DESC, s."Id" DESC LIMIT {take}
            """, c))
        {
            Bind(statements);
            await using var reader = await statements.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add((reader.GetFieldValue<DateOnly>(2), 0, reader.GetInt32(0), reader.GetString(1)));
                for (var i = 3; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        await using (var meetings = new NpgsqlCommand($"""
            SELECT m."Id", m."Slug", m."Date", m."Title", m."Place", m."Outcome", src."Key", src."Title"
            FROM "Meetings" m JOIN "Sources" src ON src."Id" = m."SourceId"
            WHERE {string.Join(" AND ", meetingWhere)} ORDER BY m."Date" DESC, m."Id" DESC LIMIT {take}
            """, c))
        {
            Bind(meetings);
            await using var reader = await meetings.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                items.Add((reader.GetFieldValue<DateOnly>(2), 1, reader.GetInt32(0), "m:" + reader.GetString(1)));
                for (var i = 3; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }
        var page = items.OrderByDescending(i => i.Date).ThenByDescending(i => i.Kind).ThenByDescending(i => i.Id).Take(Scenarios.PageSize).ToList();
        var statementIds = page.Where(i => i.Kind == 0).Select(i => i.Id).ToArray();
        var meetingIds = page.Where(i => i.Kind == 1).Select(i => i.Id).ToArray();
        await using (var issues = new NpgsqlCommand("""
            SELECT si."StatementId", i."Slug", i."Name" FROM "StatementIssues" si JOIN "Issues" i ON i."Id" = si."IssueId" WHERE si."StatementId" = ANY(@ids);
            SELECT p."MeetingId", a."Slug", a."Name", a."Side", p."Role" FROM "MeetingParticipants" p JOIN "Actors" a ON a."Id" = p."ActorId" WHERE p."MeetingId" = ANY(@mids)
            """, c))
        {
            issues.Parameters.AddWithValue("ids", statementIds);
            issues.Parameters.AddWithValue("mids", meetingIds);
            await using var reader = await issues.ExecuteReaderAsync();
            do
            {
                while (await reader.ReadAsync())
                {
                    for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
                }
            }
            while (await reader.NextResultAsync());
        }
        return new ScenarioOutput(page.Count, page.FirstOrDefault().Key ?? "", page.LastOrDefault().Key ?? "");
    }

    /// <summary>Every cell's latest live position on a day: PostgreSQL's DISTINCT ON, one pass down the (actor, issue, as-of) index.</summary>
    private static async Task<ScenarioOutput> MatrixPeerAsync(string connectionString, DateOnly asOf)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT ON ("ActorId", "IssueId") "Id", "Stance" FROM "Positions"
            WHERE "AsOf" <= @asof AND "RetractedAt" IS NULL ORDER BY "ActorId", "IssueId", "AsOf" DESC
            """, c);
        command.Parameters.AddWithValue("asof", asOf);
        long rows = 0, sum = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
            sum += reader.GetInt32(0);
            _ = reader.GetString(1);
        }
        return new ScenarioOutput(rows, sum.ToString(CultureInfo.InvariantCulture), "");
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var c = new NpgsqlConnection(connectionString);
        await c.OpenAsync();
        await using var command = new NpgsqlCommand(sql, c);
        await command.ExecuteNonQueryAsync();
    }
}
