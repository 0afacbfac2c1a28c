using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Components.Stances;

/// <summary>How each stance is shown: a word and an icon as well as a colour, so colour is never the only signal.</summary>
public static class StanceStyle
{
    public static string Word(Stance stance) => stance switch
    {
        Stance.Supports => "supports",
        Stance.LeansSupport => "leans support",
        Stance.Ambiguous => "ambiguous",
        Stance.LeansAgainst => "leans against",
        _ => "opposes",
    };

    /// <summary>The stance's icon: a symbol in icons.svg (Material thumbs and question mark) named as its CSS class.</summary>
    public static string Symbol(Stance stance) => CssClass(stance);

    public static string CssClass(Stance stance) => "stance-" + KebabCase<Stance>.ToWord(stance);

    public static string Explanation(Stance stance) => stance switch
    {
        Stance.Supports => "Clearly in favour.",
        Stance.LeansSupport => "Signals favour without committing.",
        Stance.Ambiguous => "Has spoken on the issue, but the record does not show which way.",
        Stance.LeansAgainst => "Signals doubt or resistance without rejecting outright.",
        _ => "Clearly against.",
    };

    public const string NoPositionWord = "no known position";
    public const string NoPositionExplanation = "Nothing on record from this actor on this issue (up to the date shown).";

    /// <summary>"no known position → ambiguous" for the who-moved list.</summary>
    public static string Word(Stance? stance) => stance is { } s ? Word(s) : NoPositionWord;
}
