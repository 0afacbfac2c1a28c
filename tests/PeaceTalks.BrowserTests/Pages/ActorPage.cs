using Microsoft.Playwright;

namespace PeaceTalks.BrowserTests.Pages;

public sealed class ActorPage(IPage page) : BasePage(page)
{
    public ILocator Statements => Page.Locator(".statement-card");
    public ILocator Meetings => Page.Locator("#meetings-heading ~ .meeting-card, section[aria-labelledby=meetings-heading] .meeting-card");
    public ILocator MeetingLinks => Page.Locator("section[aria-labelledby=meetings-heading] a.meeting-link");
}

public sealed class MeetingPage(IPage page) : BasePage(page)
{
    public ILocator Participants => Page.GetByTestId("participants").Locator("a");
    public ILocator Accounts => Page.Locator(".side-account");
}
