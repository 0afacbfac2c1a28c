using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PeaceTalks.BrowserTests.Infrastructure;
using PeaceTalks.BrowserTests.Pages;
using PeaceTalks.Web.Models;
using static Microsoft.Playwright.Assertions;
using static PeaceTalks.BrowserTests.Journeys.Person;

namespace PeaceTalks.BrowserTests.Journeys;

/// <summary>
/// A plan point by point: an editor adds the plan, its first version and points through the forms (typing into the
/// pickers) and the rest from CSV files; a reader then opens the plan, its matrix, the evidence behind a stance and the
/// comparison of the two versions, on a desktop and on a phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PlanJourneyTests(BrowserFixture fixture)
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "TestData", "plans");

    [Fact]
    [Trait("Category", "Journey")]
    public async Task AnEditorBuildsAPlanOfTwoDraftsAndAReaderSeesEveryChangeAndWhereEachSideStands()
    {
        await using var app = new AppServer();
        app.Start();
        var editor = await fixture.NewSignedInPageAsync(app, AppRoles.Editor);
        await ImportAsync(editor, "sources.csv");
        await ImportAsync(editor, "actors.csv");

        // The plan, from its form.
        await editor.GotoAsync("/plans");
        await new HomePage(editor).WaitForInteractiveAsync();
        await editor.GetByTestId("add-plan").ClickAsync();
        await TypeAsync(editor, "Title", "US plan to end the war in Ukraine");
        await TypeAsync(editor, "Slug", "us-plan-for-ukraine");
        await PickAsync(editor, "Proposed by", "The White", "The White House");
        await ChooseSeveralAsync(editor, "Issues it covers", "Security guarantees for Ukraine", "Territorial concessions to Russia", "Sanctions on Russia");
        await PasteAsync(editor, "Summary", "A framework first drafted by the US administration as 28 points, then reworked with Ukraine and European partners.");
        await AssertAccessibleAsync(editor, "the new plan form");
        await editor.GetByTestId("save").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/plans/us-plan-for-ukraine$"));
        await Expect(editor.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("US plan to end the war in Ukraine");

        // Its first version, from the plan's page.
        await editor.GetByTestId("add-version").ClickAsync();
        await Expect(Field(editor, "Plan")).ToHaveValueAsync("US plan to end the war in Ukraine");
        await TypeAsync(editor, "Label", "28-point draft");
        await Field(editor, "Date").FillAsync("2025-11-21");
        await ChooseAsync(editor, "Date basis", "On or before it (the source does not say exactly when)");
        await PickAsync(editor, "Source", "AFP", "Understand the points of the US plan");
        await TypeAsync(editor, "Points (as the source counts them)", "28");
        await TypeAsync(editor, "Key", "us-plan-28-point-draft");
        await AssertAccessibleAsync(editor, "the new version form");
        await editor.GetByTestId("save").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/plans/us-plan-for-ukraine\\?version=us-plan-28-point-draft$"));

        // Its first point, from the version.
        await editor.GetByTestId("add-point").ClickAsync();
        await Expect(Field(editor, "Version")).ToHaveValueAsync(new Regex("^US plan to end the war in Ukraine: 28-point draft"));
        await TypeAsync(editor, "Number", "1");
        await PasteAsync(editor, "Text", "Ukraine's sovereignty is confirmed.");
        await TypeAsync(editor, "Key", "draft28-p1");
        await AssertAccessibleAsync(editor, "the new point form");
        await editor.GetByTestId("save").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("/plans/us-plan-for-ukraine\\?version=us-plan-28-point-draft#point-draft28-p1$"));
        await Expect(editor.GetByTestId("plan-point")).ToHaveCountAsync(1);

        // The second version and the other points from files, but for one reworded point added with its form.
        await ImportAsync(editor, "plan-versions.csv", "1 added, 0 updated, 1 unchanged");
        await ImportAsync(editor, "plan-points.csv", without: "frame20-p2,");
        await editor.GotoAsync("/plan-points/new?version=us-plan-20-point-framework");
        await new HomePage(editor).WaitForInteractiveAsync();
        await TypeAsync(editor, "Number", "2");
        await PasteAsync(editor, "Text", "Russia and Ukraine conclude a non-aggression agreement, with a mechanism to monitor it.");
        await ChooseSeveralAsync(editor, "Issues", "Security guarantees for Ukraine");
        await ChooseAsync(editor, "Compared with the previous version", "Reworded");
        await PickAsync(editor, "Add a point", "non-aggression", "US plan to end the war in Ukraine, 28-point draft, point 2");
        await Expect(editor.GetByTestId("continues-list")).ToContainTextAsync("28-point draft, point 2");
        await TypeAsync(editor, "Key", "frame20-p2");
        await editor.GetByTestId("save").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("#point-frame20-p2$"));

        // The statements, and the stances on points: one from its form, the rest from a file.
        await ImportAsync(editor, "statements.csv");
        await editor.GotoAsync("/plans/us-plan-for-ukraine");
        await new HomePage(editor).WaitForInteractiveAsync();
        await editor.Locator("#point-frame20-p4").GetByRole(AriaRole.Link, new() { Name = "Add a stance" }).ClickAsync();
        await Expect(Field(editor, "Plan point")).ToHaveValueAsync(new Regex("20-point framework, point 4"));
        await PickAsync(editor, "Actor", "Ryabkov", "Sergei Ryabkov");
        await Field(editor, "As of").FillAsync("2025-12-26");
        await ChooseAsync(editor, "Stance", "No position stated");
        await PasteAsync(editor, "Summary", "Speaks of the plan as a whole without taking up the army's size.");
        await PickAsync(editor, "Add a statement", "fundamentally", "Sergei Ryabkov, 26 Dec 2025");
        await AssertAccessibleAsync(editor, "the new point stance form");
        await editor.GetByTestId("save").ClickAsync();
        await Expect(editor).ToHaveURLAsync(new Regex("#point-frame20-p4$"));
        await ImportAsync(editor, "point-positions.csv", "5 added, 0 updated, 1 unchanged");

        // A reader: the list of plans, the plan, the evidence behind a stance, the matrix, the comparison.
        var reader = await fixture.NewPageAsync(app.BaseUrl);
        await reader.GotoAsync("/plans");
        await new HomePage(reader).WaitForInteractiveAsync();
        var row = reader.GetByTestId("plan-row").Filter(new() { HasText = "US plan to end the war in Ukraine" });
        await Expect(row).ToContainTextAsync("20-point framework");
        await Expect(row.GetByTestId("point-counts")).ToBeVisibleAsync();
        await AssertAccessibleAsync(reader, "/plans");
        await BrowserFixture.ScreenshotAsync(reader, "plan-list");

        await row.GetByRole(AriaRole.Link, new() { Name = "US plan to end the war in Ukraine" }).ClickAsync();
        await Expect(reader.GetByTestId("plan-point")).ToHaveCountAsync(7);
        var donetsk = reader.Locator("#point-frame20-p12");
        await Expect(donetsk).ToContainTextAsync("Volodymyr Zelensky");
        await donetsk.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sergei Ryabkov \\(Russia\\): rejects") }).ClickAsync();
        await Expect(reader.GetByTestId("evidence")).ToContainTextAsync("fundamentally different from the framework Russia has discussed with the United States");
        await AssertAccessibleAsync(reader, "the evidence of a point stance");
        await BrowserFixture.ScreenshotAsync(reader, "plan-evidence");
        await reader.Keyboard.PressAsync("Escape");
        await Expect(reader.GetByTestId("evidence")).ToBeHiddenAsync();
        await AssertAccessibleAsync(reader, "/plans/us-plan-for-ukraine");
        await BrowserFixture.ScreenshotAsync(reader, "plan-points");

        await reader.GetByTestId("matrix-view").ClickAsync();
        var matrix = reader.GetByTestId("plan-matrix");
        await Expect(matrix).ToContainTextAsync("Sergei Ryabkov");
        await Expect(matrix).ToContainTextAsync("Volodymyr Zelensky");
        await AssertAccessibleAsync(reader, "the plan's matrix");
        await BrowserFixture.ScreenshotAsync(reader, "plan-matrix");

        await reader.GetByTestId("compare").ClickAsync();
        var compare = reader.GetByTestId("compare-row");
        await Expect(compare).ToHaveCountAsync(8);
        foreach (var (change, count) in new[] { ("unchanged", 1), ("reworded", 2), ("split", 1), ("merged", 1), ("added", 2), ("dropped", 1) })
        {
            await Expect(reader.Locator($"[data-testid=compare-row][data-change={change}]")).ToHaveCountAsync(count);
        }
        var army = reader.Locator("[data-testid=compare-row]").Filter(new() { HasText = "800,000" });
        await Expect(army.Locator("ins")).ToContainTextAsync("800,000");
        await Expect(army.Locator("del")).ToContainTextAsync("600,000");
        await Expect(army.GetByTestId("renumbered")).ToHaveTextAsync("renumbered 6 → 4");
        await Expect(reader.Locator("[data-testid=compare-row][data-change=dropped]")).ToContainTextAsync("NATO");
        await AssertAccessibleAsync(reader, "the comparison");
        await BrowserFixture.ScreenshotAsync(reader, "plan-compare");

        // The versions are events of the timeline.
        await reader.GotoAsync("/timeline?kind=plans");
        await new HomePage(reader).WaitForInteractiveAsync();
        await Expect(reader.GetByTestId("timeline-count")).ToHaveTextAsync("Showing 2 of 2 plan versions");
        await Expect(reader.Locator(".plan-version-card").First).ToContainTextAsync("US plan to end the war in Ukraine: 20-point framework");
        await Expect(reader.Locator(".plan-version-card").Nth(1)).ToContainTextAsync("28 points, 6 recorded here");
        await AssertAccessibleAsync(reader, "plan versions on the timeline");
        await BrowserFixture.ScreenshotAsync(reader, "plan-timeline");

        // The same on a phone: nothing wider than the screen but the tables' own scrolling regions.
        var phone = await fixture.NewPageAsync(app.BaseUrl, width: 390, height: 844);
        foreach (var (path, name) in new[]
                 {
                     ("/plans/us-plan-for-ukraine", "plan-points-phone"),
                     ("/plans/us-plan-for-ukraine/compare?from=us-plan-28-point-draft&to=us-plan-20-point-framework", "plan-compare-phone"),
                 })
        {
            await phone.GotoAsync(path);
            await new HomePage(phone).WaitForInteractiveAsync();
            await BrowserFixture.ScreenshotAsync(phone, name);
            Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{path} is wider than a phone: " + await phone.EvaluateAsync<string>(
                    "() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')"));
        }
    }

    /// <summary>Imports one fixture file on the import page (without the rows holding <paramref name="without"/>).</summary>
    private static async Task ImportAsync(IPage page, string file, string? expected = null, string? without = null)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("peacetalks-plan-").FullName, file);
        var lines = File.ReadAllLines(Path.Combine(Fixtures, file));
        File.WriteAllLines(path, lines.Where((line, i) => i == 0 || without is null || !line.StartsWith(without, StringComparison.Ordinal)));
        var import = new ImportPage(page);
        await import.OpenAsync();
        await import.ChooseFileAsync(path);
        await import.ImportButton.ClickAsync();
        await Expect(import.Message).ToContainTextAsync(expected is null ? $"Imported '{file}'" : $"Imported '{file}': {expected}");
    }

    /// <summary>Opens a list of several choices by its label, ticks each entry and closes it.</summary>
    private static async Task ChooseSeveralAsync(IPage page, string label, params string[] entries)
    {
        await Field(page, label).ClickAsync();
        foreach (var entry in entries)
        {
            var option = page.GetByRole(AriaRole.Option, new() { Name = entry, Exact = true });
            await option.ClickAsync();
            await Expect(option).ToHaveAttributeAsync("aria-selected", "true");
        }
        var first = page.GetByRole(AriaRole.Option, new() { Name = entries[0], Exact = true });
        for (var attempt = 1; ; attempt++)
        {
            // Escape closes the list; on a loaded machine the key can arrive while the list is being drawn again
            // after the last choice, and a person presses it once more.
            await page.Keyboard.PressAsync("Escape");
            try
            {
                await Expect(first).ToBeHiddenAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }
}
