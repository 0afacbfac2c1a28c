using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace PeaceTalks.Web.Csv;

/// <summary>
/// Imports run over the page's live connection rather than an HTTP endpoint, so the import page asks this limiter
/// before writing a file. Each editor has their own budget (Import:PerEditorPerMinute); previews do not count.
/// </summary>
public sealed class ImportRateLimiter(IOptions<ImportOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.PerEditorPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    public int PermitsPerMinute => options.Value.PerEditorPerMinute;

    public bool TryAcquire(string user)
    {
        using var lease = _limiter.AttemptAcquire(user);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
