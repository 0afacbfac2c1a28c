using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace PeaceTalks.BrowserTests.Journeys;

/// <summary>
/// What a person does on any page, the way they do it: finds controls by their labels and roles, types with pauses
/// between keys, pastes a whole text at once. Kept small; the journeys say the rest.
/// </summary>
public static class Person
{
    /// <summary>A person's typing speed: a key every 60 ms.</summary>
    public static readonly LocatorPressSequentiallyOptions Typing = new() { Delay = 60 };

    /// <summary>A form field by its visible label ("Date" finds "Date*" but not "Date precision").</summary>
    public static ILocator Field(IPage page, string label) =>
        page.GetByLabel(new Regex("^" + Regex.Escape(label) + @"\s*\*?$"));

    public static async Task TypeAsync(IPage page, string label, string text)
    {
        var field = Field(page, label);
        await field.ClickAsync();
        await field.PressSequentiallyAsync(text, Typing);
    }

    /// <summary>Selects everything in a field and pastes <paramref name="text"/> over it in one go, as Ctrl+V does.</summary>
    public static async Task PasteAsync(IPage page, string label, string text)
    {
        var field = Field(page, label);
        await field.ClickAsync();
        await field.PressAsync("ControlOrMeta+a");
        await page.Keyboard.InsertTextAsync(text);
        await field.PressAsync("Tab");
    }

    /// <summary>
    /// Types part of a name into a picker, waits until the suggestions have narrowed to the one wanted (typing must
    /// find it), and picks it.
    /// </summary>
    public static async Task PickAsync(IPage page, string label, string typed, string suggestion)
    {
        var field = Field(page, label);
        var options = page.GetByRole(AriaRole.Option);
        for (var attempt = 1; ; attempt++)
        {
            // The list opens with everything when the box is clicked; a person starts typing once it is there.
            await field.ClickAsync();
            await Expect(options.First).ToBeVisibleAsync();
            await field.PressSequentiallyAsync(typed, Typing);
            try
            {
                await Expect(options).ToHaveTextAsync([new Regex("^" + Regex.Escape(suggestion))], new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // The list was drawn again under the key presses and took some of them: clear the box and type again.
                // (When the box holds what was typed, typing did not find it: that is the failure to report.)
                if (await field.InputValueAsync() == typed)
                {
                    throw;
                }
                await field.FillAsync("");
                await field.PressAsync("Escape");
            }
        }
        await options.First.ClickAsync();
        await Expect(field).ToHaveValueAsync(new Regex("^" + Regex.Escape(suggestion)));
    }

    /// <summary>
    /// Types part of a name into a picker, waits until the suggestions have narrowed to the one wanted, and takes it
    /// with the keyboard: ArrowDown and Enter, or Tab. Neither may submit the form around the picker.
    /// </summary>
    public static async Task PickWithKeysAsync(IPage page, string label, string typed, string suggestion, string key = "Enter")
    {
        var field = Field(page, label);
        var address = page.Url;
        await field.FocusAsync();
        await field.PressSequentiallyAsync(typed, Typing);
        await Expect(page.GetByRole(AriaRole.Option)).ToHaveTextAsync([new Regex("^" + Regex.Escape(suggestion))], new() { Timeout = 10_000 });
        if (key == "Enter")
        {
            await field.PressAsync("ArrowDown");
        }
        await field.PressAsync(key);
        await Expect(field).ToHaveValueAsync(new Regex("^" + Regex.Escape(suggestion)));
        Assert.Equal(address, page.Url);
        if (key == "Enter")
        {
            // The browser's submission of a form with empty required fields moves the focus to the first of them.
            await Expect(field).ToBeFocusedAsync();
        }
    }

    /// <summary>Opens a drop-down list by its label and chooses an entry.</summary>
    public static async Task ChooseAsync(IPage page, string label, string entry)
    {
        await Field(page, label).ClickAsync();
        var option = page.GetByRole(AriaRole.Option, new() { Name = entry, Exact = true });
        await option.ClickAsync();
        await Expect(option).ToBeHiddenAsync();
    }

    /// <summary>A text of exactly <paramref name="length"/> characters made of whole sentences, as a long quote is.</summary>
    public static string LongText(string sentence, int length)
    {
        var text = string.Concat(Enumerable.Repeat(sentence + " ", length / (sentence.Length + 1) + 1))[..length];
        return text[..^1] + ".";
    }

    /// <summary>axe-core finds no WCAG 2.2 A or AA violation on the page as it is now.</summary>
    public static async Task AssertAccessibleAsync(IPage page, string where)
    {
        await page.EvaluateAsync("() => Promise.allSettled(document.getAnimations().map(a => a.finished))");
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = RunOnlyOptions.Tags(AccessibilityTests.WcagTags) });
        Assert.True(result.Violations.Length == 0, $"{where}: " + string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Html[..Math.Min(120, n.Html.Length)]))}")));
    }

    /// <summary>A statement as the API gives it (what anyone reading it back gets).</summary>
    public static async Task<JsonElement> StatementAsync(IPage page, string key)
    {
        var response = await page.APIRequest.GetAsync($"/api/v1/statements/{Uri.EscapeDataString(key)}");
        Assert.Equal(200, response.Status);
        return JsonDocument.Parse(await response.TextAsync()).RootElement.Clone();
    }
}
