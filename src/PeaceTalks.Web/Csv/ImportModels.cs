namespace PeaceTalks.Web.Csv;

/// <summary>One problem with an imported file. Row numbers count the header as row 1, as a spreadsheet shows them.</summary>
public sealed record ImportError(int Row, string Column, string Value, string Reason)
{
    private const int ShownValueLength = 60;

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
    public bool HasErrors => Errors.Count > 0;

    public static ImportReport Failed(string fileName, CsvFormat? format, int rows, IReadOnlyList<ImportError> errors) =>
        new(fileName, format, rows, 0, 0, 0, errors, Written: false);
}
