using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Components.Layout;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Components;

public sealed class ErrorBoundaryTests : BunitContext
{
    public ErrorBoundaryTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServicesForTests();
    }

    [Fact]
    public void AFailingPartOfAPageShowsAMessageAndARetryThatRecovers()
    {
        FailsOnce.Failures = 1;

        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent<FailsOnce>());

        Assert.Contains("This part of the page could not be shown", boundary.Find("[data-testid=error-boundary]").TextContent);
        boundary.Find("[data-testid=error-retry]").Click();
        Assert.Equal("Rendered fine", boundary.Find("p").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=error-boundary]"));
    }

    [Fact]
    public void APageLeftBehindCanBeCollectedOnceTheNextPageHasRendered()
    {
        var boundary = Render<AppErrorBoundary>(p => p.AddChildContent<LeftPage>());
        var left = WeakReferenceToTheLeftPage(boundary);

        boundary.Render(p => p.AddChildContent("<p>Next page</p>"));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.Equal("Next page", boundary.Find("p").TextContent);
        Assert.False(left.IsAlive, "the page left behind is still reachable from the boundary's kept render");
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference WeakReferenceToTheLeftPage(IRenderedComponent<AppErrorBoundary> boundary) =>
        new(boundary.FindComponent<LeftPage>().Instance);

    private sealed class LeftPage : ComponentBase
    {
        // What a page holds: its loaded data.
        private readonly byte[] _loaded = new byte[100_000];

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddContent(0, $"Left page with {_loaded.Length} bytes");
    }

    private sealed class FailsOnce : ComponentBase
    {
        public static int Failures;

        protected override void OnInitialized()
        {
            if (Failures-- > 0)
            {
                throw new InvalidOperationException("Simulated failure");
            }
        }

        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder) =>
            builder.AddMarkupContent(0, "<p>Rendered fine</p>");
    }
}

public sealed class SourceCodeRulesTests
{
    [Fact]
    public void NoComponentRendersStoredTextAsMarkup()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(files);
        var offenders = files.Where(f => File.ReadAllText(f).Contains("MarkupString", StringComparison.Ordinal) || File.ReadAllText(f).Contains("AddMarkupContent", StringComparison.Ordinal));
        Assert.Empty(offenders);
    }
}
