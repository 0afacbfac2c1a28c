using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>The add/edit form of any item: fields by their CSV column name.</summary>
public sealed class RecordFormPage(IPage page) : BasePage(page)
{
    public Task OpenAsync(string path) => GoToAsync(path);

    public ILocator Field(string name) => Page.Locator("#field-" + name.Replace('_', '-'));

    /// <summary>The message the CSV rules gave for a field, shown under it.</summary>
    public ILocator FieldError(string name) => Page.Locator($"[data-field='{name}'] .mud-input-helper-text.mud-input-error, [data-field='{name}'] .field-error");

    public ILocator SaveButton => Page.GetByTestId("save");
    public ILocator Errors => Page.GetByTestId("form-errors");
    public ILocator Message => Page.GetByTestId("form-message");
    public ILocator Conflict => Page.GetByTestId("conflict");
    public ILocator History => Page.GetByTestId("history-list");

    public async Task FillAsync(string name, string value)
    {
        await Field(name).FillAsync(value);
        await Field(name).PressAsync("Tab");
    }

    /// <summary>Types into a picker and chooses the suggestion whose text starts with <paramref name="label"/>.</summary>
    public async Task PickAsync(string name, string typed, string label)
    {
        await Field(name).FillAsync(typed);
        var option = Page.GetByRole(AriaRole.Option).Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(label)) }).First;
        await option.ClickAsync();
        await Expect(Field(name)).ToHaveValueAsync(new Regex("^" + Regex.Escape(label)));
    }

    /// <summary>Opens a list field and chooses one of its entries.</summary>
    public async Task ChooseAsync(string name, string label)
    {
        await Page.Locator($"[data-field='{name}'] .mud-select").First.ClickAsync();
        await Page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Option, new() { Name = label, Exact = true })).ToBeHiddenAsync();
    }

    public Task SaveAsync() => SaveButton.ClickAsync();
}
