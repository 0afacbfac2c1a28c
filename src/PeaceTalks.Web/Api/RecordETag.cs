using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Api;

/// <summary>
/// Conditional GET for answers that depend only on the record and the URL: the entity tag is the record's version
/// (which every change in the app moves) with the address, so a client that asks again with If-None-Match gets a
/// 304 for the price of one small query, and a changed record is never answered from a stale copy.
/// </summary>
public static class RecordETag
{
    /// <summary>Sets ETag and Cache-Control; true (and a 304 sent) when the client's copy is current.</summary>
    public static async Task<bool> NotModifiedAsync(HttpContext context)
    {
        var ct = context.RequestAborted;
        var factory = context.RequestServices.GetRequiredService<IDbContextFactory<PeaceTalksDbContext>>();
        RecordVersion version;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            version = await RecordVersion.ReadAsync(db, ct);
        }
        var request = context.Request;
        // Today is part of it: "as of today" answers (the stance matrix without asof) change at midnight.
        var key = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{version}|{DateTime.UtcNow:yyyy-MM-dd}|{request.Path}{request.QueryString}|{request.Headers.Accept}|{Verification.Publication.SeesUnverified(context)}");
        var tag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20]}\"", isWeak: true);

        var headers = context.Response.GetTypedHeaders();
        headers.ETag = tag;
        // Always revalidate (cheap, see above); a private install's answers are for the signed-in reader only.
        var access = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Accounts.AccessOptions>>().Value;
        // Where unverified items are for editors only, the answer depends on who asks: no shared cache may keep it.
        var personal = access.RequireSignIn || !access.PublishUnverified;
        headers.CacheControl = new CacheControlHeaderValue { NoCache = true, Private = personal, Public = !personal };

        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(tag, useStrongComparison: false)))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }
        return false;
    }
}
