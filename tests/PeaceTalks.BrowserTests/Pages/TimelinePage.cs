using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class TimelinePage(IPage page) : BasePage(page)
{
    public Task OpenAsync(string query = "") => GoToAsync("/timeline" + query);

    public ILocator Count => Page.GetByTestId("timeline-count");
    public ILocator ActorBox => Page.Locator("#filter-actor");
    public ILocator StatementCards => Page.Locator(".statement-card");
    public ILocator ActorNamesOnCards => Page.Locator(".statement-card a.actor-link");
    public ILocator Problems => Page.Locator(".problem-list");
    public ILocator ExportButton => Page.GetByTestId("export-csv");

    /// <summary>Types part of a name into the actor box and picks the suggestion with the keyboard only.</summary>
    public async Task PickActorWithKeyboardAsync(string typed, string name)
    {
        await OpenFiltersAsync();
        await ActorBox.FocusAsync();
        await ActorBox.PressSequentiallyAsync(typed, new() { Delay = 40 });
        // Wait for the suggestions to narrow to the one actor before choosing it.
        await Assertions.Expect(Page.GetByRole(AriaRole.Option)).ToHaveTextAsync([new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(name))]);
        // The list can be drawn again under the key presses (its search is debounced): if the pick did not take,
        // pick again, still with the keyboard only.
        for (var attempt = 1; ; attempt++)
        {
            await ActorBox.PressAsync("ArrowDown");
            await ActorBox.PressAsync("Enter");
            try
            {
                // The address changes by the history API (no page load): poll it rather than wait for a navigation.
                await Assertions.Expect(Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]actor="), new() { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Chooses "Verified only" in the filter panel's check control.</summary>
    public async Task OnlyVerifiedAsync()
    {
        await OpenFiltersAsync();
        await Page.Locator(".mud-select").Filter(new() { Has = Page.Locator("#filter-verified") }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = "Verified only", Exact = true }).ClickAsync();
    }

        public Task ClickActorAsync(string name) => ActorNamesOnCards.Filter(new() { HasText = name }).First.ClickAsync();
}
