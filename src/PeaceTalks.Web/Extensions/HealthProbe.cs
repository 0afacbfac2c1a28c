namespace PeaceTalks.Web.Extensions;

/// <summary>
/// `dotnet PeaceTalks.Web.dll --health-probe URL`: asks a health address and exits 0 when it answers 200, else 1.
/// The container image's health check uses it, since the image carries no curl or wget.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return 1;
        }
    }
}
