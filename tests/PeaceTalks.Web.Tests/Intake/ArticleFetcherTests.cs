using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PeaceTalks.Web.Intake;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>The fetch guard: what a server fetching for its users must refuse, and what it reads from a page.</summary>
public sealed class ArticleFetcherTests
{
    private static ArticleFetcher Fetcher(bool allowPrivate = false) =>
        new(Options.Create(new FetchOptions { AllowPrivateAddresses = allowPrivate, TimeoutSeconds = 5 }), NullLogger<ArticleFetcher>.Instance);

    [Theory]
    [InlineData("http://127.0.0.1:1/report")]
    [InlineData("http://localhost:1/report")]
    [InlineData("http://[::1]:1/report")]
    [InlineData("http://10.1.2.3/report")]
    [InlineData("http://192.168.0.10/report")]
    [InlineData("http://172.20.0.1/report")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0:1/")]
    [InlineData("http://[fd00::1]/report")]
    [InlineData("http://[::ffff:127.0.0.1]:1/report")]
    public async Task PrivateLoopbackAndLinkLocalAddressesAreRefusedBeforeAnyConnection(string address)
    {
        using var fetcher = Fetcher();

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => fetcher.FetchAsync(address, TestContext.Current.CancellationToken));

        Assert.Contains("private, loopback or link-local", refused.Message);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "not an http:// or https:// address")]
    [InlineData("ftp://example.org/report", "not an http:// or https:// address")]
    [InlineData("gopher://example.org/", "not an http:// or https:// address")]
    [InlineData("example.org/report", "not an http:// or https:// address")]
    [InlineData("http://user:secret@example.org/", "user name or password")]
    public async Task OnlyPlainHttpAndHttpsAddressesAreFetched(string address, string expected)
    {
        using var fetcher = Fetcher(allowPrivate: true);

        var refused = await Assert.ThrowsAsync<FetchRefusedException>(() => fetcher.FetchAsync(address, TestContext.Current.CancellationToken));

        Assert.Contains(expected, refused.Message);
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("224.0.0.1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("2001:db8::1", false)]
    public void OnlyPublicAddressesArePublic(string address, bool expected) =>
        Assert.Equal(expected, ArticleFetcher.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void APageGivesItsArticleTextHeadlineOutletAndDayWithoutTheNavigationAround()
    {
        const string html = """
            <html><head><title>Talks resume | Example Wire</title>
            <meta property="og:title" content="Talks resume in Geneva">
            <meta property="og:site_name" content="Example Wire">
            <meta property="article:published_time" content="2025-11-23T22:30:00-05:00">
            </head><body><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>
            <article><h1>Talks resume in Geneva</h1>
            <p>Delegations met again on Sunday, the first paragraph of a report long enough to be read as the article itself.</p>
            <p>A second paragraph follows, so that the page reads as an article and not as a list of links or a menu.</p>
            <p>«Мы готовы продолжать», — сказал он, a third paragraph with Cyrillic in it, kept exactly as written.</p>
            </article><footer>Cookie settings</footer></body></html>
            """;

        var article = ArticleFetcher.Extract(html, new Uri("https://wire.example/world/geneva"));

        Assert.Equal("Talks resume in Geneva", article.Title);
        Assert.Equal("Example Wire", article.Outlet);
        Assert.Equal(new DateOnly(2025, 11, 23), article.PublishedOn);
        Assert.Equal("https://wire.example/world/geneva", article.Url);
        Assert.Contains("«Мы готовы продолжать», — сказал он", article.Text);
        Assert.DoesNotContain("Cookie settings", article.Text);
        Assert.DoesNotContain("Sport", article.Text);
    }
}
