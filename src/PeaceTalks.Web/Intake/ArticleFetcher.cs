using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;

namespace PeaceTalks.Web.Intake;

/// <summary>How the intake fetches a report from an address (Intake:Fetch).</summary>
public sealed class FetchOptions
{
    /// <summary>Loopback, private, link-local and other internal addresses are refused unless this is on (tests serve pages from loopback).</summary>
    public bool AllowPrivateAddresses { get; set; }

    [Range(16, 20_480)]
    public int MaxKilobytes { get; set; } = 3_072;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;
}

/// <summary>Why a fetch was refused or failed, in words for the editor.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);

/// <summary>
/// Downloads a report on the server and extracts its text, headline, outlet and publication date (SmartReader, a port
/// of Mozilla's Readability, on AngleSharp's parser). Guarded as a server that fetches for users must be: http(s) only,
/// no private, loopback or link-local address (checked on the address actually connected to, so a DNS answer cannot
/// slip past and every redirect is checked again), a size limit and a time limit.
/// </summary>
public sealed class ArticleFetcher(IOptions<FetchOptions> options, ILogger<ArticleFetcher> logger) : IDisposable
{
    private readonly Lazy<HttpClient> _client = new(() => CreateClient(options.Value));

    public async Task<IntakeArticle> FetchAsync(string address, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var uri = Check(address, settings);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            for (var redirects = 0; ; redirects++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.ParseAdd("text/html, application/xhtml+xml, text/plain;q=0.8");
                request.Headers.UserAgent.ParseAdd("PeaceTalks/1.0 (article intake)");
                using var response = await _client.Value.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects >= settings.MaxRedirects)
                    {
                        throw new FetchRefusedException($"{Shown(uri)} redirects more than {settings.MaxRedirects} times; paste the text instead.");
                    }
                    uri = Check(new Uri(uri, location).ToString(), settings);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    throw new FetchRefusedException($"{Shown(uri)} answered {(int)response.StatusCode} {response.ReasonPhrase}: nothing to read there.");
                }
                var type = response.Content.Headers.ContentType?.MediaType ?? "text/html";
                if (type is not ("text/html" or "application/xhtml+xml" or "text/plain"))
                {
                    throw new FetchRefusedException($"{Shown(uri)} is {type}, not a web page: paste the report's text instead.");
                }
                var body = await ReadLimitedAsync(response, settings.MaxKilobytes * 1024, timeout.Token, uri);
                return type == "text/plain"
                    ? new IntakeArticle(body.Trim(), null, uri.Host, uri.ToString(), null)
                    : Extract(body, uri);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchRefusedException($"{Shown(uri)} did not answer within {settings.TimeoutSeconds} seconds.");
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchRefusedException refused)
        {
            throw refused;
        }
        catch (HttpRequestException ex)
        {
            logger.LogInformation("Fetching {Address} failed: {Problem}", uri, ex.Message);
            throw new FetchRefusedException($"{Shown(uri)} could not be reached ({ex.Message.TrimEnd('.')}).");
        }
    }

    /// <summary>The article of a page: its readable text as paragraphs, headline, outlet and publication day.</summary>
    public static IntakeArticle Extract(string html, Uri address)
    {
        var article = new SmartReader.Reader(address.ToString(), html).GetArticle();
        var document = new HtmlParser().ParseDocument(html);
        string? Meta(params string[] names) => names.Select(n =>
                document.QuerySelector($"meta[property='{n}'], meta[name='{n}'], meta[itemprop='{n}']")?.GetAttribute("content"))
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
        var text = article.IsReadable && !string.IsNullOrWhiteSpace(article.Content)
            ? IntakeService.ReduceToText(article.Content)
            : IntakeService.ReduceToText(html);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FetchRefusedException($"{Shown(address)} has no article text that PeaceTalks can read: paste the report's text instead.");
        }
        var title = FirstOf(Meta("og:title"), article.Title, document.Title);
        var outlet = FirstOf(Meta("og:site_name", "application-name"), article.SiteName, address.Host);
        var published = Day(Meta("article:published_time", "datePublished", "date", "dc.date", "pubdate"))
            ?? (article.PublicationDate is { } when ? DateOnly.FromDateTime(when) : null);
        return new IntakeArticle(text, title, outlet, address.ToString(), published);
    }

    /// <summary>An http(s) address, or the reason it is refused.</summary>
    private static Uri Check(string address, FetchOptions settings)
    {
        if (!Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new FetchRefusedException($"'{Filtering.DashboardFilter.Shorten(address)}' is not an http:// or https:// address.");
        }
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            throw new FetchRefusedException("An address with a user name or password in it is not fetched.");
        }
        // A literal address is refused here already (some, like 0.0.0.0, would never reach the connection check).
        if (!settings.AllowPrivateAddresses && IPAddress.TryParse(uri.IdnHost, out var literal) && !IsPublic(literal))
        {
            throw new FetchRefusedException(Private(uri.IdnHost));
        }
        return uri;
    }

    private static HttpClient CreateClient(FetchOptions settings)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            // The address is checked where the connection is made: whatever the name resolves to, now or after a redirect.
            ConnectCallback = async (context, cancellationToken) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, cancellationToken);
                var allowed = addresses.Where(a => settings.AllowPrivateAddresses || IsPublic(a)).ToList();
                if (allowed.Count == 0)
                {
                    throw new FetchRefusedException(addresses.Length == 0
                        ? $"{context.DnsEndPoint.Host} does not resolve to any address."
                        : Private(context.DnsEndPoint.Host));
                }
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(new IPEndPoint(allowed[0], context.DnsEndPoint.Port), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>False for loopback, private (RFC 1918, unique local), link-local, shared, multicast and unspecified addresses.</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return false;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 10 || b[0] == 0 || b[0] == 127 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127) || b[0] >= 224 || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19));
        }
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal
            || address.GetAddressBytes() is [0x20, 0x01, 0x0d, 0xb8, ..]);
    }

    private static async Task<string> ReadLimitedAsync(HttpResponseMessage response, int maxBytes, CancellationToken cancellationToken, Uri uri)
    {
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw new FetchRefusedException($"{Shown(uri)} is larger than {(maxBytes / 1024).ToString("N0", CultureInfo.InvariantCulture)} KB: paste the report's text instead.");
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new FetchRefusedException($"{Shown(uri)} is larger than {(maxBytes / 1024).ToString("N0", CultureInfo.InvariantCulture)} KB: paste the report's text instead.");
            }
            buffer.Write(chunk, 0, read);
        }
        var charset = response.Content.Headers.ContentType?.CharSet?.Trim('"');
        Encoding encoding;
        try
        {
            encoding = charset is { Length: > 0 } ? Encoding.GetEncoding(charset) : Encoding.UTF8;
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }
        return encoding.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Private(string host) =>
        $"{host} is a private, loopback or link-local address: PeaceTalks fetches only from the public internet.";

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();

    /// <summary>The day as the outlet dates it (the clock of its own offset), not the UTC day: 22:30 in New York is still that day there.</summary>
    private static DateOnly? Day(string? value) =>
        value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? DateOnly.FromDateTime(when.DateTime)
            : null;

    private static string Shown(Uri uri) => uri.Host + (uri.AbsolutePath.Length > 1 ? Filtering.DashboardFilter.Shorten(uri.AbsolutePath) : "");

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }
    }
}
