using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using PeaceTalks.Benchmarks;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Verification;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Benchmarks;

/// <summary>One tiny synthetic data set, generated once for the smoke tests.</summary>
public sealed class TinySyntheticFixture : IAsyncLifetime
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("peacetalks-bench-").FullName;
    public string Database => Path.Combine(Folder, "tiny.db");

    public async ValueTask InitializeAsync() => await SyntheticData.GenerateAsync(Database, SyntheticSize.Tiny);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}

// The benchmark measures the SQLite default; its smoke tests run in the SQLite pass only.
[Trait("Provider", "Sqlite")]
public sealed class BenchmarkSmokeTests(TinySyntheticFixture fixture) : IClassFixture<TinySyntheticFixture>
{
    [Fact]
    public async Task TheGeneratorIsDeterministicAndMakesTheRequestedCounts()
    {
        var again = Path.Combine(fixture.Folder, "again.db");
        var otherSeed = Path.Combine(fixture.Folder, "other.db");
        await SyntheticData.GenerateAsync(again, SyntheticSize.Tiny);
        await SyntheticData.GenerateAsync(otherSeed, SyntheticSize.Tiny with { Seed = 7 });

        Assert.Equal(await SyntheticData.ContentHashAsync(fixture.Database), await SyntheticData.ContentHashAsync(again));
        Assert.NotEqual(await SyntheticData.ContentHashAsync(fixture.Database), await SyntheticData.ContentHashAsync(otherSeed));
        var size = SyntheticSize.Tiny;
        Assert.Equal(size.Statements, await SyntheticData.CountAsync(again, "Statements"));
        Assert.Equal(size.Positions, await SyntheticData.CountAsync(again, "Positions"));
        Assert.Equal(size.Actors, await SyntheticData.CountAsync(again, "Actors"));
        Assert.Equal(size.Issues, await SyntheticData.CountAsync(again, "Issues"));
        Assert.Equal(size.Meetings, await SyntheticData.CountAsync(again, "Meetings"));
        Assert.Equal(1, await SyntheticData.CountAsync(again, "Plans"));
        Assert.Equal(2, await SyntheticData.CountAsync(again, "PlanVersions"));
        Assert.Equal(2 * SyntheticData.PlanPoints, await SyntheticData.CountAsync(again, "PlanPoints"));
        Assert.Equal(28, await SyntheticData.CountAsync(again, "PointLineage")); // 12 unchanged, 8 reworded, 2 × 2 merged, 4 split
        Assert.InRange(await SyntheticData.CountAsync(again, "PointPositions"),
            2 * 2 * SyntheticData.PlanPoints * SyntheticData.PlanActorsFor(size), 2 * 4 * SyntheticData.PlanPoints * SyntheticData.PlanActorsFor(size));
    }

