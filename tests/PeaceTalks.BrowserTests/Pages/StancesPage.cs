using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class StancesPage(IPage page) : BasePage(page)
{
    public Task OpenAsync(string query = "") => GoToAsync("/stances" + query);

    public ILocator Matrix => Page.Locator("table.stance-matrix");
    public ILocator Cell(string actor, string issue) => Page.GetByTestId($"cell-{actor}-{issue}");
    public ILocator FilledCells => Page.Locator("button.stance-cell:not(.stance-none)");
    public ILocator RowHeaders => Page.Locator("table.stance-matrix tbody th a.actor-link");
    public ILocator ColumnHeaders => Page.Locator("table.stance-matrix thead th");
    public ILocator Evidence => Page.GetByTestId("evidence");
    public ILocator Dialog => Page.Locator(".mud-dialog");
    public ILocator AsOf => Page.Locator("#filter-asof");
    public ILocator ExportButton => Page.GetByTestId("export-csv");

    public async Task OpenCellWithKeyboardAsync(string actor, string issue)
    {
        await Cell(actor, issue).FocusAsync();
        await Page.Keyboard.PressAsync("Enter");
        await Evidence.WaitForAsync();
    }

    public async Task SetAsOfAsync(string isoDate)
    {
        await OpenFiltersAsync();
        await AsOf.FillAsync(isoDate);
        await AsOf.PressAsync("Tab");
    }
}
