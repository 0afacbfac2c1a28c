using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests.Pages;

/// <summary>The sign-in, password and setup pages (plain HTML forms, no live connection).</summary>
public sealed class SignInPage(IPage page) : BasePage(page)
{
    public ILocator Email => Page.Locator("#login-email");
    public ILocator Password => Page.Locator("#login-password");
    public ILocator Message => Page.GetByTestId("login-message");

    public async Task SignInAsync(string email, string password, string returnUrl = "/")
    {
        await Page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await TrySignInAsync(email, password);
        await Expect(Page.GetByTestId("user-name")).ToBeAttachedAsync();
        await WaitForInteractiveAsync();
    }

    /// <summary>Fills and sends the form, whatever the outcome.</summary>
    public async Task TrySignInAsync(string email, string password)
    {
        await Email.FillAsync(email);
        await Password.FillAsync(password);
        await Page.GetByTestId("login-submit").ClickAsync();
    }

    public async Task SignOutAsync()
    {
        await Page.GetByTestId("sign-out").ClickAsync();
        await Expect(Page.GetByTestId("sign-in")).ToBeVisibleAsync();
    }
}
