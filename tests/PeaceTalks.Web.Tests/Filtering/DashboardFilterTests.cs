using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Filtering;

public sealed class DashboardFilterTests
{
    [Fact]
    public void AFullQueryStringParsesAndWritesBackTheSame()
    {
        var filter = DashboardFilter.Parse(["vladimir-putin", "volodymyr-zelensky"], ["Ukraine"], ["security-guarantees"],
            "2025-12-01", "2025-12-03", "compromise", "statements", "oldest");

        Assert.Empty(filter.Problems);
        Assert.Equal(
            "?actor=vladimir-putin&actor=volodymyr-zelensky&side=Ukraine&issue=security-guarantees&from=2025-12-01&to=2025-12-03&q=compromise&kind=statements&order=oldest",
            filter.ToQueryString());
    }

    [Theory]
    [InlineData("only", true, "?verified=only")]
    [InlineData("ONLY ", true, "?verified=only")]
    [InlineData("any", false, "")]
    [InlineData(null, false, "")]
    public void VerifiedIsOnlyOrAnyAndOnlyIsWrittenBack(string? value, bool only, string query)
    {
        var filter = DashboardFilter.Parse(verified: value);

        Assert.Empty(filter.Problems);
        Assert.Equal((only, only, query, !only), (filter.VerifiedOnly, filter.OnlyVerified, filter.ToQueryString(), filter.IsEmpty));
    }

    [Fact]
    public void AnUnknownVerifiedValueIsNamedAndEverythingShows()
    {
        var filter = DashboardFilter.Parse(verified: "checked");

        Assert.False(filter.OnlyVerified);
        Assert.Equal("'checked' is not a choice for verification (only or any) — showing verified and unverified items.", Assert.Single(filter.Problems));
    }

    [Fact]
    public void TheInstallationsPublishingChoiceNarrowsTheQueriesButNeverTheAddress()
    {
        var filter = DashboardFilter.Parse(actor: ["a"]) with { UnverifiedHidden = true };

        Assert.True(filter.OnlyVerified);
        Assert.False(filter.VerifiedOnly);
        Assert.Equal("?actor=a", filter.ToQueryString());
    }

    [Fact]
    public void AnInvalidDateIsNamedAndIgnoredWhileTheRestApplies()
    {
        var filter = DashboardFilter.Parse(actor: ["a"], from: "2025-13-45", to: "2025-12-03");

        Assert.Null(filter.From);
        Assert.Equal(new DateOnly(2025, 12, 3), filter.To);
        Assert.Equal(["a"], filter.Actors);
        Assert.Equal("'2025-13-45' is not a date (expected YYYY-MM-DD) — 'from' filter ignored.", Assert.Single(filter.Problems));
    }

    [Fact]
    public void AReversedRangeIsNamedAndIgnored()
    {
        var filter = DashboardFilter.Parse(from: "2025-12-03", to: "2025-12-01");

        Assert.Null(filter.From);
        Assert.Null(filter.To);
        Assert.Contains("reversed (from 2025-12-03 is after to 2025-12-01)", Assert.Single(filter.Problems));
    }

    [Fact]
    public void AnOverLongSearchIsNamedAndIgnored()
    {
        var filter = DashboardFilter.Parse(q: new string('x', 10_000));

        Assert.Null(filter.Text);
        Assert.Contains("10,000 characters long; the limit is 200", Assert.Single(filter.Problems));
    }

    [Fact]
    public void UnknownKindsOrdersAndComparisonAfterAsOfAreNamed()
    {
        var filter = DashboardFilter.Parse(kind: "rumours", order: "sideways", asof: "2025-11-01", since: "2025-12-01");

        Assert.Equal(ItemKind.All, filter.Kind);
        Assert.False(filter.OldestFirst);
        Assert.Null(filter.Since);
        Assert.Equal(3, filter.Problems.Count);
    }

    [Fact]
    public void RepeatedAndBlankValuesCollapseAndControlCharactersAreNotEchoed()
    {
        var filter = DashboardFilter.Parse(actor: ["a", "a", " ", null, "b"], from: "\0bad");

        Assert.Equal(["a", "b"], filter.Actors);
        Assert.DoesNotContain('\0', Assert.Single(filter.Problems));
    }

    [Fact]
    public void AThousandValuesAreCapped()
    {
        var filter = DashboardFilter.Parse(actor: [.. Enumerable.Range(0, 1000).Select(i => $"a{i}")]);

        Assert.Equal(DashboardFilter.MaxValuesPerKey, filter.Actors.Count);
        Assert.Single(filter.Problems);
    }
}

public sealed class FilterResolverTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task UnknownSlugsAreNamedAndDroppedAndKnownOnesKept()
    {
        var filter = DashboardFilter.Parse(["foo", "yuri-ushakov"], ["Narnia", "ukraine"], ["nothing"]);

        var resolved = await fixture.Database.Get<FilterResolver>().ResolveAsync(filter);

        Assert.Equal(["yuri-ushakov"], resolved.Actors.Select(a => a.Slug));
        Assert.Equal(["Ukraine"], resolved.Sides);
        Assert.Empty(resolved.Issues);
        Assert.Equal(["No actor 'foo' — filter ignored.", "No issue 'nothing' — filter ignored.", "No side 'Narnia' — filter ignored."],
            resolved.Problems);
        Assert.Equal("?actor=yuri-ushakov&side=Ukraine", resolved.Applied.ToQueryString());
    }
}
