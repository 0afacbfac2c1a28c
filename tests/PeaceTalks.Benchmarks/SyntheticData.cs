using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Benchmarks;

/// <summary>How much synthetic data to make.</summary>
public sealed record SyntheticSize(int Actors, int Issues, int Statements, int Positions, int Meetings, int Years, int Seed = 20251203)
{
    public static SyntheticSize Tiny { get; } = new(40, 8, 2_000, 1_500, 100, 3);
    public static SyntheticSize Small { get; } = new(1_000, 100, 100_000, 100_000, 2_000, 10);
    public static SyntheticSize Full { get; } = new(1_000, 100, 1_000_000, 1_000_000, 10_000, 10);

    public static DateOnly FirstDay { get; } = new(2016, 1, 1);
    public DateOnly LastDay => FirstDay.AddYears(Years).AddDays(-1);
}

/// <summary>
/// Writes a deterministic synthetic data set (fixed seed) into a SQLite file through the app's own migrations,
/// bulk-inserted with prepared commands in one transaction. Realistic shapes: a few actors say most, several
/// positions per actor and issue over time, Latin and Cyrillic names, quotes of varied length. Every source is
/// labelled SYNTHETIC; the file lives under artifacts/ and never in the app's own database.
/// </summary>
public static class SyntheticData
{
    /// <summary>A word the text-search scenario looks for; about one statement in a hundred contains it.</summary>
    public const string SearchWord = "ceasefire";

    private static readonly string[] Sides =
        ["Russia", "Ukraine", "United States", "European Union", "China", "Türkiye", "United Kingdom", "United Nations"];

    private static readonly string[] LatinFirst = ["Anna", "Mark", "Olivia", "James", "Sofia", "Lukas", "Emma", "Daniel", "Clara", "Peter"];
    private static readonly string[] LatinLast = ["Novak", "Fischer", "Brennan", "Moreau", "Keller", "Santos", "Lindqvist", "Hart", "Russo", "Weber"];
    private static readonly string[] CyrillicFirst = ["Олександр", "Марія", "Дмитро", "Ірина", "Сергей", "Анна", "Михайло", "Ольга"];
    private static readonly string[] CyrillicLast = ["Коваленко", "Шевченко", "Бондаренко", "Иванов", "Петрова", "Мельник", "Соколов", "Ткаченко"];
    private static readonly string[] Words =
    [
        "talks", "security", "guarantees", "territory", "sovereignty", "sanctions", "envoy", "delegation", "compromise",
        "framework", "withdrawal", "monitoring", "humanitarian", "corridor", "prisoners", "exchange", "referendum",
        "border", "energy", "grain", "negotiation", "proposal", "red", "line", "durable", "peace", "partners", "Europe",
        "Kremlin", "Kyiv", "Washington", "progress", "constructive", "difficult", "signals", "readout", "мир", "переговори",
    ];

    public static async Task<TimeSpan> GenerateAsync(string path, SyntheticSize size)
    {
        var clock = Stopwatch.StartNew();
        if (File.Exists(path))
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = ConnectionString(path);
        var options = new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite(connectionString).Options;
        await using (var db = new SqliteDbContext(options))
        {
            await db.Database.MigrateAsync();
        }

        var random = new Random(size.Seed);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF;");
        await using var tx = connection.BeginTransaction();

        await InsertIssuesAsync(connection, tx, size);
        var sides = await InsertActorsAsync(connection, tx, size, random);
        await InsertSourcesAsync(connection, tx);
        var statementsByActor = await InsertStatementsAsync(connection, tx, size, random);
        await InsertMeetingsAsync(connection, tx, size, random, sides);
        await InsertPositionsAsync(connection, tx, size, random, statementsByActor);
        await InsertPlanAsync(connection, tx, size, new Random(size.Seed + 1), statementsByActor);

        await tx.CommitAsync();
        await Exec(connection, "ANALYZE; PRAGMA synchronous = NORMAL;");
        await connection.CloseAsync();
        SqliteConnection.ClearAllPools();
        return clock.Elapsed;
    }