    [Fact]
    public async Task TimelineScenariosReturnTheSameRowsAsTheirPeer()
    {
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };
        foreach (var filter in new[] { scenarios.ActorAndRange, scenarios.TextSearch, DashboardFilter.Empty })
        {
            var ours = await scenarios.TimelineOursAsync(filter);
            var peer = await scenarios.TimelinePeerAsync(filter);

            Assert.Equal(peer, ours);
            Assert.InRange(ours.Rows, 1, Scenarios.PageSize);
        }
    }

    [Fact]
    public async Task MatrixAndWhoMovedScenariosReturnTheSameCellsAsTheirPeer()
    {
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };

        Assert.Equal(await scenarios.MatrixScreenPeerAsync(scenarios.AsOf), await scenarios.MatrixScreenOursAsync(scenarios.AsOf));
        Assert.Equal(await scenarios.MatrixAllPeerAsync(scenarios.AsOf), await scenarios.MatrixAllOursAsync(scenarios.AsOf));
        var moved = await scenarios.MatrixScreenOursAsync(scenarios.AsOf, scenarios.Since);
        Assert.Equal(await scenarios.MatrixScreenPeerAsync(scenarios.AsOf, scenarios.Since), moved);
        var whoMoved = await scenarios.WhoMovedOursAsync(scenarios.AsOf, scenarios.Since);
        Assert.Equal(await scenarios.WhoMovedPeerAsync(scenarios.AsOf, scenarios.Since), whoMoved);
        Assert.True(whoMoved.Rows > 10, "Too few moves for the comparison to mean much");
        Assert.True((await scenarios.MatrixAllOursAsync(scenarios.AsOf)).Rows > 100);
    }

    [Fact]
    public async Task PlanScenariosReturnTheSameRowsAsTheirPeer()
    {
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };

        var page = await scenarios.PlanPageOursAsync();
        Assert.Equal(await scenarios.PlanPagePeerAsync(), page);
        // Every actor has a stance on every point of the latest version by today.
        Assert.Equal(SyntheticData.PlanPoints * SyntheticData.PlanActorsFor(SyntheticSize.Tiny), page.Rows);

        var compared = await scenarios.PlanCompareOursAsync();
        Assert.Equal(await scenarios.PlanComparePeerAsync(), compared);
        var comparison = (await scenarios.Service<PlanQueries>().CompareAsync(SyntheticData.PlanSlug, SyntheticData.PlanVersionKey(1), SyntheticData.PlanVersionKey(2)))!;
        Assert.Equal(Enum.GetValues<PointComparison>(), comparison.Points.Select(p => p.Comparison).Distinct().Order());
        Assert.Equal(SyntheticData.PlanPoints, comparison.Points.Count(p => p.After is not null));
        Assert.Contains(comparison.Points, p => p.Renumbered);
        Assert.Equal(comparison.Moves.Count, compared.Rows);
        Assert.True(compared.Rows > 50, "Too few moves for the comparison to mean much");
    }

    [Fact]
    public async Task TheExportAndTheSqliteShellWriteTheSameRows()
    {
        if (!Scenarios.HasSqlite3)
        {
            Assert.False(RepoPaths.IsCi, "sqlite3 is missing; .ci/run installs it.");
            Assert.Skip("sqlite3 is not installed, so the export peer cannot run.");
        }
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };

        var ours = await scenarios.ExportOursAsync(Path.Combine(fixture.Folder, "ours.csv"));
        var peer = await scenarios.ExportPeerAsync(Path.Combine(fixture.Folder, "peer.csv"));

        Assert.Equal(peer, ours);
        Assert.Equal(SyntheticSize.Tiny.Positions, ours.Rows);
    }

    [Fact]
    public async Task TheImportAndTheSqliteShellsImportLoadTheSameRows()
    {
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };
        var file = Path.Combine(fixture.Folder, "statements.csv");
        await scenarios.WriteStatementsFileAsync(file);
        var importBase = Path.Combine(fixture.Folder, "import-base.db");
        await Scenarios.MakeImportBaseAsync(fixture.Database, importBase);
        var oursTarget = Path.Combine(fixture.Folder, "ours.db");
        var peerTarget = Path.Combine(fixture.Folder, "peer.db");
        File.Copy(importBase, oursTarget);
        File.Copy(importBase, peerTarget);

        if (!Scenarios.HasSqlite3)
        {
            Assert.False(RepoPaths.IsCi, "sqlite3 is missing; .ci/run installs it.");
            Assert.Skip("sqlite3 is not installed, so the import peer cannot run.");
        }
        var ours = await Scenarios.ImportOursAsync(oursTarget, file);
        var peer = await Scenarios.ImportPeerAsync(peerTarget, file);

        Assert.Equal(peer, ours);
        Assert.Equal(SyntheticSize.Tiny.Statements, ours.Rows);
    }

    [Fact]
    public async Task TheColdStartScenarioGetsA200FromTheAppAndFromThePeer()
    {
        var copy = Path.Combine(fixture.Folder, "coldstart.db");
        SqliteConnection.ClearAllPools();
        File.Copy(fixture.Database, copy, overwrite: true);
        var appPort = FreePort();
        var app = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        app.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeaceTalks.Web.dll"));
        app.ArgumentList.Add("--urls");
        app.ArgumentList.Add($"http://127.0.0.1:{appPort}");
        app.Environment["ConnectionStrings__PeaceTalks"] = SyntheticData.ConnectionString(copy);
        var helloPort = FreePort();
        var hello = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        hello.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeaceTalks.Benchmarks.dll"));
        hello.ArgumentList.Add("--serve-hello");
        hello.ArgumentList.Add(helloPort.ToString());

        var ours = await Scenarios.ColdStartAsync(app, appPort, "/timeline");
        var peer = await Scenarios.ColdStartAsync(hello, helloPort, "/");

        Assert.Equal("OK", ours.First);
        Assert.Equal("OK", peer.First);
        Assert.True(int.Parse(ours.Last) > 10_000, "The timeline page came back nearly empty");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task TheReviewQueueScenarioReturnsTheSameRowsAsItsPeer()
    {
        await using var scenarios = new Scenarios(fixture.Database) { Size = SyntheticSize.Tiny };
        var review = new ReviewBenchmark(scenarios, fixture.Database);
        foreach (var filter in new[] { DashboardFilter.Empty, ReviewBenchmark.OneActor })
        {
            var ours = await review.OursAsync(filter);

            Assert.Equal(await review.PeerAsync(filter), ours);
            Assert.True(ours.Rows > ReviewQueries.PageSize, $"the queue holds only {ours.Rows} rows and items");
        }
    }
}
