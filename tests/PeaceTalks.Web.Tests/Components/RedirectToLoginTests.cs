using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Account;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

public sealed class RedirectToLoginTests : BunitContext
{
    public RedirectToLoginTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServicesForTests();
    }

    [Fact]
    public void APageThatLostItsSignedInUserSaysWhyAndLinksToSignInBackHereBesidesGoingThere()
    {
        var navigation = Services.GetRequiredService<BunitNavigationManager>();
        navigation.NavigateTo("/statements/some-key/edit");

        var redirect = Render<RedirectToLogin>();

        var notice = redirect.Find("[data-testid=sign-in-needed]");
        Assert.Contains("an admin changed its role or locked it", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/account/login?returnUrl=%2Fstatements%2Fsome-key%2Fedit", notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.EndsWith("/account/login?returnUrl=%2Fstatements%2Fsome-key%2Fedit", navigation.Uri, StringComparison.Ordinal);
    }
}