    public static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60 }.ToString();

    private static Task InsertIssuesAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size) =>
        Bulk(c, tx, "INSERT INTO Issues (Slug, Name, Description) VALUES (@p0, @p1, @p2)", 3, size.Issues, (i, p) =>
        {
            p[0].Value = $"issue-{i + 1:000}";
            p[1].Value = $"Synthetic issue {i + 1:000}";
            p[2].Value = $"SYNTHETIC benchmark issue number {i + 1}.";
        });

    private static async Task<string[]> InsertActorsAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size, Random random)
    {
        var sides = new string[size.Actors];
        await Bulk(c, tx, "INSERT INTO Actors (Slug, Name, Kind, Role, Side, AlternativeNames) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)", 6, size.Actors, (i, p) =>
        {
            var cyrillic = random.Next(3) == 0;
            var name = cyrillic
                ? $"{CyrillicFirst[random.Next(CyrillicFirst.Length)]} {CyrillicLast[random.Next(CyrillicLast.Length)]}"
                : $"{LatinFirst[random.Next(LatinFirst.Length)]} {LatinLast[random.Next(LatinLast.Length)]}";
            sides[i] = Sides[random.Next(Sides.Length)];
            p[0].Value = $"actor-{i + 1:0000}";
            p[1].Value = $"{name} {i + 1}";
            p[2].Value = i % 10 == 0 ? "delegation" : "person";
            p[3].Value = "Synthetic role";
            p[4].Value = sides[i];
            p[5].Value = cyrillic ? DBNull.Value : $"{name} (transliterated)";
        });
        return sides;
    }

    private static Task InsertSourcesAsync(SqliteConnection c, SqliteTransaction tx) =>
        Bulk(c, tx, "INSERT INTO Sources (Key, Title, Outlet, Url, PublishedOn, PublishedPrecision, Kind) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)", 7, 50, (i, p) =>
        {
            p[0].Value = $"source-{i + 1:00}";
            p[1].Value = $"SYNTHETIC source {i + 1:00}";
            p[2].Value = "Synthetic Wire";
            p[3].Value = $"https://example.org/synthetic/{i + 1}";
            p[4].Value = DBNull.Value;
            p[5].Value = "day";
            p[6].Value = "news-report";
        });

    /// <summary>A skewed pick: low indexes come up far more often, so a few actors say most.</summary>
    private static int Skewed(Random random, int count) => (int)(count * Math.Pow(random.NextDouble(), 3));

    private static DateOnly RandomDay(Random random, SyntheticSize size) =>
        SyntheticSize.FirstDay.AddDays(random.Next(size.LastDay.DayNumber - SyntheticSize.FirstDay.DayNumber + 1));

    private static string Quote(Random random)
    {
        var words = 4 + (int)(60 * Math.Pow(random.NextDouble(), 2));
        var sb = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            if (w > 0)
            {
                sb.Append(' ');
            }
            sb.Append(Words[random.Next(Words.Length)]);
        }
        if (random.Next(100) == 0)
        {
            sb.Append(' ').Append(SearchWord);
        }
        return sb.Append('.').ToString();
    }

    private static async Task<List<int>[]> InsertStatementsAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size, Random random)
    {
        var byActor = Enumerable.Range(0, size.Actors).Select(_ => new List<int>()).ToArray();
        await using var links = Prepare(c, tx, "INSERT INTO StatementIssues (StatementId, IssueId) VALUES (@p0, @p1)", 2);
        await Bulk(c, tx,
            "INSERT INTO Statements (Id, Key, ActorId, Text, Kind, Date, DatePrecision, DateBasis, Channel, Attribution, SourceId, ViaSourceId, MeetingId, OriginalLanguage, OriginalText) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, NULL, NULL, NULL, NULL)", 11, size.Statements, (i, p) =>
        {
            var id = i + 1;
            var actor = Skewed(random, size.Actors);
            byActor[actor].Add(id);
            var precision = random.Next(100) switch { < 90 => "day", < 98 => "month", _ => "year" };
            var day = RandomDay(random, size);
            day = precision switch { "month" => new DateOnly(day.Year, day.Month, 1), "year" => new DateOnly(day.Year, 1, 1), _ => day };
            p[0].Value = id;
            p[1].Value = $"st-{id:0000000}";
            p[2].Value = actor + 1;
            p[3].Value = Quote(random);
            p[4].Value = random.Next(5) < 3 ? "quote" : "paraphrase";
            p[5].Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[6].Value = precision;
            p[7].Value = random.Next(5) == 0 ? "on-or-before" : "on";
            p[8].Value = random.Next(4) == 0 ? "x-post" : "interview";
            p[9].Value = random.Next(2) == 0 ? "first-hand" : "reported";
            p[10].Value = 1 + random.Next(50);
            var issues = 1 + (random.Next(4) == 0 ? 1 : 0) + (random.Next(10) == 0 ? 1 : 0);
            var first = random.Next(size.Issues);
            return () =>
            {
                for (var k = 0; k < issues; k++)
                {
                    links.Parameters[0].Value = id;
                    links.Parameters[1].Value = 1 + (first + k) % size.Issues;
                    links.ExecuteNonQuery();
                }
            };
        });
        return byActor;
    }

    private static async Task InsertMeetingsAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size, Random random, string[] sides)
    {
        await using var links = Prepare(c, tx, "INSERT INTO MeetingParticipants (MeetingId, ActorId, Role) VALUES (@p0, @p1, @p2)", 3);
        await Bulk(c, tx,
            "INSERT INTO Meetings (Id, Slug, Title, Place, Date, DatePrecision, DateBasis, DurationMinutes, Outcome, SourceId) " +
            "VALUES (@p0, @p1, @p2, @p3, @p4, 'day', 'on', @p5, @p6, 1)", 7, size.Meetings, (i, p) =>
        {
            var id = i + 1;
            p[0].Value = id;
            p[1].Value = $"meeting-{id:000000}";
            p[2].Value = $"Synthetic round {id}";
            p[3].Value = Words[random.Next(Words.Length)];
            p[4].Value = RandomDay(random, size).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            p[5].Value = 30 + random.Next(300);
            p[6].Value = "SYNTHETIC outcome.";
            var chosen = new HashSet<int>();
            var count = 2 + random.Next(4);
            while (chosen.Count < Math.Min(count, size.Actors))
            {
                chosen.Add(Skewed(random, size.Actors));
            }
            return () =>
            {
                var role = "host";
                foreach (var actor in chosen)
                {
                    links.Parameters[0].Value = id;
                    links.Parameters[1].Value = actor + 1;
                    links.Parameters[2].Value = role;
                    links.ExecuteNonQuery();
                    role = "envoy";
                }
            };
        });
    }

    private static async Task InsertPositionsAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size, Random random, List<int>[] statementsByActor)
    {
        await using var insert = Prepare(c, tx,
            "INSERT INTO Positions (Id, ActorId, IssueId, AsOf, AsOfPrecision, Stance, Summary) VALUES (@p0, @p1, @p2, @p3, 'day', @p4, @p5)", 6);
        await using var evidence = Prepare(c, tx, "INSERT INTO PositionEvidence (PositionId, StatementId) VALUES (@p0, @p1)", 2);
        string[] stances = ["supports", "leans-support", "ambiguous", "leans-against", "opposes"];
        var cells = size.Actors * size.Issues;
        var id = 0;
        var totalDays = size.LastDay.DayNumber - SyntheticSize.FirstDay.DayNumber + 1;
        for (var cell = 0; cell < cells && id < size.Positions; cell++)
        {
            // Spread the positions evenly over the cells; each cell's dates are distinct and its stance drifts.
            var perCell = size.Positions / cells + (cell < size.Positions % cells ? 1 : 0);
            var actor = cell / size.Issues;
            var issue = cell % size.Issues;
            var days = new SortedSet<int>();
            while (days.Count < Math.Min(perCell, totalDays))
            {
                days.Add(random.Next(totalDays));
            }
            var stance = random.Next(stances.Length);
            foreach (var day in days)
            {
                id++;
                stance = Math.Clamp(stance + random.Next(-1, 2), 0, stances.Length - 1);
                insert.Parameters[0].Value = id;
                insert.Parameters[1].Value = actor + 1;
                insert.Parameters[2].Value = issue + 1;
                insert.Parameters[3].Value = SyntheticSize.FirstDay.AddDays(day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                insert.Parameters[4].Value = stances[stance];
                insert.Parameters[5].Value = $"SYNTHETIC: actor {actor + 1} {stances[stance]} on issue {issue + 1}.";
                insert.ExecuteNonQuery();
                var own = statementsByActor[actor];
                evidence.Parameters[0].Value = id;
                evidence.Parameters[1].Value = own.Count > 0 ? own[random.Next(own.Count)] : 1 + random.Next(size.Statements);
                evidence.ExecuteNonQuery();
            }
        }
        await Task.CompletedTask;
    }

    // ---- The synthetic plan ----------------------------------------------------------------------------------

    /// <summary>The synthetic plan's slug: two versions of <see cref="PlanPoints"/> points, every point with the stances of <see cref="PlanActorsFor"/> actors.</summary>
    public const string PlanSlug = "synthetic-plan";

    /// <summary>Points in each of the plan's two versions.</summary>
    public const int PlanPoints = 30;

    /// <summary>Actors with a stance on every point of both versions (fewer when the data set has fewer actors).</summary>
    public static int PlanActorsFor(SyntheticSize size) => Math.Min(50, size.Actors);

    public static string PlanVersionKey(int version) => $"{PlanSlug}-v{version}";

    /// <summary>The two versions' days: 40 % into the data's years and 60 days later, away from the timeline's first pages.</summary>
    public static (DateOnly First, DateOnly Second) PlanDays(SyntheticSize size)
    {
        var first = SyntheticSize.FirstDay.AddDays((size.LastDay.DayNumber - SyntheticSize.FirstDay.DayNumber) * 2 / 5);
        return (first, first.AddDays(60));
    }

    /// <summary>How the second version's points continue the first's, in its reading order (parents are indexes into the first version).</summary>
    internal static IReadOnlyList<(string Change, int[] Parents)> SecondVersionLineage()
    {
        var points = new List<(string Change, int[] Parents)>();
        for (var i = 0; i < 12; i++) points.Add(("unchanged", [i]));
        for (var i = 12; i < 20; i++) points.Add(("reworded", [i]));
        points.Add(("merged", [20, 21]));
        points.Add(("merged", [22, 23]));
        points.Add(("split", [24]));
        points.Add(("split", [24]));
        points.Add(("split", [25]));
        points.Add(("split", [25]));
        // Four new points put in between, so the points after each are renumbered; the first version's 27–30 are dropped.
        foreach (var at in new[] { 3, 10, 17, 25 })
        {
            points.Insert(at, ("new", []));
        }
        return points;
    }

    private static string[] Stances { get; } = ["proposed", "accepts", "accepts-with-reservations", "no-position-stated", "rejects"];

    /// <summary>
    /// One plan (titled SYNTHETIC) proposed by the first of its actors, two versions of 30 points (unchanged, reworded,
    /// merged, split, new and dropped points between them), and the stances of 50 actors on every point on several
    /// days each, each resting on a statement of that actor.
    /// </summary>
    private static async Task InsertPlanAsync(SqliteConnection c, SqliteTransaction tx, SyntheticSize size, Random random, List<int>[] statementsByActor)
    {
        var actors = Enumerable.Range(0, PlanActorsFor(size)).Select(k => k * size.Actors / PlanActorsFor(size)).ToArray();
        var (firstDay, secondDay) = PlanDays(size);
        await using (var plan = Prepare(c, tx, "INSERT INTO Plans (Id, Version, Slug, Title, ProposedById, Summary) VALUES (1, 1, @p0, @p1, @p2, @p3)", 4))
        {
            plan.Parameters[0].Value = PlanSlug;
            plan.Parameters[1].Value = $"SYNTHETIC plan: {PlanPoints} points in two versions";
            plan.Parameters[2].Value = actors[0] + 1;
            plan.Parameters[3].Value = "SYNTHETIC benchmark plan: two versions of 30 points, every kind of change between them, and the stances of 50 actors.";
            plan.ExecuteNonQuery();
        }
        var planIssues = Enumerable.Range(0, Math.Min(6, size.Issues)).Select(i => i + 1).ToArray();
        await Bulk(c, tx, "INSERT INTO PlanIssue (PlanId, IssueId) VALUES (1, @p0)", 1, Math.Min(3, planIssues.Length), (i, p) => p[0].Value = planIssues[i]);
        await Bulk(c, tx,
            "INSERT INTO PlanVersions (Id, Version, Key, PlanId, Label, Date, DatePrecision, DateBasis, Status, SourceId, PointCount) " +
            "VALUES (@p0, 1, @p1, 1, @p2, @p3, 'day', 'on', @p4, @p0, @p5)", 6, 2, (i, p) =>
        {
            p[0].Value = i + 1;
            p[1].Value = PlanVersionKey(i + 1);
            p[2].Value = i == 0 ? $"{PlanPoints}-point draft" : $"{PlanPoints}-point revision";
            p[3].Value = Iso(i == 0 ? firstDay : secondDay);
            p[4].Value = i == 0 ? "reported" : "published";
            p[5].Value = PlanPoints;
        });

        // The first version's texts, as word indexes; the second's made from them as its lineage says.
        int[] NewText() => [.. Enumerable.Range(0, 10 + random.Next(26)).Select(_ => random.Next(Words.Length))];
        int Other(int word) => (word + 1 + random.Next(Words.Length - 1)) % Words.Length;
        var first = Enumerable.Range(0, PlanPoints).Select(_ => NewText()).ToList();
        var lineage = SecondVersionLineage();
        var second = new List<int[]>();
        var splitHalf = new Dictionary<int, int>();
        foreach (var (change, parents) in lineage)
        {
            int[] text = change switch
            {
                "unchanged" => first[parents[0]],
                "reworded" => Reword(first[parents[0]]),
                "merged" => [.. first[parents[0]], .. first[parents[1]].Skip(first[parents[1]].Length / 2), Other(first[parents[1]][0])],
                "split" => splitHalf.TryAdd(parents[0], 1)
                    ? [.. first[parents[0]].Take(first[parents[0]].Length / 2), random.Next(Words.Length)]
                    : [.. first[parents[0]].Skip(first[parents[0]].Length / 2), random.Next(Words.Length)],
                _ => NewText(),
            };
            second.Add(text);
        }
        int[] Reword(int[] text)
        {
            var copy = text.ToArray();
            for (var k = 0; k < 2 + random.Next(3); k++)
            {
                var at = random.Next(copy.Length);
                copy[at] = Other(copy[at]);
            }
            return random.Next(2) == 0 ? [.. copy, random.Next(Words.Length)] : copy;
        }
        static string Text(int[] words) => string.Join(' ', words.Select(w => Words[w])) + ".";

        // Points: the first version's are 1..30, the second's 31..60.
        await using var links = Prepare(c, tx, "INSERT INTO PlanPointIssue (PlanPointId, IssueId) VALUES (@p0, @p1)", 2);
        await using var continues = Prepare(c, tx, "INSERT INTO PointLineage (PlanPointId, PreviousPointId) VALUES (@p0, @p1)", 2);
        await Bulk(c, tx, "INSERT INTO PlanPoints (Id, Version, Key, PlanVersionId, Number, Kind, Text, Change) VALUES (@p0, 1, @p1, @p2, @p3, @p4, @p5, @p6)",
            7, 2 * PlanPoints, (i, p) =>
        {
            var version = i / PlanPoints + 1;
            var index = i % PlanPoints;
            var id = i + 1;
            p[0].Value = id;
            p[1].Value = $"{PlanVersionKey(version)}-p{index + 1:00}";
            p[2].Value = version;
            p[3].Value = (index + 1).ToString(CultureInfo.InvariantCulture);
            p[4].Value = random.Next(3) == 0 ? "paraphrase" : "quote";
            p[5].Value = Text(version == 1 ? first[index] : second[index]);
            p[6].Value = version == 1 ? "new" : lineage[index].Change;
            var issues = new HashSet<int> { planIssues[random.Next(planIssues.Length)], planIssues[random.Next(planIssues.Length)] };
            return () =>
            {
                foreach (var issue in issues)
                {
                    links.Parameters[0].Value = id;
                    links.Parameters[1].Value = issue;
                    links.ExecuteNonQuery();
                }
                foreach (var parent in version == 2 ? lineage[index].Parents : [])
                {
                    continues.Parameters[0].Value = id;
                    continues.Parameters[1].Value = parent + 1;
                    continues.ExecuteNonQuery();
                }
            };
        });

        // Stances: every actor on every point, on 2–4 days each. On the first version's points the first day is up to
        // 45 days before its day and the rest before the second version; on the second's, the first is up to 20 days
        // before its day (so both versions' days have a stance to compare) and the rest within 120 days after.
        await using var insert = Prepare(c, tx,
            "INSERT INTO PointPositions (Id, Version, ActorId, PlanPointId, AsOf, AsOfPrecision, Stance, Summary) VALUES (@p0, 1, @p1, @p2, @p3, 'day', @p4, @p5)", 6);
        await using var evidence = Prepare(c, tx, "INSERT INTO PointPositionEvidence (PointPositionId, StatementId) VALUES (@p0, @p1)", 2);
        var id = 0;
        var lastOnFirst = new Dictionary<(int Actor, int Point), int>();
        for (var version = 1; version <= 2; version++)
        {
            var day = version == 1 ? firstDay : secondDay;
            for (var point = 0; point < PlanPoints; point++)
            {
                foreach (var actor in actors)
                {
                    var proposer = actor == actors[0];
                    var parents = version == 2 ? lineage[point].Parents : [];
                    var stance = proposer ? 0
                        : parents.Length > 0 ? lastOnFirst[(actor, parents[0])]
                        : 1 + random.Next(Stances.Length - 1);
                    var days = new SortedSet<int> { -random.Next(version == 1 ? 46 : 21) };
                    var more = 1 + random.Next(3);
                    while (days.Count < 1 + more)
                    {
                        days.Add(version == 1 ? 1 + random.Next(59) : 1 + random.Next(120));
                    }
                    foreach (var offset in days)
                    {
                        if (!proposer && random.Next(3) == 0)
                        {
                            stance = 1 + random.Next(Stances.Length - 1);
                        }
                        id++;
                        insert.Parameters[0].Value = id;
                        insert.Parameters[1].Value = actor + 1;
                        insert.Parameters[2].Value = (version - 1) * PlanPoints + point + 1;
                        insert.Parameters[3].Value = Iso(day.AddDays(offset));
                        insert.Parameters[4].Value = Stances[stance];
                        insert.Parameters[5].Value = $"SYNTHETIC: actor {actor + 1} {Stances[stance]} on point {point + 1} of version {version}.";
                        insert.ExecuteNonQuery();
                        var own = statementsByActor[actor];
                        var statements = new HashSet<int>();
                        for (var k = random.Next(4) == 0 ? 2 : 1; k > 0; k--)
                        {
                            statements.Add(own.Count > 0 ? own[random.Next(own.Count)] : 1 + random.Next(size.Statements));
                        }
                        foreach (var statement in statements)
                        {
                            evidence.Parameters[0].Value = id;
                            evidence.Parameters[1].Value = statement;
                            evidence.ExecuteNonQuery();
                        }
                    }
                    if (version == 1)
                    {
                        lastOnFirst[(actor, point)] = stance;
                    }
                }
            }
        }
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, int parameters)
    {
        var command = c.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = $"@p{i}" });
        }
        command.Prepare();
        return command;
    }

    /// <summary>Runs one prepared insert per row; <paramref name="bind"/> returns what to insert after the row (its link rows).</summary>
    private static async Task Bulk(SqliteConnection c, SqliteTransaction tx, string sql, int parameters, int rows,
        Func<int, SqliteParameterCollection, Action?> bind)
    {
        await using var command = Prepare(c, tx, sql, parameters);
        for (var i = 0; i < rows; i++)
        {
            var after = bind(i, command.Parameters);
            command.ExecuteNonQuery();
            after?.Invoke();
        }
    }

    private static Task Bulk(SqliteConnection c, SqliteTransaction tx, string sql, int parameters, int rows,
        Action<int, SqliteParameterCollection> bind) =>
        Bulk(c, tx, sql, parameters, rows, (i, p) => { bind(i, p); return null; });

    private static async Task Exec(SqliteConnection c, string sql)
    {
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>SHA-256 over every row of every data table in id order: equal for equal content.</summary>
    public static async Task<string> ContentHashAsync(string path)
    {
        await using var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync();
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        string[] tables = ["Issues", "Actors", "Sources", "Statements", "StatementIssues", "Meetings", "MeetingParticipants", "Positions", "PositionEvidence",
            "Plans", "PlanIssue", "PlanVersions", "PlanPoints", "PlanPointIssue", "PointLineage", "PointPositions", "PointPositionEvidence"];
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY 1, 2";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    sha.AppendData(Encoding.UTF8.GetBytes(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) + "\u001f"));
                }
                sha.AppendData("\n"u8);
            }
        }
        return Convert.ToHexString(sha.GetHashAndReset());
    }

    public static async Task<long> CountAsync(string path, string table)
    {
        await using var connection = new SqliteConnection(ConnectionString(path));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
