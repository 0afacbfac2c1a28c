using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Api;

/// <summary>
/// GET /feeds/statements.atom: the newest statements for the timeline's filter as an Atom 1.0 feed, so a reader can
/// follow "everything Peskov says on territory" in a feed reader. Each entry links to the statement's own page.
/// An entry's &lt;updated&gt; is when it was recorded or last changed (from the history of changes), so a statement
/// recorded today about last May reaches a feed reader as new; &lt;published&gt; is the day it was said.
/// </summary>
public static class StatementFeed
{
    public const int Entries = 50;

    private static readonly string[] Names = [FilterNames.Actor, FilterNames.Side, FilterNames.Issue, FilterNames.From, FilterNames.To, FilterNames.Text, FilterNames.Verified];

    public static RouteHandlerBuilder MapStatementFeed(this IEndpointRouteBuilder app) =>
        app.MapGet("/feeds/statements.atom", WriteAsync).RequireRateLimiting(ApiEndpoints.RateLimit).RequireCors(ApiEndpoints.CorsPolicy)
            .WithName("StatementFeed").WithTags("PeaceTalks").WithSummary("The newest 50 statements for the timeline's filters, as Atom 1.0.")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml").ProducesValidationProblem().WithQueryParameters(Names);

    /// <summary>The feed address for a timeline filter (the filters a feed does not use are left out).</summary>
    public static string UrlFor(DashboardFilter filter) =>
        (filter with { Kind = ItemKind.All, OldestFirst = false, AsOf = null, Since = null, IncludeRetracted = false }).ToUrl("/feeds/statements.atom");

    private static async Task<IResult> WriteAsync(HttpContext context, FilterResolver resolver, TimelineQueries timeline,
        IDbContextFactory<PeaceTalksDbContext> dbFactory)
    {
        var (query, resolved, notModified) = await ApiQuery.ReadAsync(context, resolver, Names);
        if (notModified)
        {
            return Results.Empty;
        }
        if (!query.IsValid)
        {
            return query.Problem("The feed's parameters are not valid.");
        }

        var page = await timeline.GetPageAsync(resolved! with { Filter = resolved.Filter with { Kind = ItemKind.Statements } },
            null, Entries, context.RequestAborted);
        var baseUrl = ApiEndpoints.BaseUrl(context);
        var feedUrl = baseUrl + UrlFor(query.Filter);
        var statements = page.Items.Select(i => i.Statement!).ToList();
        var changed = await LastChangedAsync(dbFactory, [.. statements.Select(s => s.Id)], context.RequestAborted);
        var items = statements.Select(s => Entry(s, baseUrl, changed.TryGetValue(s.Id, out var at) ? at : Day(s.Date))).ToList();
        var feed = new SyndicationFeed(Title(resolved), "Statements recorded by PeaceTalks, newest first, each with its source.",
            new Uri(baseUrl + query.Filter.ToUrl("/timeline")), feedUrl,
            items.Count > 0 ? items.Max(i => i.LastUpdatedTime) : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))
        {
            Items = items,
        };
        feed.Links.Add(new SyndicationLink(new Uri(feedUrl), "self", null, "application/atom+xml", 0));
        feed.Generator = "PeaceTalks";

        var output = new MemoryStream();
        await using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true }))
        {
            feed.GetAtom10Formatter().WriteTo(writer);
        }
        return Results.Bytes(output.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static string Title(ResolvedFilter filter)
    {
        var parts = new List<string>();
        parts.AddRange(filter.Actors.Select(a => a.Name));
        parts.AddRange(filter.Sides);
        parts.AddRange(filter.Issues.Select(i => $"on {i.Name}"));
        if (filter.Filter.Text is { } text)
        {
            parts.Add($"matching “{text}”");
        }
        return parts.Count == 0 ? "PeaceTalks: statements" : $"PeaceTalks: statements — {string.Join(", ", parts)}";
    }

    /// <summary>When each statement was last recorded or changed (UTC), from the history of changes.</summary>
    private static async Task<Dictionary<int, DateTimeOffset>> LastChangedAsync(IDbContextFactory<PeaceTalksDbContext> dbFactory,
        List<int> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "statement" && ids.Contains(e.EntityId))
            .GroupBy(e => e.EntityId)
            .Select(g => new { Id = g.Key, At = g.Max(e => e.At) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc)));
    }

    private static SyndicationItem Entry(StatementItem s, string baseUrl, DateTimeOffset updated)
    {
        var page = $"{baseUrl}/statements/{Uri.EscapeDataString(s.Key)}";
        var said = Citation.Marked(s);
        // An entry nobody has verified says so in its title too, where a feed reader shows it first.
        var mark = s.Check.State switch { VerificationState.Unverified => "(unverified) ", VerificationState.Disputed => "(disputed) ", _ => "" };
        var title = $"{mark}{s.Actor.Name}: {(said.Length > 120 ? said[..119] + "…" : said)}";
        var summary = new StringBuilder()
            .Append(s.Actor.Name).Append(s.ActorRole is { } role ? $" ({role})" : "").Append(", ")
            .Append(DateText.Long(s.Date, s.DatePrecision, s.DateBasis)).Append(", ").Append(DateText.Label(s.Channel)).Append(": ")
            .Append(said)
            .Append(" — Source: ").Append(s.Source.Title).Append(s.Source.Outlet is { } outlet ? $" ({outlet})" : "")
            .Append(s.Via is { } via ? $", via {via.Title}" : "")
            .Append(Citation.CheckNote(s.Check) is { } check ? $" — {check}." : "")
            .ToString();
        // Stored text goes in as text content: the formatter escapes it, so markup in a quote stays words.
        var item = new SyndicationItem(title, new TextSyndicationContent(summary, TextSyndicationContentKind.Plaintext), new Uri(page), page, updated)
        {
            Summary = new TextSyndicationContent(summary, TextSyndicationContentKind.Plaintext),
            PublishDate = Day(s.Date),
        };
        item.Authors.Add(new SyndicationPerson { Name = s.Actor.Name, Uri = $"{baseUrl}/actors/{Uri.EscapeDataString(s.Actor.Slug)}" });
        if (Models.WebLinks.SafeUrl(s.Source.Url) is { } sourceUrl)
        {
            item.Links.Add(new SyndicationLink(new Uri(sourceUrl), "related", s.Source.Title, null, 0));
        }
        foreach (var issue in s.Issues)
        {
            item.Categories.Add(new SyndicationCategory(issue.Slug, null, issue.Name));
        }
        return item;
    }

    private static DateTimeOffset Day(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
