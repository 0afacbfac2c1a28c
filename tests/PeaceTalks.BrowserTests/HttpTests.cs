using System.Net;
using PeaceTalks.BrowserTests.Infrastructure;

namespace PeaceTalks.BrowserTests;

/// <summary>The CSV endpoints and error responses over plain HTTP, against the same running app.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HttpTests(BrowserFixture fixture)
{
    private HttpClient Client() => new() { BaseAddress = new Uri(fixture.App.BaseUrl) };

    [Theory]
    [InlineData("stances")]
    [InlineData("positions")]
    [InlineData("statements")]
    [InlineData("meetings")]
    [InlineData("actors")]
    [InlineData("issues")]
    [InlineData("sources")]
    public async Task EveryTableDownloadsAsADatedUtf8CsvAttachment(string table)
    {
        using var client = Client();

        using var response = await client.GetAsync($"/export/{table}.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Matches($@"^peacetalks-{table}-\d{{4}}-\d{{2}}-\d{{2}}\.csv$", response.Content.Headers.ContentDisposition.FileName);
        Assert.True(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
    }

    [Theory]
    [InlineData("statements", HttpStatusCode.OK)]
    [InlineData("changes", HttpStatusCode.OK)]
    [InlineData("nothing", HttpStatusCode.NotFound)]
    public async Task HeadOnAnExportAnswersLikeGetWithoutABody(string table, HttpStatusCode status)
    {
        using var client = Client();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, $"/export/{table}.csv"));
        using var get = await client.GetAsync($"/export/{table}.csv");

        Assert.Equal(status, head.StatusCode);
        Assert.Equal(get.StatusCode, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Content.Headers.ContentDisposition?.FileName, head.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task TheSeededTimelineTravelsCompressedInUnderThirtyKilobytes()
    {
        using var handler = new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None };
        using var client = new HttpClient(handler) { BaseAddress = new Uri(fixture.App.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/timeline");
        request.Headers.AcceptEncoding.ParseAdd("br");

        using var response = await client.SendAsync(request);
        var wire = await response.Content.ReadAsByteArrayAsync();
        await using var brotli = new System.IO.Compression.BrotliStream(new MemoryStream(wire), System.IO.Compression.CompressionMode.Decompress);
        var html = await new StreamReader(brotli).ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.True(wire.Length <= 30 * 1024, $"/timeline is {wire.Length:N0} bytes over the wire ({html.Length:N0} characters of HTML)");
        // The page is complete (every seeded statement card is in it) and its icons are references to the sprite.
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Count(html, "class=\"timeline-card statement-card"));
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Count(html, "<use href=\"[^\"]*icons[^\"]*\\.svg#voice\""));
    }

    [Fact]
    public async Task BomFalseLeavesOutTheByteOrderMarkAndAsOfNamesTheFile()
    {
        using var client = Client();

        using var response = await client.GetAsync("/export/stances.csv?asof=2025-12-02&bom=false");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("peacetalks-stances-2025-12-02.csv", response.Content.Headers.ContentDisposition!.FileName);
        Assert.StartsWith("actor,actor_name,side,issue,", text);
        // As of 2 December only four positions existed: Pompeo's two, Leavitt's and the White House's.
        Assert.Equal(5, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task AnUnknownExportIsA404WithAMessage()
    {
        using var client = Client();

        using var response = await client.GetAsync("/export/secrets.csv");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No export called 'secrets'", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/actors/nobody")]
    [InlineData("/meetings/nothing-here")]
    [InlineData("/no/such/page")]
    public async Task UnknownPagesAre404sInsideTheLayout(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("Back to the dashboard", html);
    }
}
