namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>One seeded database shared by the read-only tests of a class.</summary>
public sealed class SeededDatabaseFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
