using System.Threading.RateLimiting;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports run over the page's live connection rather than an HTTP endpoint, so the import page asks this limiter
/// before writing a file. Each editor has their own budget; previews (which write nothing) do not count.
/// </summary>
public sealed class ImportRateLimiter : IDisposable
{
    public const int PermitsPerMinute = 30;

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PermitsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public bool TryAcquire(string user)
    {
        using var lease = _limiter.AttemptAcquire(user);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
