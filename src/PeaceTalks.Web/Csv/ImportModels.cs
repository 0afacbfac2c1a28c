namespace PeaceTalks.Web.Csv;

/// <summary>One problem with an imported file. Row numbers count the header as row 1, as a spreadsheet shows them.</summary>
public sealed record ImportError(int Row, string Column, string Value, string Reason)
{
    private const int ShownValueLength = 60;

    public static ImportError ForFile(string reason) => new(0, "", "", reason);

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
        var shown = Value.Length > ShownValueLength ? Value[..ShownValueLength] + "…" : Value;
        return $"{place}: '{shown}' {Reason}";
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
