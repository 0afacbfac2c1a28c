using PeaceTalks.Web.Accounts;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Extensions;

if (args is ["--health-probe", var healthUrl])
{
    return await HealthProbe.RunAsync(healthUrl);
}

var builder = WebApplication.CreateBuilder(AppContentRoot.Options(args));
builder.Services.AddRazorComponents().AddInteractiveServerComponents().SizedForTheLongestField();
builder.Services.AddApiReferencePage();
try
{
    builder.AddPeaceTalks();
}
catch (DatabaseStartupException ex)
{
    Console.Error.WriteLine($"PeaceTalks cannot start. {ex.Message}");
    return 1;
}

var app = builder.Build();
if (!await app.InitialiseDatabaseAsync())
{
    await app.DisposeAsync(); // flushes the log line that says why
    return 1;
}
app.UsePeaceTalks();
app.AnnounceSetupCode();
app.Run();
return 0;

/// <summary>Entry point, public so the test host can start the app.</summary>
public partial class Program;
