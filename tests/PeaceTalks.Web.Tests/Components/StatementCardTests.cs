using Bunit;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Tests.Infrastructure;
using PeaceTalks.Web.Components.Timeline;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Tests.Components;

public sealed class StatementCardTests : BunitContext
{
    private static readonly SourceRef Article = new("article", "Pompeo Warns", null, null, new DateOnly(2025, 12, 3), DatePrecision.Day);

    private static StatementItem Statement(TextKind kind, string text, SourceRef? source = null, SourceRef? via = null) => new(
        1, "k", new ActorRef("yuri-ushakov", "Yuri Ushakov"), "Kremlin aide", "Russia", text, kind, new DateOnly(2025, 12, 3),
        DatePrecision.Day, DateBasis.OnOrBefore, Channel.NotStated, Attribution.Reported, source ?? Article, via,
        new MeetingRef("moscow", "Moscow talks"), null, null)
    {
        Issues = [new IssueRef("territorial-concessions", "Territorial concessions")],
    };

    public StatementCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServicesForTests();
    }

    [Fact]
    public void ACardIsDrawnAgainOnlyWhenWhatItShowsChanged()
    {
        List<TimelineItem> items =
        [
            new(Statement(TextKind.Quote, "first"), null),
            new(Statement(TextKind.Quote, "second") with { Id = 2, Key = "k2" }, null),
        ];
        var list = Render<TimelineList>(p => p.Add(l => l.Items, items));

        // "Load more": a new list with the same two statements and a third.
        list.Render(p => p.Add(l => l.Items, [.. items, new TimelineItem(Statement(TextKind.Quote, "third") with { Id = 3, Key = "k3" }, null)]));
        var cards = list.FindComponents<StatementCard>();
        Assert.Equal(["“first”", "“second”", "“third”"], cards.Select(c => c.Find("blockquote").TextContent));
        Assert.Equal([1, 1, 1], cards.Select(c => c.RenderCount));

        // The page finds an editor signed in: every card draws again, with its Edit link.
        list.Render(p => p.Add(l => l.Items, [.. items, new TimelineItem(Statement(TextKind.Quote, "third") with { Id = 3, Key = "k3" }, null)]).Add(l => l.CanEdit, true));
        Assert.Equal(3, list.FindAll("[data-testid=edit-statement]").Count);
        Assert.Equal([2, 2, 2], cards.Select(c => c.RenderCount));
    }

    [Fact]
    public void AVerbatimQuoteIsShownAsAQuotation()
    {
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(TextKind.Quote, "a compromise option was not found")));

        Assert.Equal("“a compromise option was not found”", card.Find("blockquote").TextContent);
        Assert.Contains("Verbatim quote", card.Find("figcaption").TextContent);
        Assert.Empty(card.FindAll(".paraphrase"));
    }

    [Fact]
    public void AParaphraseIsMarkedAndNotShownAsAQuotation()
    {
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(TextKind.Paraphrase, "Said differences remain.")));

        Assert.Empty(card.FindAll("blockquote"));
        Assert.Contains("Paraphrase, not their words", card.Find(".paraphrase").TextContent);
        Assert.Equal("Said differences remain.", card.Find(".paraphrase p").TextContent);
    }

    [Fact]
    public void TheCardLinksTheActorTheMeetingAndTheIssueAndNamesTheSourceAndVia()
    {
        var via = new SourceRef("cnn", "CNN report", "CNN", "https://example.org/cnn", null, DatePrecision.Day);
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(TextKind.Quote, "constructive", via: via)));

        Assert.Equal("/actors/yuri-ushakov", card.Find("a.actor-link").GetAttribute("href"));
        Assert.Contains(card.FindAll("a"), a => a.GetAttribute("href") == "/meetings/moscow");
        Assert.Contains(card.FindAll("a"), a => a.GetAttribute("href") == "/timeline?issue=territorial-concessions");
        Assert.Contains(card.FindAll("a"), a => a.GetAttribute("href") == "/timeline?actor=yuri-ushakov");
        Assert.Contains("by 3 Dec 2025", card.Find(".card-facts").TextContent);
        Assert.Contains("Pompeo Warns", card.Find(".source-line cite").TextContent);
        Assert.Contains("— via CNN report", card.Find(".via").TextContent);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("not a url")]
    public void OnlyHttpSourceAddressesBecomeLinks(string url)
    {
        var source = Article with { Url = url, Title = "<b>Title</b>" };
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(TextKind.Quote, "<script>alert(1)</script>", source)));

        Assert.Empty(card.FindAll(".source-line a"));
        Assert.Equal("<b>Title</b>", card.Find(".source-line cite").TextContent);
        Assert.Equal("“<script>alert(1)</script>”", card.Find("blockquote").TextContent);
        Assert.Empty(card.FindAll("blockquote script"));
    }

    [Fact]
    public void AnHttpsSourceIsALinkThatOpensSafely()
    {
        var card = Render<StatementCard>(p => p.Add(c => c.Statement, Statement(TextKind.Quote, "x", Article with { Url = "https://example.org/a?b=1" })));

        var link = card.Find(".source-line a");
        Assert.Equal("https://example.org/a?b=1", link.GetAttribute("href"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
    }
}
