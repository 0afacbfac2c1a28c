using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using PeaceTalks.Benchmarks;
using PeaceTalks.Web.Filtering;

// PeaceTalks benchmarks: every scenario timed for the app's own code and for a peer on the same file in the same run.
//   dotnet run -c Release --project tests/PeaceTalks.Benchmarks -- --size small     (about two minutes)
//   dotnet run -c Release --project tests/PeaceTalks.Benchmarks -- --size full      (1,000,000 statements and positions)
// Options: --seed N, --statements N, --positions N, --actors N, --issues N, --years N, --out DIR, --reuse (keep a generated file),
//          --only timeline,matrix,plans,export,import,edit,coldstart,readers,api,review. "--name=value" works too; unknown options are refused.
//          --provider postgres: the timeline, matrix and import on PostgreSQL instead, against hand-written SQL there:
//            bash .ci/with-postgres dotnet run -c Release --project tests/PeaceTalks.Benchmarks -- --size small --provider postgres

if (args is ["--serve-hello", var helloPort])
{
    // The cold-start peer: the smallest ASP.NET Core app, started the same way as PeaceTalks.
    var helloApp = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder().Build();
    Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(helloApp, "/", () => "hello");
    await helloApp.RunAsync($"http://127.0.0.1:{helloPort}");
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (BenchUsageException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
var size = options.Size;
Directory.CreateDirectory(options.Out);
var database = Path.GetFullPath(Path.Combine(options.Out, $"synthetic-{options.SizeName}-{size.Statements}-{size.Positions}-{size.Seed}.db"));
Console.WriteLine($"PeaceTalks benchmarks — size {options.SizeName}: {size.Actors:N0} actors, {size.Issues:N0} issues, " +
    $"{size.Statements:N0} statements, {size.Positions:N0} positions, {size.Meetings:N0} meetings over {size.Years} years (seed {size.Seed})");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");

if (!options.Reuse || !File.Exists(database))
{
    var took = await SyntheticData.GenerateAsync(database, size);
    Console.WriteLine($"Generated {database} in {took.TotalSeconds:N1} s");
}
var results = new ResultLog();
var scratch = Path.GetFullPath(Path.Combine(options.Out, "scratch"));
Directory.CreateDirectory(scratch);

if (options.Provider == "postgres")
{
    try
    {
        await PostgresBenchmark.RunAsync(options, database, scratch, results);
    }
    catch (BenchUsageException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
    Report.Print(results.All, options, size);
    var pgJson = Path.Combine(options.Out, $"results-{options.SizeName}-postgres.json");
    await File.WriteAllTextAsync(pgJson, JsonSerializer.Serialize(new { options.SizeName, provider = "postgres", size, generatedAt = DateTime.UtcNow, results = results.All },
        new JsonSerializerOptions { WriteIndented = true }));
    Console.WriteLine($"JSON: {pgJson}");
    return 0;
}

await using (var scenarios = new Scenarios(database) { Size = size })
{
    var fast = (warmup: 3, runs: options.SizeName == "full" ? 25 : 20);
    if (options.Runs("timeline"))
    foreach (var (name, filter, indexed) in new[]
    {
        ("Timeline first page: one actor + 2-year range", scenarios.ActorAndRange, true),
        ("Timeline first page: text search", scenarios.TextSearch, false),
        ("Timeline first page: unfiltered", DashboardFilter.Empty, true),
    })
    {
        var r = await Harness.CompareAsync(() => scenarios.TimelineOursAsync(filter), () => scenarios.TimelinePeerAsync(filter), fast.warmup, fast.runs);
        Harness.Check(name, r.OursOutput, r.PeerOutput);
        var ratio = r.Ours.MedianMs / r.Peer.MedianMs;
        results.Add(new Result(name, r.Ours, r.Peer, r.OursOutput.Rows,
            indexed ? "≤ 2× peer and p95 ≤ 20 ms" : "≤ 2× peer",
            ratio <= 2 && (!indexed || r.Ours.P95Ms <= 20)));
    }

    if (options.Runs("matrix"))
    {
        var cells = $"{size.Actors:N0} × {size.Issues:N0}";
        var screen = await Harness.CompareAsync(() => scenarios.MatrixScreenOursAsync(scenarios.AsOf), () => scenarios.MatrixScreenPeerAsync(scenarios.AsOf), 2, 15);
        Harness.Check("matrix screen", screen.OursOutput, screen.PeerOutput);
        results.Add(new Result($"Stance matrix as of {scenarios.AsOf:yyyy-MM-dd}, first screen ({Scenarios.ScreenRows} of {size.Actors:N0} rows × {size.Issues:N0})",
            screen.Ours, screen.Peer, screen.OursOutput.Rows, "≤ 100 ms", screen.Ours.MedianMs <= 100));

        var all = await Harness.CompareAsync(() => scenarios.MatrixAllOursAsync(scenarios.AsOf), () => scenarios.MatrixAllPeerAsync(scenarios.AsOf), 2, 11);
        Harness.Check("matrix all", all.OursOutput, all.PeerOutput);
        results.Add(new Result($"Stance matrix as of {scenarios.AsOf:yyyy-MM-dd}, every cell ({cells}; peer: GROUP BY down the index)", all.Ours, all.Peer,
            all.OursOutput.Rows, "≤ 100 ms", all.Ours.MedianMs <= 100));

        var moved = await Harness.CompareAsync(() => scenarios.WhoMovedOursAsync(scenarios.AsOf, scenarios.Since),
            () => scenarios.WhoMovedPeerAsync(scenarios.AsOf, scenarios.Since), 2, 11);
        Harness.Check("who moved", moved.OursOutput, moved.PeerOutput);
        results.Add(new Result($"Who moved {scenarios.Since:yyyy-MM-dd} → {scenarios.AsOf:yyyy-MM-dd}, every cell, top 200 named (peer: change-driven SQL)",
            moved.Ours, moved.Peer, moved.OursOutput.Rows, "≤ 100 ms and ≤ 2× peer",
            moved.Ours.MedianMs <= 100 && moved.Ours.MedianMs <= 2 * moved.Peer.MedianMs));
    }

    if (options.Runs("plans"))
    {
        // The plan pages' server time: the same calls their LoadAsync makes, against hand-written SQL for the same rows.
        var runs = options.SizeName == "full" ? 40 : 30;
        var points = SyntheticData.PlanPoints;
        var page = await Harness.CompareAsync(scenarios.PlanPageOursAsync, scenarios.PlanPagePeerAsync, 5, runs);
        Harness.Check("plan page", page.OursOutput, page.PeerOutput);
        results.Add(new Result($"Plan page (latest version, {points} points × {SyntheticData.PlanActorsFor(size)} actors' stances)", page.Ours, page.Peer,
            page.OursOutput.Rows, "≤ 50 ms", page.Ours.MedianMs <= 50,
            $"rows: stance cells shown; {page.OursOutput.First}; peer: hand-written SQL, latest stance per cell by MAX(AsOf) grouped down the index"));

        var compare = await Harness.CompareAsync(scenarios.PlanCompareOursAsync, scenarios.PlanComparePeerAsync, 5, runs);
        Harness.Check("plan comparison", compare.OursOutput, compare.PeerOutput);
        results.Add(new Result($"Compare two {points}-point versions with who moved", compare.Ours, compare.Peer,
            compare.OursOutput.Rows, "≤ 50 ms", compare.Ours.MedianMs <= 50,
            $"rows: moves listed; {compare.OursOutput.First}; peer: hand-written SQL for both versions' points and stances, lineage and word diff by hand"));
    }

    if (!options.Runs("export"))
    {
    }
    else if (Scenarios.HasSqlite3)
    {
        var oursFile = Path.Combine(scratch, "export-ours.csv");
        var peerFile = Path.Combine(scratch, "export-peer.csv");
        var runs = options.SizeName == "full" ? 3 : 5;
        var export = await Harness.CompareAsync(() => scenarios.ExportOursAsync(oursFile), () => scenarios.ExportPeerAsync(peerFile), 1, runs);
        Harness.Check("export", export.OursOutput, export.PeerOutput);
        var (_, growth) = await Harness.PeakWorkingSetAsync(() => scenarios.ExportOursAsync(oursFile));
        var ratio = export.Ours.MedianMs / export.Peer.MedianMs;
        results.Add(new Result($"CSV export of every stance (peer: sqlite3 -csv)", export.Ours, export.Peer, export.OursOutput.Rows,
            "≤ 1.5× peer, ≤ 100 MB growth", ratio <= 1.5 && growth <= 100L * 1024 * 1024,
            $"peak working-set growth {growth / 1024.0 / 1024.0:N0} MB; file {new FileInfo(oursFile).Length / 1024.0 / 1024.0:N0} MB"));
    }
    else
    {
        Console.WriteLine("sqlite3 is not installed: the export scenario is left out (apt-get install sqlite3).");
    }

    if (options.Runs("import"))
    {
    var importFile = Path.Combine(scratch, "statements.csv");
    await scenarios.WriteStatementsFileAsync(importFile);
    var importBase = Path.Combine(scratch, "import-base.db");
    await Scenarios.MakeImportBaseAsync(database, importBase);
    var target = Path.Combine(scratch, "import-target.db");
    Task Reset()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(target + suffix);
        }
        File.Copy(importBase, target);
        return Task.CompletedTask;
    }
    var import = await Harness.CompareAsync(() => Scenarios.ImportOursAsync(target, importFile), () => Scenarios.ImportPeerAsync(target, importFile),
        0, options.SizeName == "full" ? 2 : 3, Reset);
    Harness.Check("import", import.OursOutput, import.PeerOutput);
    var audited = await Harness.CompareAsync(() => Scenarios.ImportOursAsync(target, importFile), () => Scenarios.ImportWithoutAuditAsync(target, importFile),
        0, options.SizeName == "full" ? 2 : 3, Reset);
    Harness.Check("import with and without audit", audited.OursOutput, audited.PeerOutput);
    results.Add(new Result("CSV import of statements with the history vs the same import without it", audited.Ours, audited.Peer,
        audited.OursOutput.Rows, "≤ 1.2× without audit", audited.Ours.MedianMs / audited.Peer.MedianMs <= 1.2,
        "the peer here is our own import with the batch record and row audit entries left out"));
    var rowsPerSecond = import.OursOutput.Rows / (import.Ours.MedianMs / 1000);
    results.Add(new Result("CSV import of statements (peer: sqlite3 .import + INSERT … SELECT)", import.Ours, import.Peer, import.OursOutput.Rows,
        "≤ 1.0× peer", import.Ours.MedianMs <= import.Peer.MedianMs,
        $"{rowsPerSecond:N0} rows/s ours, {import.PeerOutput.Rows / (import.Peer.MedianMs / 1000):N0} rows/s peer (parse + check + write, one transaction)"));
    }
}

if (options.Runs("review"))
{
    // The review queue over every statement unverified: its first page and counts, unfiltered and for one actor.
    await using var scenarios = new Scenarios(database) { Size = size };
    var review = new ReviewBenchmark(scenarios, database);
    foreach (var (name, filter) in new[] { ("every statement", DashboardFilter.Empty), ("one actor", ReviewBenchmark.OneActor) })
    {
        var r = await Harness.CompareAsync(() => review.OursAsync(filter), () => review.PeerAsync(filter), 3, options.SizeName == "full" ? 25 : 20);
        Harness.Check($"review {name}", r.OursOutput, r.PeerOutput);
        // The target is the queue as it opens; a filter narrows it through the timeline's indexes (shown, not targeted).
        var opens = filter == DashboardFilter.Empty;
        results.Add(new Result($"Review queue first page and counts, {name} ({size.Statements:N0} unverified statements; peer: hand-written SQL)",
            r.Ours, r.Peer, r.OursOutput.Rows, opens ? "≤ 100 ms" : "—", opens ? r.Ours.MedianMs <= 100 : null));
    }
}

if (options.Runs("edit"))
{
    await using var scenarios = new Scenarios(database) { Size = size };
    await scenarios.PrepareEditAsync();
    var edit = await Harness.CompareAsync(scenarios.EditOursAsync, scenarios.EditPeerAsync, 5, options.SizeName == "full" ? 60 : 40);
    results.Add(new Result($"Save one edited statement with its audit entry ({size.Statements:N0} statements)", edit.Ours, edit.Peer, 1,
        "p95 ≤ 50 ms", edit.Ours.P95Ms <= 50, "peer: hand-written UPDATE … RETURNING and INSERT of the audit row in one transaction, no checks"));
}

// Cold start and concurrent readers run the app as its own process, the way it is deployed: published ReadyToRun
// (what deploy/Dockerfile builds), so it starts from precompiled code as the framework under the empty peer does.
if (options.Runs("coldstart") || options.Runs("readers") || options.Runs("api"))
try
{
    var (webFolder, howBuilt) = await Scenarios.PublishReadyToRunAsync(Path.GetFullPath(Path.Combine(scratch, "publish")));
    var webDll = Path.Combine(webFolder, "PeaceTalks.Web.dll");
    var copy = Path.Combine(scratch, "coldstart.db");
    await Scenarios.CopyDatabaseAsync(database, copy);
    ProcessStartInfo Ours(int port, string file)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = webFolder };
        start.ArgumentList.Add(webDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ConnectionStrings__PeaceTalks"] = SyntheticData.ConnectionString(file);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }
    ProcessStartInfo Peer(int port)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PeaceTalks.Benchmarks.dll"));
        start.ArgumentList.Add("--serve-hello");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        return start;
    }
    var port = 5600;

    if (options.Runs("readers"))
    {
        // The seeded dashboard: a new database file, seeded from data/ when the app starts.
        var seeded = Path.Combine(scratch, "readers-seed.db");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(seeded + suffix);
        }
        var filteredPath = Scenarios.ActorAndRangeFor(size).ToUrl("/timeline");
        var (warm, measure) = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(options.SizeName == "full" ? 15 : 10));
        var peerLoad = await Scenarios.ReadersAsync(Peer(++port), port, "/", Scenarios.Readers, warm, measure);
        foreach (var (name, file, path, floor) in new[]
        {
            ("seeded dashboard, /timeline", seeded, "/timeline", 250),
            ($"{size.Statements:N0} statements, {filteredPath}", copy, filteredPath, 150),
        })
        {
            var load = await Scenarios.ReadersAsync(Ours(++port, file), port, path, Scenarios.Readers, warm, measure);
            results.Add(new Result($"{Scenarios.Readers} concurrent readers on loopback: {name} (peer: empty app GET /)",
                load.Latency, peerLoad.Latency, load.Pages, $"≥ {floor} pages/s, p95 ≤ 100 ms",
                load.PagesPerSecond >= floor && load.Latency.P95Ms <= 100 && load.Failures == 0,
                $"{load.PagesPerSecond:N0} pages/s ours ({load.Failures} not 200), {peerLoad.PagesPerSecond:N0} requests/s peer; {measure.TotalSeconds:N0} s after {warm.TotalSeconds:N0} s warm-up; {howBuilt}"));
        }
    }

    if (options.Runs("api"))
    {
        // Open data over loopback HTTP against the app process: the API's first page against the timeline page's own
        // query for the same filter (in this process, no HTTP), the Atom feed against the query it reads, and a 304.
        var ours = Ours(++port, copy);
        ours.Environment["Api__RequestsPerMinute"] = "1000000";
        await using var app = await RunningServer.StartAsync(ours, port, "/health");
        await using var hello = await RunningServer.StartAsync(Peer(++port), port, "/");
        await using var scenarios = new Scenarios(copy) { Size = size };
        var apiPath = Scenarios.ApiPath(size);
        var runs = options.SizeName == "full" ? 60 : 40;

        var page = await Harness.CompareAsync(() => Scenarios.ApiPageAsync(app, apiPath), scenarios.TimelineStatementsOursAsync, 5, runs);
        Harness.Check("api page", page.OursOutput, page.PeerOutput);
        results.Add(new Result($"API first page {apiPath} (peer: the timeline's own query for it, in process)", page.Ours, page.Peer,
            page.OursOutput.Rows, "p95 ≤ 20 ms and ≤ 1.2× peer", page.Ours.P95Ms <= 20 && page.Ours.MedianMs <= 1.2 * page.Peer.MedianMs,
            "ours includes HTTP on loopback and JSON; the peer is the query alone"));

        var actor = Scenarios.ActorAndRangeFor(size).Actors[0];
        var feed = await Harness.CompareAsync(() => Scenarios.FeedAsync(app, actor), () => scenarios.FeedQueryAsync(actor), 5, runs);
        Harness.Check("feed", feed.OursOutput, feed.PeerOutput);
        results.Add(new Result($"Atom feed of {PeaceTalks.Web.Api.StatementFeed.Entries} statements, one actor (peer: the query it reads, in process)", feed.Ours, feed.Peer,
            feed.OursOutput.Rows, "p95 ≤ 30 ms", feed.Ours.P95Ms <= 30));

        using var first = await app.Http.GetAsync(app.Url(apiPath));
        var etag = first.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{apiPath} sent no ETag");
        var notModified = await Harness.CompareAsync(() => Scenarios.NotModifiedAsync(app, apiPath, etag), () => Scenarios.HelloAsync(hello), 20, runs * 5);
        Harness.Check("304", notModified.OursOutput, notModified.PeerOutput);
        results.Add(new Result("API 304 Not Modified for that page (If-None-Match; peer: empty ASP.NET Core app, GET /)", notModified.Ours, notModified.Peer,
            notModified.OursOutput.Rows, "p95 ≤ 2 ms", notModified.Ours.P95Ms <= 2 && notModified.OursOutput.Rows == 1));
    }

    if (options.Runs("coldstart"))
    {
    var cold = await Harness.CompareAsync(
        () => Scenarios.ColdStartAsync(Ours(++port, copy), port, "/timeline"),
        () => Scenarios.ColdStartAsync(Peer(++port), port, "/"), 1, 3);
    results.Add(new Result("Cold start: process start → first 200 of /timeline (peer: empty ASP.NET Core app, GET /)",
        cold.Ours, cold.Peer, 1, "≤ 3× peer", cold.Ours.MedianMs <= 3 * cold.Peer.MedianMs,
        $"{howBuilt}; /timeline page {cold.OursOutput.Last} bytes as sent (Brotli)"));
    }
}
catch (Exception ex) when (ex is InvalidOperationException or IOException or TimeoutException or HttpRequestException)
{
    // A failed publish or a server that never answered must not cost the figures measured before it.
    Console.WriteLine($"FAILED cold start / readers: {ex.Message}");
}

Report.Print(results.All, options, size);
var json = Path.Combine(options.Out, $"results-{options.SizeName}.json");
await File.WriteAllTextAsync(json, JsonSerializer.Serialize(new { options.SizeName, size, generatedAt = DateTime.UtcNow, results },
    new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"JSON: {json}");
return 0;
