using Bunit;
using PeaceTalks.Web.Components.Pages.Stances;
using PeaceTalks.Web.Components.Stances;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

public sealed class StanceComponentTests : ComponentTest
{
    [Theory]
    [InlineData(Stance.Supports, "supports")]
    [InlineData(Stance.LeansSupport, "leans support")]
    [InlineData(Stance.Ambiguous, "ambiguous")]
    [InlineData(Stance.LeansAgainst, "leans against")]
    [InlineData(Stance.Opposes, "opposes")]
    public void AStanceShowsAWordAndAnIconNotOnlyAColour(Stance stance, string word)
    {
        var badge = Render<StanceBadge>(p => p.Add(b => b.Stance, stance));

        Assert.Equal(word, badge.Find("span > span").TextContent);
        Assert.Single(badge.FindAll("svg"));
        Assert.Contains(StanceStyle.CssClass(stance), badge.Find(".stance-badge").ClassList);
    }

    [Fact]
    public void NoKnownPositionLooksDifferentFromAmbiguous()
    {
        var none = Render<StanceBadge>(p => p.Add(b => b.Stance, (Stance?)null));
        var ambiguous = Render<StanceBadge>(p => p.Add(b => b.Stance, Stance.Ambiguous));

        Assert.Contains("no known position", none.Markup);
        Assert.Contains("stance-none", none.Find(".stance-badge").ClassList);
        Assert.Empty(none.FindAll("svg"));
        Assert.DoesNotContain("no known position", ambiguous.Markup);
    }

    [Fact]
    public void TheLegendExplainsEveryStanceAndTheEmptyCell()
    {
        var legend = Render<StanceLegend>();

        var items = legend.FindAll("li").Select(li => li.TextContent).ToList();
        Assert.Equal(7, items.Count);
        Assert.Contains(items, i => i.Contains("ambiguous") && i.Contains("does not show which way"));
        Assert.Contains(items, i => i.Contains("no known position") && i.Contains("Nothing on record"));
    }

    [Fact]
    public void TheMatrixShowsTheSeededCellsAsButtonsWithWordsAndEmptyCellsAsNoKnownPosition()
    {
        var page = RenderAt<StancesPage>("/stances");

        page.WaitForElement("table.stance-matrix");
        var cell = page.Find("[data-testid=cell-volodymyr-zelensky-security-guarantees]");
        Assert.Equal("button", cell.TagName.ToLowerInvariant());
        Assert.Contains("supports", cell.TextContent);
        Assert.StartsWith("Volodymyr Zelensky on Security guarantees for Ukraine: supports, as of 3 Dec 2025.", cell.GetAttribute("aria-label"));
        var empty = page.Find("[data-testid=cell-volodymyr-zelensky-sanctions-on-russia]");
        Assert.Contains("no known position", empty.TextContent);
        Assert.Equal(12, page.FindAll("button.stance-cell:not(.stance-none)").Count);
        Assert.Equal(6, page.FindAll("thead th").Count - 1);
    }

    [Fact]
    public void OpeningACellShowsItsEvidenceWithSourcesAndHistory()
    {
        var dialogs = Render<MudBlazor.MudDialogProvider>();
        var page = RenderAt<StancesPage>("/stances");
        page.WaitForElement("[data-testid=cell-yuri-ushakov-territorial-concessions]");

        page.Find("[data-testid=cell-yuri-ushakov-territorial-concessions]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("a compromise option was not found", dialogs.Find("[data-testid=evidence]").TextContent));
        var evidence = dialogs.Find("[data-testid=evidence]").TextContent;
        Assert.Contains("Yuri Ushakov on Territorial concessions to Russia", dialogs.Markup);
        Assert.Contains("ambiguous", evidence);
        Assert.Contains("Said deep differences persist", evidence);
        Assert.Contains("Pompeo Warns Against Russian Victory In Peace Talks", evidence);
        Assert.Contains("via CNN", evidence);
        Assert.Single(dialogs.FindAll("[data-testid=history] li"));
    }

    [Fact]
    public void BeforeTheSeededDatesEveryCellIsEmptyAndComparingListsWhoMoved()
    {
        var early = RenderAt<StancesPage>("/stances?asof=2025-04-01");
        early.WaitForElement("table.stance-matrix");
        Assert.Empty(early.FindAll("button.stance-cell:not(.stance-none)"));

        var compared = RenderAt<StancesPage>("/stances?since=2025-06-01");
        compared.WaitForElement("[data-testid=changes]");
        Assert.Equal(11, compared.FindAll("[data-testid=changes] li").Count);
        Assert.Equal("11 stances changed:", compared.Find("[data-testid=changes-total]").TextContent.Trim());
        Assert.Contains("no known position", compared.Find("[data-testid=changes] li").TextContent);
    }

    [Fact]
    public void BadDatesAndUnknownSlugsAreNamedAndTheMatrixStillShows()
    {
        var page = RenderAt<StancesPage>("/stances?asof=yesterday&issue=nope&since=2025-12-31&actor=mike-pompeo");

        page.WaitForElement("table.stance-matrix");
        var problems = page.Find(".problem-list").TextContent;
        Assert.Contains("'yesterday' is not a date", problems);
        Assert.Contains("No issue 'nope'", problems);
        Assert.Equal(["Mike Pompeo"], page.FindAll("tbody th a.actor-link").Select(a => a.TextContent));
    }
}
