namespace PeaceTalks.Web.Csv;

/// <summary>One problem with an imported file. Row numbers count the header as row 1, as a spreadsheet shows them.</summary>
public sealed record ImportError(int Row, string Column, string Value, string Reason)
{
    private const int ShownValueLength = 60;

    /// <summary>A 20,000-character cell is not kept whole in every error about it.</summary>
    private const int KeptValueLength = 200;

    public string Value { get; init; } = Value.Length > KeptValueLength ? Value[..KeptValueLength] : Value;

    public static ImportError ForFile(string reason) => new(0, "", "", reason);

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
        var place = Column.Length == 0 ? $"row {Row}" : $"row {Row}, column {Column}";
        if (Value.Length == 0)
        {
            return $"{place}: {Reason}";
        }
        return $"{place}: '{Shorten(Value)}' {Reason}";
    }
}

public enum ImportStage { Reading, Checking, Writing, Done }

public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

public enum RowChange { Add, Update, Unchanged }

/// <summary>
/// The problems found in a file: all of them counted, the first <see cref="Kept"/> kept. (A broken file of a million
/// rows would otherwise hold a million messages in memory and on the page.)
/// </summary>
public sealed class ImportErrors
{
    public const int MaxKept = 1000;
    private readonly List<ImportError> _kept = [];

    /// <summary>Every problem found, kept or not.</summary>
    public int Total { get; private set; }

    public IReadOnlyList<ImportError> Kept => _kept;

    public void Add(ImportError error)
    {
        Total++;
        if (_kept.Count < MaxKept)
        {
            _kept.Add(error);
        }
    }

    /// <summary>The problems of several readers (the file's rows, their references) in row order, the first <see cref="MaxKept"/>.</summary>
    public static IReadOnlyList<ImportError> Merge(params ImportErrors[] lists) =>
        [.. lists.SelectMany(l => l.Kept).OrderBy(e => e.Row).Take(MaxKept)];
}

/// <summary>What an import would do (preview) or did (after writing).</summary>
public sealed record ImportReport(
    string FileName,
    CsvFormat? Format,
    int Rows,
    int Added,
    int Updated,
    int Unchanged,
    IReadOnlyList<ImportError> Errors,
    bool Written)
{
    /// <summary>How many problems there are in all; <see cref="Errors"/> holds at most the first 1,000.</summary>
    public int ErrorCount { get; init; } = Errors.Count;

    public bool HasErrors => ErrorCount > 0;

    public static ImportReport Failed(string fileName, CsvFormat? format, int rows, params ImportErrors[] errors) =>
        new(fileName, format, rows, 0, 0, 0, ImportErrors.Merge(errors), Written: false) { ErrorCount = errors.Sum(e => e.Total) };
}
