using System.Threading.RateLimiting;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports run over the page's live connection rather than an HTTP endpoint, so the import page asks this
/// limiter before reading a file. It is one budget for the whole server: SQLite has a single writer anyway,
/// and a newsroom tool needs a few imports a minute, not hundreds.
/// </summary>
public sealed class ImportRateLimiter : IDisposable
{
    public const int PermitsPerMinute = 30;

    private readonly FixedWindowRateLimiter _limiter = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = PermitsPerMinute,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
    });

    public bool TryAcquire()
    {
        using var lease = _limiter.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
