using System.Buffers;

namespace PeaceTalks.Web.Csv;

/// <summary>What CSV files add to the text of a value: spreadsheets must not run it as a formula.</summary>
public static class CsvCells
{
    private static readonly SearchValues<char> FormulaTriggers = SearchValues.Create("=+-@\t\r");

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ tab or CR as a formula. Such a value is written
    /// with a leading apostrophe. A value that already starts with apostrophes before such a character
    /// gets one more, so <see cref="Restore"/> can strip exactly one and the round trip is lossless.
    /// </summary>
    public static string Neutralise(string value) => NeedsApostrophe(value) ? "'" + value : value;

    /// <summary>Undoes <see cref="Neutralise"/> on import.</summary>
    public static string Restore(string value) =>
        value.Length > 1 && value[0] == '\'' && NeedsApostrophe(value) ? value[1..] : value;

    private static bool NeedsApostrophe(string value)
    {
        var i = 0;
        while (i < value.Length && value[i] == '\'')
        {
            i++;
        }
        return i < value.Length && FormulaTriggers.Contains(value[i]);
    }
}
