using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>An actor's latest position on an issue as of the matrix date.</summary>
public sealed record StanceCell(int PositionId, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision, string Summary)
{
    /// <summary>With a comparison date: true when the stance differs from the one then (including "none yet").</summary>
    public bool Changed { get; init; }

    /// <summary>With a comparison date: the stance then, or null for "no known position".</summary>
    public Stance? Before { get; init; }
}

public sealed record StanceRow(int ActorId, ActorRef Actor, string Side, string? Role, IReadOnlyDictionary<int, StanceCell> Cells);

public sealed record StanceColumn(int Id, string Slug, string Name, string Description);

/// <summary>One line of the "who moved" list: a stance that differs between the comparison date and the as-of date.</summary>
public sealed record StanceChange(ActorRef Actor, string IssueSlug, string IssueName, Stance? From, Stance To, DateOnly AsOf, DatePrecision AsOfPrecision);

/// <summary>
/// The matrix as of a day: its columns, how many actor rows it has (rows are read a window at a time, see
/// <see cref="StanceQueries.GetRowsAsync"/>), and with a comparison date the stances that changed.
/// </summary>
public sealed record StanceMatrix(
    DateOnly? AsOf,
    DateOnly? Since,
    IReadOnlyList<StanceColumn> Issues,
    int RowCount,
    StanceChangeList? Changes);

/// <summary>Who moved: how many cells changed, and the most recent of them.</summary>
public sealed record StanceChangeList(int Total, IReadOnlyList<StanceChange> Latest);

public sealed record PositionHistoryItem(int Id, Stance Stance, DateOnly AsOf, DatePrecision AsOfPrecision, string Summary)
{
    /// <summary>Whether someone other than its author compared the position with its evidence.</summary>
    public Verification.CheckInfo Check { get; init; } = Checked.None;
}

/// <summary>What the evidence drawer shows for one cell.</summary>
public sealed record StanceCellDetail(
    ActorRef Actor,
    string Side,
    IssueRef Issue,
    PositionHistoryItem? Current,
    IReadOnlyList<StatementItem> Evidence,
    IReadOnlyList<PositionHistoryItem> History,
    int LaterPositions);
