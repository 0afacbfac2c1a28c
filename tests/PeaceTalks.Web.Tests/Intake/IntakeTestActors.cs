using System.Globalization;
using PeaceTalks.Web.Intake;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>Invented actors and helpers for the extractor's rule tests. Names are known by their name only unless a test adds more.</summary>
internal static class IntakeTestActors
{
    public static readonly KnownActor Peskov = new("dmitry-peskov", "Dmitry Peskov", "Kremlin spokesman", [], "Russia", ActorKind.Person);
    public static readonly KnownActor Lavrov = new("sergey-lavrov", "Sergey Lavrov", "Minister of Foreign Affairs of Russia", [], "Russia", ActorKind.Person);
    public static readonly KnownActor Rubio = new("marco-rubio", "Marco Rubio", "US Secretary of State", [], "United States", ActorKind.Person);
    public static readonly KnownActor Zelensky = new("volodymyr-zelensky", "Volodymyr Zelensky", "President of Ukraine", [], "Ukraine", ActorKind.Person);
    public static readonly KnownActor Medinsky = new("vladimir-medinsky", "Vladimir Medinsky", "Aide to the Russian President; head of the Russian delegation", [], "Russia", ActorKind.Person);
    public static readonly KnownActor Lindqvist = new("maria-lindqvist", "Maria Lindqvist", "Minister for Foreign Affairs of Sweden", [], "Sweden", ActorKind.Person);
    public static readonly KnownActor Petrov = new("ivan-petrov", "Ivan Petrov", "President of Belarus", [], "Belarus", ActorKind.Person);
    public static readonly KnownActor Novak = new("tomas-novak", "Tomas Novak", "President of the Czech Republic", [], "Czech Republic", ActorKind.Person);
    public static readonly KnownActor Kremlin = new("kremlin", "Kremlin", "Russian Presidential Administration", [], "Russia", ActorKind.Government);
    public static readonly KnownActor WhiteHouse = new("white-house", "White House", "Executive Office of the US President", [], "United States", ActorKind.Government);

    public static readonly KnownActor[] All = [Peskov, Lavrov, Rubio, Zelensky, Medinsky, Lindqvist, Petrov, Novak, Kremlin, WhiteHouse];

    /// <summary>A day the tests read undated reports on; never the machine's clock.</summary>
    public static readonly DateOnly ReadOn = new(2026, 2, 1);

    public static IReadOnlyList<Candidate> Extract(string text, DateOnly? published, params KnownActor[] actors) =>
        new StatementExtractor(actors.Length == 0 ? All : actors, []).Extract(text, published, ReadOn);

    public static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The date as the labelled sets give it: the ISO day when the candidate is sure of it, else empty.</summary>
    public static string Said(this Candidate c) =>
        c.Date.Basis == DateBasis.On && c.Date.Date is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "";

    public static Candidate Quote(this IReadOnlyList<Candidate> found, string words) => Assert.Single(found, c => c.Kind == TextKind.Quote && c.Text == words);

    public static Candidate Paraphrase(this IReadOnlyList<Candidate> found, string words) => Assert.Single(found, c => c.Kind == TextKind.Paraphrase && c.Text == words);
}
