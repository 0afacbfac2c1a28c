using Npgsql;

namespace PeaceTalks.BrowserTests.Infrastructure;

/// <summary>
/// The throw-away PostgreSQL server of .ci/with-postgres (PEACETALKS_TEST_POSTGRES). With PEACETALKS_TEST_PROVIDER=Postgres
/// every test app runs on a database of its own there; the two-node test always needs it. Under CI=true a missing
/// server is a failure, elsewhere the tests that need it say how to run them and are skipped.
/// </summary>
public static class TestPostgresServer
{
    public static bool Enabled =>
        string.Equals(Environment.GetEnvironmentVariable("PEACETALKS_TEST_PROVIDER"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("PEACETALKS_TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>The server's connection string, or a skip (a failure under CI=true) that says how to start one.</summary>
    public static string Require()
    {
        if (AdminConnectionString is { } value)
        {
            return value;
        }
        const string message = "No PostgreSQL server: run the tests through `bash .ci/with-postgres dotnet test …` (it starts a throw-away one).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }
        Assert.Skip(message);
        return null!;
    }

    public static string NewName() => $"pt_browser_{Guid.NewGuid():N}";

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(Require()) { Database = database }.ToString();

    public static async Task DropAsync(string database)
    {
        if (AdminConnectionString is not { } admin)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(admin) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
