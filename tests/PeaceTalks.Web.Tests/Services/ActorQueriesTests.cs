using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Services;

public sealed class ActorQueriesTests(SeededDatabaseFixture fixture) : IClassFixture<SeededDatabaseFixture>
{
    [Fact]
    public async Task TheProfileHasExactlyTheActorsStatementsPositionsAndMeetings()
    {
        var profile = await fixture.Database.Get<ActorQueries>().GetProfileAsync("yuri-ushakov");

        Assert.NotNull(profile);
        Assert.Equal(("Yuri Ushakov", "Kremlin aide", "Russia", 3), (profile.Name, profile.Role, profile.Side, profile.StatementCount));
        Assert.Equal(["security-guarantees", "territorial-concessions", "us-brokered-talks"], profile.Stances.Select(s => s.Issue.Slug).Order());
        Assert.Equal([Stance.Ambiguous, Stance.Ambiguous, Stance.LeansSupport], profile.Stances.OrderBy(s => s.Issue.Slug).Select(s => s.Current.Stance));
        var meeting = Assert.Single(profile.Meetings);
        Assert.Equal(("moscow-talks-2025-12-02", (ParticipantRole?)null), (meeting.Meeting.Slug, meeting.Role));
        Assert.Equal([new MonthCount(2025, 12, 3)], profile.StatementsPerMonth);
    }

    [Fact]
    public async Task AParticipantsProfileCarriesTheirRole()
    {
        var profile = await fixture.Database.Get<ActorQueries>().GetProfileAsync("vladimir-putin");

        Assert.NotNull(profile);
        Assert.Equal(0, profile.StatementCount);
        Assert.Empty(profile.Stances);
        Assert.Equal(ParticipantRole.Host, Assert.Single(profile.Meetings).Role);
    }

    [Fact]
    public async Task AnUnknownSlugHasNoProfile() =>
        Assert.Null(await fixture.Database.Get<ActorQueries>().GetProfileAsync("nobody"));

    [Fact]
    public async Task TheListSortsByStatementsAndFiltersBySideAndText()
    {
        var queries = fixture.Database.Get<ActorQueries>();
        var resolver = fixture.Database.Get<FilterResolver>();

        var bySpeech = await queries.ListAsync(await resolver.ResolveAsync(DashboardFilter.Empty), ActorSort.Statements, descending: true, page: 1);
        var ukraine = await queries.ListAsync(await resolver.ResolveAsync(DashboardFilter.Parse(side: ["Ukraine"])), ActorSort.Name, false, 1);
        var kremlin = await queries.ListAsync(await resolver.ResolveAsync(DashboardFilter.Parse(q: "kremlin")), ActorSort.Name, false, 1);

        Assert.Equal(10, bySpeech.Total);
        Assert.Equal(("mike-pompeo", 4), (bySpeech.Items[0].Slug, bySpeech.Items[0].Statements));
        Assert.Equal(["ukrainian-delegation", "ukrainian-officials", "volodymyr-zelensky"], ukraine.Items.Select(a => a.Slug));
        Assert.Equal(["yuri-ushakov"], kremlin.Items.Select(a => a.Slug));
        Assert.Equal(new DateOnly(2025, 12, 3), kremlin.Items[0].LatestDate);
    }
}
