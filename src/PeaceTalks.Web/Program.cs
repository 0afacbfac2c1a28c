using PeaceTalks.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.AddPeaceTalks();

var app = builder.Build();
if (!await app.InitialiseDatabaseAsync())
{
    await app.DisposeAsync(); // flushes the log line that says why
    return 1;
}
app.UsePeaceTalks();
app.Run();
return 0;

/// <summary>Entry point, public so the test host can start the app.</summary>
public partial class Program;
