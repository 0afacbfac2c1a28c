using System.Diagnostics;
using System.Text;
using Npgsql;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Tests.Csv;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Data;

/// <summary>
/// The backup and restore docs/operations.md gives for each provider (sqlite3 .backup; pg_dump and pg_restore), run for real:
/// the restored database exports byte for byte what the original did.
/// </summary>
public sealed class BackupTests
{
    [Fact]
    public async Task ARestoredBackupExportsTheSameCsvBytesAsTheOriginal()
    {
        await using var original = await TestDatabase.CreateAsync();
        // More than the seed: rows an editor imported, with their audit entries.
        var import = await original.Get<CsvImporter>().ImportAsync(
            CsvTestFiles.Utf8(CsvTestFiles.File(Enumerable.Range(0, 50).Select(i => CsvTestFiles.StatementRow(i, text: $"Ми {i} Šefčovič")))),
            "statements.csv", Editor.System, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(import.Written, string.Join("; ", import.Errors.Take(3)));
        var before = await CsvTestFiles.ExportAllAsync(original);

        await using var restored = original.PostgresName is null ? await SqliteBackupAsync(original) : await PostgresBackupAsync(original);
        var after = await CsvTestFiles.ExportAllAsync(restored);

        Assert.Equal(CsvTestFiles.TableOrder, after.Keys);
        Assert.True(before["statements"].Length > 10_000, "The export is too small to tell much");
        foreach (var table in CsvTestFiles.TableOrder)
        {
            Assert.True(before[table].AsSpan().SequenceEqual(after[table]), $"{table}.csv differs after the restore");
        }
        // Search works on the restored copy too (its index came back with it).
        var found = await restored.Get<PeaceTalks.Web.Services.SearchQueries>().SearchAsync("ми šefčovič", TestContext.Current.CancellationToken);
        Assert.Contains(found, hit => hit.Kind == PeaceTalks.Web.Services.SearchHitKind.Statement && hit.Title.Contains("Ми", StringComparison.Ordinal));
    }

    /// <summary>sqlite3's .backup: a consistent copy of a live database file.</summary>
    private static async Task<TestDatabase> SqliteBackupAsync(TestDatabase original)
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-restore-").FullName;
        var copy = Path.Combine(folder, "peacetalks.db");
        await RunAsync("sqlite3", original.FilePath, $".backup '{copy}'");
        return TestDatabase.Open(folder, null);
    }

    /// <summary>pg_dump in the custom format, then pg_restore into a new, empty database.</summary>
    private static async Task<TestDatabase> PostgresBackupAsync(TestDatabase original)
    {
        var folder = Directory.CreateTempSubdirectory("peacetalks-restore-").FullName;
        var dump = Path.Combine(folder, "peacetalks.dump");
        await RunAsync(PostgresTool("pg_dump"), "--format=custom", $"--file={dump}", $"--dbname={Uri(original.PostgresName!)}");
        var name = TestPostgres.NewName();
        await using (var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0", admin);
            await create.ExecuteNonQueryAsync();
        }
        await RunAsync(PostgresTool("pg_restore"), "--no-owner", $"--dbname={Uri(name)}", dump);
        return TestDatabase.Open(folder, name);
    }

    private static string Uri(string database)
    {
        var b = new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString);
        return $"postgresql://{System.Uri.EscapeDataString(b.Username!)}@{b.Host}:{b.Port}/{database}";
    }

    /// <summary>The PostgreSQL client program on the PATH, or in Debian's versioned folder.</summary>
    private static string PostgresTool(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name))
            .Concat(Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql").Order().Reverse().Select(d => Path.Combine(d, "bin", name)) : [])
            .FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not installed (apt-get install postgresql-client)");

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await errors}");
    }
}
