using PeaceTalks.Web.Data;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Tests.Infrastructure;

namespace PeaceTalks.Web.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task MigrationsApplyToAnEmptyDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(seed: false);
        await using var db = database.CreateContext();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(0, await db.Actors.CountAsync(TestContext.Current.CancellationToken));
        if (TestDatabase.Provider == DatabaseProvider.Sqlite)
        {
            var journal = await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal("wal", journal);
        }
        else
        {
            // Search folds accents with the unaccent extension, which the migrations install.
            var unaccented = await db.Database.SqlQueryRaw<string>("SELECT unaccent('Šefčovič') AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal("Sefcovic", unaccented);
        }
    }

    [Fact]
    public void NeitherProvidersMigrationsLagBehindTheModel()
    {
        // Both models are checked whichever provider this run uses: no database is needed to compare them.
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(),
            "The SQLite model has changes no migration covers: dotnet ef migrations add <Name> --context SqliteDbContext --output-dir Data/Migrations/Sqlite");
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(postgres.Database.HasPendingModelChanges(),
            "The PostgreSQL model has changes no migration covers: dotnet ef migrations add <Name> --context PostgresDbContext --output-dir Data/Migrations/Postgres");
    }

    [Fact]
    public async Task EveryEntityRoundTripsThroughTheFile()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync(seed: false);
        await using (var db = database.CreateContext())
        {
            var issue = new Issue { Slug = "security-guarantees", Name = "Security guarantees", Description = "Who protects whom." };
            var actor = new Actor
            {
                Slug = "volodymyr-zelensky", Name = "Volodymyr Zelensky", Kind = ActorKind.Person, Role = "President of Ukraine",
                Side = "Ukraine", AlternativeNames = "Володимир Зеленський",
            };
            var source = new Source
            {
                Key = "report", Title = "A report", Outlet = "Outlet", Url = "https://example.org/a", PublishedOn = new DateOnly(2025, 12, 3),
                PublishedPrecision = DatePrecision.Day, Kind = SourceKind.NewsReport,
            };
            var via = new Source { Key = "via", Title = "Via", Kind = SourceKind.Interview, PublishedOn = new DateOnly(2025, 5, 1), PublishedPrecision = DatePrecision.Month };
            var meeting = new Meeting
            {
                Slug = "kyiv-talks", Title = "Talks in Kyiv", Place = "Kyiv", Date = new DateOnly(2025, 12, 1), DatePrecision = DatePrecision.Day,
                DateBasis = DateBasis.OnOrBefore, DurationMinutes = 90, Outcome = "None yet.", Source = source,
                Participants = [new MeetingParticipant { Actor = actor, Role = ParticipantRole.Host }],
            };
            var statement = new Statement
            {
                Key = "zelensky-1", Actor = actor, Text = "“We wait” – 🕊", Kind = TextKind.Quote, Date = new DateOnly(2025, 12, 2),
                DatePrecision = DatePrecision.Day, DateBasis = DateBasis.On, Channel = Channel.XPost, Attribution = Attribution.FirstHand,
                Source = source, ViaSource = via, Meeting = meeting, OriginalLanguage = "uk", OriginalText = "Ми чекаємо",
                Issues = [new StatementIssue { Issue = issue }],
            };
            var position = new Position
            {
                Actor = actor, Issue = issue, AsOf = new DateOnly(2025, 12, 2), AsOfPrecision = DatePrecision.Day, Stance = Stance.LeansAgainst,
                Summary = "Wary.", Evidence = [new PositionEvidence { Statement = statement }],
            };
            db.AddRange(issue, actor, source, via, meeting, statement, position);
            await db.SaveChangesAsync(ct);
        }

        await using var read = database.CreateContext();
        var s = await read.Statements.AsNoTracking()
            .Include(x => x.Actor).Include(x => x.Source).Include(x => x.ViaSource).Include(x => x.Meeting!).ThenInclude(m => m.Participants)
            .Include(x => x.Issues).ThenInclude(i => i.Issue)
            .SingleAsync(ct);
        Assert.Equal("“We wait” – 🕊", s.Text);
        Assert.Equal((TextKind.Quote, Channel.XPost, Attribution.FirstHand), (s.Kind, s.Channel, s.Attribution));
        Assert.Equal((new DateOnly(2025, 12, 2), DatePrecision.Day, DateBasis.On), (s.Date, s.DatePrecision, s.DateBasis));
        Assert.Equal(("uk", "Ми чекаємо"), (s.OriginalLanguage, s.OriginalText));
        Assert.Equal("Володимир Зеленський", s.Actor.AlternativeNames);
        Assert.Equal(("report", "https://example.org/a", SourceKind.NewsReport), (s.Source.Key, s.Source.Url, s.Source.Kind));
        Assert.Equal((new DateOnly(2025, 5, 1), DatePrecision.Month), (s.ViaSource!.PublishedOn, s.ViaSource.PublishedPrecision));
        Assert.Equal((DateBasis.OnOrBefore, 90), (s.Meeting!.DateBasis, s.Meeting.DurationMinutes));
        Assert.Equal(ParticipantRole.Host, Assert.Single(s.Meeting.Participants).Role);
        Assert.Equal("security-guarantees", Assert.Single(s.Issues).Issue.Slug);

        var p = await read.Positions.AsNoTracking().Include(x => x.Evidence).SingleAsync(ct);
        Assert.Equal((Stance.LeansAgainst, DatePrecision.Day, "Wary."), (p.Stance, p.AsOfPrecision, p.Summary));
        Assert.Equal(s.Id, Assert.Single(p.Evidence).StatementId);

        // Enums are stored as their kebab-case words, the same text the CSV files use.
        var stored = await read.Database.SqlQueryRaw<string>("""SELECT "Stance" AS "Value" FROM "Positions" """).SingleAsync(ct);
        Assert.Equal("leans-against", stored);
    }

    [Fact]
    public async Task ASecondPositionForTheSameActorIssueAndDayIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();
        var existing = await db.Positions.AsNoTracking().FirstAsync(ct);
        db.Positions.Add(new Position
        {
            ActorId = existing.ActorId, IssueId = existing.IssueId, AsOf = existing.AsOf, Stance = Stance.Opposes, Summary = "Again.",
        });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(ct));
    }
}
