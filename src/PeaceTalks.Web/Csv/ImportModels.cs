using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Csv;

public enum ImportStage { Reading, Checking, Writing, Done }

public sealed record ImportProgress(ImportStage Stage, int Done, int Total);

/// <summary>What an import would do (preview) or did (after writing).</summary>
public sealed record ImportReport(
    string FileName,
    RecordType? Format,
    int Rows,
    int Added,
    int Updated,
    int Unchanged,
    IReadOnlyList<FieldProblem> Errors,
    bool Written)
{
    /// <summary>How many problems there are in all; <see cref="Errors"/> holds at most the first 1,000.</summary>
    public int ErrorCount { get; init; } = Errors.Count;

    public bool HasErrors => ErrorCount > 0;

    /// <summary>What does not stop the import but deserves a look (a verbatim quote not in its stored report); at most 1,000.</summary>
    public IReadOnlyList<FieldProblem> Warnings { get; init; } = [];

    public static ImportReport Failed(string fileName, RecordType? format, int rows, params FieldProblems[] problems) =>
        new(fileName, format, rows, 0, 0, 0, FieldProblems.Merge(problems), Written: false) { ErrorCount = problems.Sum(e => e.Total) };
}
