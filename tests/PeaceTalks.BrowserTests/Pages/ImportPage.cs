using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class ImportPage(IPage page) : BasePage(page)
{
    public Task OpenAsync() => GoToAsync("/import");

    public ILocator Message => Page.GetByTestId("import-message");
    public ILocator Errors => Page.GetByTestId("import-errors").Locator("tbody tr");
    public ILocator Counts => Page.GetByTestId("import-counts");
    public ILocator ImportButton => Page.GetByTestId("import-button");

    /// <summary>Chooses a file as the file picker (or a drop) would hand it over.</summary>
    public Task ChooseFileAsync(string path) => Page.Locator("input[type=file]").SetInputFilesAsync(path);
}
