using System.Globalization;

namespace PeaceTalks.Web.Models;

/// <summary>Dates as readers see them, never more exact than the source: "May 2025", never a made-up day.</summary>
public static class DateText
{
    private static readonly CultureInfo English = AppCulture.Culture;

    /// <summary>Long form for headings: "Tuesday 2 December 2025", "May 2025", "By 3 December 2025".</summary>
    public static string Long(DateOnly date, DatePrecision precision, DateBasis basis = DateBasis.On)
    {
        var text = precision switch
        {
            DatePrecision.Year => date.ToString("yyyy", English),
            DatePrecision.Month => date.ToString("MMMM yyyy", English),
            _ => basis == DateBasis.On ? date.ToString("dddd d MMMM yyyy", English) : date.ToString("d MMMM yyyy", English),
        };
        return basis == DateBasis.OnOrBefore ? "By " + text : text;
    }

    /// <summary>Short form for cards and tables: "2 Dec 2025", "May 2025", "by 3 Dec 2025".</summary>
    public static string Short(DateOnly date, DatePrecision precision, DateBasis basis = DateBasis.On)
    {
        var text = precision switch
        {
            DatePrecision.Year => date.ToString("yyyy", English),
            DatePrecision.Month => date.ToString("MMM yyyy", English),
            _ => date.ToString("d MMM yyyy", English),
        };
        return basis == DateBasis.OnOrBefore ? "by " + text : text;
    }

    /// <summary>What an "on or before" date means, for a tooltip or screen reader.</summary>
    public static string? Explain(DateBasis basis) => basis == DateBasis.OnOrBefore
        ? "The source does not say exactly when; this is the latest date it can have been."
        : null;

    public static string Label(Channel channel) => channel switch
    {
        Channel.XPost => "Post on X",
        Channel.SocialMediaPost => "Social-media post",
        Channel.Interview => "Interview",
        Channel.PressBriefing => "Press briefing",
        Channel.PressStatement => "Press statement",
        Channel.Speech => "Speech",
        Channel.Readout => "Readout",
        _ => "Channel not stated",
    };

    public static string Label(ParticipantRole role) => role switch
    {
        ParticipantRole.Host => "host",
        ParticipantRole.Envoy => "envoy",
        ParticipantRole.Delegation => "delegation",
        ParticipantRole.DelegationMember => "delegation member",
        _ => "participant",
    };

    public static string Label(PlanStatus status) => status switch
    {
        PlanStatus.Reported => "Reported or leaked",
        PlanStatus.Published => "Published",
        PlanStatus.AgreedBySome => "Agreed by some parties",
        _ => "Signed",
    };

    public static string Label(PointChange change) => change switch
    {
        PointChange.New => "New",
        PointChange.Unchanged => "Unchanged",
        PointChange.Reworded => "Reworded",
        PointChange.Merged => "Merged from several",
        _ => "Split from one",
    };

    public static string Label(PointStance stance) => stance switch
    {
        PointStance.Proposed => "Proposed it",
        PointStance.Accepts => "Accepts",
        PointStance.AcceptsWithReservations => "Accepts with reservations",
        PointStance.NoPositionStated => "No position stated",
        _ => "Rejects",
    };

    public static string Duration(int minutes) => minutes switch
    {
        < 60 => $"{minutes} min",
        _ when minutes % 60 == 0 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes / 60} h {minutes % 60} min",
    };
}
