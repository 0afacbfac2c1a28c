// The reverse proxy in front of several PeaceTalks nodes (YARP). A Blazor Server page keeps a live connection (its
// circuit) on the node that rendered it, so each browser is kept on one node by a cookie; a node that fails its
// /health/ready check, or stops answering, gets no new readers until it recovers. Its routes and nodes are in
// proxy.json (deploy/proxy.json), read from the folder of the app; other settings override it as usual
// (e.g. ReverseProxy__Clusters__peacetalks__Destinations__node1__Address).
if (args is ["--health-probe", var healthUrl])
{
    // The container's health check (the image has no curl): 0 when the address answers 200.
    using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
    try
    {
        return (await http.GetAsync(healthUrl)).IsSuccessStatusCode ? 0 : 1;
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        return 1;
    }
}

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "proxy.json"), optional: false, reloadOnChange: false);
builder.Configuration.AddEnvironmentVariables();
builder.Configuration.AddCommandLine(args);
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));

var app = builder.Build();
app.MapGet("/proxy/health", () => "ok");
app.MapReverseProxy();
app.Run();
return 0;
