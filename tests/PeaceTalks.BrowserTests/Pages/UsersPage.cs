using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class UsersPage(IPage page) : BasePage(page)
{
    public ILocator OneTimePassword => Page.GetByTestId("one-time-password");

    public ILocator Row(string email) => Page.Locator($"tr[data-email='{email}']");

    public async Task AddAsync(string email, string name, string role)
    {
        await Page.Locator("#new-user-email").FillAsync(email);
        await Page.Locator("#new-user-name").FillAsync(name);
        await Page.Locator("#new-user-name").PressAsync("Tab");
        await new RecordFormPage(Page).ChooseAsync("new-user-role", role);
        await Page.GetByTestId("create-user").ClickAsync();
        await Expect(OneTimePassword).ToBeVisibleAsync();
    }
}
