using PeaceTalks.Web.Intake;
using static PeaceTalks.Web.Tests.Intake.IntakeTestActors;

namespace PeaceTalks.Web.Tests.Intake;

/// <summary>The temporal tagger on its own: what it finds, and what day each expression is.</summary>
public sealed class DateTaggerTests
{
    private static TimeExpression Single(string text) => Assert.Single(DateTagger.Find(text, 0, text.Length));

    [Theory]
    [InlineData("the envoys arrived on Nov. 23", "Nov. 23", "2025-11-23")]
    [InlineData("they met 27 November in a villa", "27 November", "2025-11-27")]
    [InlineData("signed January 7, 2026 in the capital", "January 7, 2026", "2026-01-07")]
    [InlineData("the round planned for Feb.1 slipped", "Feb.1", "2026-02-01")]
    [InlineData("the talks of Dec 28 went well", "Dec 28", "2025-12-28")]
    [InlineData("from Sunday, January 25, onward", "Sunday, January 25", "2026-01-25")]
    public void MonthAndDayTakeTheYearClosestBeforeTheReport(string text, string expression, string day)
    {
        var t = Single(text);

        Assert.Equal((TimeKind.Day, expression), (t.Kind, t.Text));
        Assert.Equal(Day(day), t.Resolve(null, Day("2026-02-03")));
    }

    [Theory]
    [InlineData("2026-01-24", 12, 28, "2025-12-28")]
    [InlineData("2026-02-19", 1, 29, "2026-01-29")]
    [InlineData("2026-02-02", 2, 4, "2025-02-04")] // never after the anchor: a day two days ahead is last year's
    [InlineData("2026-02-04", 2, 4, "2026-02-04")]
    [InlineData("2025-11-30", 1, 10, "2025-01-10")]
    public void AYearIsInferredAroundTheAnchor(string anchor, int month, int day, string expected) =>
        Assert.Equal(Day(expected), DateTagger.InferYear(month, day, Day(anchor)));

    [Theory]
    [InlineData("said on Monday", "2025-12-01")]
    [InlineData("said Wednesday", "2025-12-03")]
    [InlineData("said late Tuesday", "2025-12-02")]
    [InlineData("said on Sunday evening", "2025-11-30")]
    public void AWeekdayIsTheLastSuchDayOnOrBeforeTheReport(string text, string expected)
    {
        var t = Assert.Single(DateTagger.Find(text, 0, text.Length));

        Assert.Equal(TimeKind.Weekday, t.Kind);
        Assert.Equal(Day(expected), t.Resolve(Day("2025-12-03"), Day("2025-12-03")));
        Assert.Null(t.Resolve(null, Day("2025-12-03")));
    }

    [Theory]
    [InlineData("Last week, the minister said", TimeKind.NotADay)]
    [InlineData("as he said earlier this month", TimeKind.NotADay)]
    [InlineData("talks held over the weekend", TimeKind.NotADay)]
    [InlineData("the sides will meet next Monday", TimeKind.NotADay)]
    [InlineData("That same day, the envoy said", TimeKind.SameDay)]
    [InlineData("the envoy said yesterday", TimeKind.Relative)]
    [InlineData("Earlier, the envoy wrote", TimeKind.NotADay)]
    public void TimesThatAreNotADayAreTaggedAsSuch(string text, TimeKind kind) => Assert.Equal(kind, Single(text).Kind);

    [Theory]
    [InlineData("MOSCOW, November 24. /AGENCY/. The minister said", "MOSCOW", "2025-11-24")]
    [InlineData("KYIV, Dec 4 (Newswire) - The president said", "KYIV", "2025-12-04")]
    [InlineData("VILNIUS, 5 December (Agency) – The talks", "VILNIUS", "2025-12-05")]
    [InlineData("PARIS, January 7, 2026 – Leaders agreed", "PARIS", "2026-01-07")]
    [InlineData(" date 2025-11-24 ANKARA, November 23. /AGENCY/. Officials said", "ANKARA", "2025-11-23")]
    public void AWireDatelineGivesItsPlaceAndDay(string text, string place, string day)
    {
        var dateline = DateTagger.FindDateline(text);

        Assert.NotNull(dateline);
        Assert.Equal(place, dateline.Place);
        Assert.Equal(Day(day), dateline.Date.Resolve(null, Day("2026-01-20")));
    }

    [Theory]
    [InlineData("MIAMI – Leaders arrive this weekend for talks.")]
    [InlineData("The minister said on November 24 that the plan was ready.")]
    public void TextWithoutADatelineHasNone(string text) => Assert.Null(DateTagger.FindDateline(text));
}
