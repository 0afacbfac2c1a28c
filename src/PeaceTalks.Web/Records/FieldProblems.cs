using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// One problem with a value: where (the row of a file, counting the header as row 1 as a spreadsheet does; 1 for a
/// form), which field (its CSV column name), the value and what is wrong with it. The same rules write the same
/// message for a file, a form and the intake.
/// </summary>
public sealed record FieldProblem(int Row, string Field, string Value, string Reason)
{
    private const int ShownValueLength = 60;

    /// <summary>A 20,000-character cell is not kept whole in every message about it.</summary>
    private const int KeptValueLength = 200;

    public string Value { get; init; } = Value.Length > KeptValueLength ? Value[..KeptValueLength] : Value;

    public static FieldProblem ForFile(string reason) => new(0, "", "", reason);

    /// <summary>The message without its place, for showing under a form field: "'2025-13-45' is not a date (expected YYYY-MM-DD)".</summary>
    public string FieldMessage => Value.Length == 0 ? Capitalise(Reason) : $"'{Shorten(Value)}' {Reason}";

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Shorten(string value) => value.Length > ShownValueLength ? value[..ShownValueLength] + "…" : value;

    public override string ToString()
    {
        if (Row == 0)
        {
            return Reason;
        }
        var place = Field.Length == 0 ? $"row {Row}" : $"row {Row}, column {Field}";
        return Value.Length == 0 ? $"{place}: {Reason}" : $"{place}: '{Shorten(Value)}' {Reason}";
    }
}

/// <summary>
/// The problems found: all of them counted, the first <see cref="MaxKept"/> kept. (A broken file of a million rows
/// would otherwise hold a million messages in memory and on the page.)
/// </summary>
public sealed class FieldProblems
{
    public const int MaxKept = 1000;
    private readonly List<FieldProblem> _kept = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Total { get; private set; }

    public IReadOnlyList<FieldProblem> Kept => _kept;

    public void Add(FieldProblem problem)
    {
        Total++;
        if (_kept.Count < MaxKept)
        {
            _kept.Add(problem);
        }
    }

    /// <summary>The problems of several readers (the file's rows, their references) in row order, the first <see cref="MaxKept"/>.</summary>
    public static IReadOnlyList<FieldProblem> Merge(params FieldProblems[] lists) =>
        [.. lists.SelectMany(l => l.Kept).OrderBy(e => e.Row).Take(MaxKept)];

    /// <summary>Messages per field (for a form), and those that belong to no field.</summary>
    public (IReadOnlyDictionary<string, IReadOnlyList<string>> Fields, IReadOnlyList<string> General) ByField() => (
        _kept.Where(e => e.Field.Length > 0).GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(e => e.FieldMessage).Distinct()]),
        [.. _kept.Where(e => e.Field.Length == 0).Select(e => e.FieldMessage)]);
}

/// <summary>A limit message in the app's number format: "is 20,001 characters long; the limit is 20,000".</summary>
internal static class Limits
{
    public static string TooLong(int length, int max) => $"is {AppCulture.Number(length)} characters long; the limit is {AppCulture.Number(max)}";
}
