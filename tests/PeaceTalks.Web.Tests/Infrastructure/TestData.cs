using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>Small hand-made data sets written through EF Core into a test database.</summary>
public sealed class TestData(PeaceTalksDbContext db)
{
    private int _statements;

    public Source Source { get; } = new() { Key = "test-source", Title = "Test source", Outlet = "Test outlet", Kind = SourceKind.NewsReport };

    public Issue AddIssue(string slug, string? name = null)
    {
        var issue = new Issue { Slug = slug, Name = name ?? slug, Description = $"About {slug}." };
        db.Issues.Add(issue);
        return issue;
    }

    public Actor AddActor(string slug, string side, string? name = null)
    {
        var actor = new Actor { Slug = slug, Name = name ?? slug, Side = side, Kind = ActorKind.Person };
        db.Actors.Add(actor);
        return actor;
    }

    public Statement AddStatement(Actor actor, DateOnly date, string text, params Issue[] issues) =>
        AddStatement(actor, date, text, DatePrecision.Day, issues);

    public Statement AddStatement(Actor actor, DateOnly date, string text, DatePrecision precision, params Issue[] issues)
    {
        var statement = new Statement
        {
            Key = $"s{++_statements}", Actor = actor, Date = date, DatePrecision = precision, Text = text, Kind = TextKind.Quote,
            Channel = Channel.NotStated, Attribution = Attribution.Reported, Source = Source,
            Issues = [.. issues.Select(i => new StatementIssue { Issue = i })],
        };
        db.Statements.Add(statement);
        return statement;
    }

    public Meeting AddMeeting(string slug, DateOnly date, params Actor[] participants)
    {
        var meeting = new Meeting
        {
            Slug = slug, Title = $"Meeting {slug}", Place = "Geneva", Date = date, Outcome = "Talked.", Source = Source,
            Participants = [.. participants.Select(a => new MeetingParticipant { Actor = a, Role = ParticipantRole.Participant })],
        };
        db.Meetings.Add(meeting);
        return meeting;
    }

    public Position AddPosition(Actor actor, Issue issue, DateOnly asOf, Stance stance, params Statement[] evidence)
    {
        var position = new Position
        {
            Actor = actor, Issue = issue, AsOf = asOf, Stance = stance, Summary = $"{actor.Slug} {stance} on {asOf}",
            Evidence = [.. evidence.Select(s => new PositionEvidence { Statement = s })],
        };
        db.Positions.Add(position);
        return position;
    }

    public Task SaveAsync() => db.SaveChangesAsync();

    public static DateOnly Day(int month, int day, int year = 2025) => new(year, month, day);
}
