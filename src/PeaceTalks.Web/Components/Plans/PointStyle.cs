using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;

namespace PeaceTalks.Web.Components.Plans;

/// <summary>How a stance on a point and a point's state are shown: an icon and a word as well as a colour, never colour alone.</summary>
public static class PointStyle
{
    public static string Word(PointStance stance) => DateText.Label(stance).ToLowerInvariant();

    /// <summary>The icon (a symbol of icons.svg) and the colour class, shared with the stances on issues where they mean the same.</summary>
    public static string CssClass(PointStance stance) => stance switch
    {
        PointStance.Proposed or PointStance.Accepts => "stance-supports",
        PointStance.AcceptsWithReservations => "stance-leans-support",
        PointStance.NoPositionStated => "stance-ambiguous",
        _ => "stance-opposes",
    };

    public static string Word(PointState state) => state switch
    {
        PointState.Agreed => "agreed",
        PointState.Contested => "contested",
        PointState.OneSide => "one side only",
        _ => "no stated position",
    };

    public static string CssClass(PointState state) => state switch
    {
        PointState.Agreed => "stance-supports",
        PointState.Contested => "stance-opposes",
        PointState.OneSide => "stance-leans-support",
        _ => "stance-none",
    };

    public static string Explanation(PointState state) => state switch
    {
        PointState.Agreed => "Actors of two or more sides accept it, and nobody rejects it.",
        PointState.Contested => "At least one actor rejects it.",
        PointState.OneSide => "Accepted by one side so far; nobody rejects it.",
        _ => "Nobody has stated a position on it.",
    };

    public static string Word(PointComparison comparison) => comparison switch
    {
        PointComparison.Added => "added",
        PointComparison.Unchanged => "unchanged",
        PointComparison.Reworded => "reworded",
        PointComparison.Merged => "merged",
        PointComparison.Split => "split",
        _ => "dropped",
    };
}
