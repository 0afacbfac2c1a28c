using System.Text.Json.Serialization;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Api;

/// <summary>A date as the record holds it: the day, how precise it is (day, month, year) and what it rests on.</summary>
public sealed record ApiDate(string Value, string Precision, string Basis);

public sealed record ApiActorRef(string Slug, string Name, string Side, string? Role);

public sealed record ApiSourceRef(string Key, string Title, string? Outlet, string? Url, string? Published);

public sealed record ApiMeetingRef(string Slug, string Title);

/// <summary>A statement as the API gives it: natural keys and the CSV format's words, plus the page that cites it.</summary>
public sealed record ApiStatement(
    string Key,
    string Page,
    ApiActorRef Speaker,
    string Text,
    string Kind,
    ApiDate Date,
    string Channel,
    string Attribution,
    ApiSourceRef Source,
    ApiSourceRef? Via,
    ApiMeetingRef? Meeting,
    IReadOnlyList<string> Issues,
    string? OriginalLanguage,
    string? OriginalText,
    string? Retracted,
    ApiCheck Verification)
{
    public static ApiStatement From(StatementItem s, string baseUrl) => new(
        s.Key,
        $"{baseUrl}/statements/{Uri.EscapeDataString(s.Key)}",
        new ApiActorRef(s.Actor.Slug, s.Actor.Name, s.ActorSide, s.ActorRole),
        s.Text,
        Cells.Word(s.Kind),
        new ApiDate(Cells.Date(s.Date), Cells.Word(s.DatePrecision), Cells.Word(s.DateBasis)),
        Cells.Word(s.Channel),
        Cells.Word(s.Attribution),
        SourceOf(s.Source),
        s.Via is { } via ? SourceOf(via) : null,
        s.Meeting is { } m ? new ApiMeetingRef(m.Slug, m.Title) : null,
        [.. s.Issues.Select(i => i.Slug)],
        s.OriginalLanguage,
        s.OriginalText,
        s.RetractedReason,
        ApiCheck.From(s.Check));

    // Only http(s) addresses leave the record as links; anything else is not a link a reader should follow.
    private static ApiSourceRef SourceOf(SourceRef s) =>
        new(s.Key, s.Title, s.Outlet, Models.WebLinks.SafeUrl(s.Url), s.PublishedOn is { } d ? Cells.Date(d) : null);
}

/// <summary>
/// Whether someone other than its author compared the item with its source: <c>state</c> is <c>unverified</c>,
/// <c>verified</c> or <c>disputed</c>; <c>checkedBy</c> (a display name) and <c>checkedAt</c> (UTC) say who verified or
/// disputed it and when; a dispute has its <c>reason</c> (wrong-words, wrong-speaker, wrong-date, source-does-not-say-it,
/// source-unreachable) and the checker's <c>note</c>. The same words as the CSV columns.
/// </summary>
[System.ComponentModel.Description("Whether someone other than its author compared the item with its source.")]
public sealed record ApiCheck(
    [property: System.ComponentModel.Description("unverified, verified or disputed.")] string State,
    [property: System.ComponentModel.Description("The display name of who verified or disputed it; null while unverified.")] string? CheckedBy,
    [property: System.ComponentModel.Description("When it was verified or disputed, UTC (2025-12-03T14:05:09Z); null while unverified.")] string? CheckedAt,
    [property: System.ComponentModel.Description("Why it was disputed: wrong-words, wrong-speaker, wrong-date, source-does-not-say-it or source-unreachable.")] string? Reason,
    [property: System.ComponentModel.Description("The checker's note on a dispute, if any.")] string? Note)
{
    public static ApiCheck From(Verification.CheckInfo check) => new(
        Cells.Word(check.State),
        check.CheckedBy,
        check.CheckedAt is { } at ? Cells.Instant(at) : null,
        check.DisputeReason is { } reason ? Cells.Word(reason) : null,
        check.DisputeNote);
}

/// <summary>One page of statements in the timeline's order; <c>next</c> is the cursor of the page after, or null at the end.</summary>
public sealed record ApiStatementPage(IReadOnlyList<ApiStatement> Items, string? Next);

/// <summary>One cell that moved between the two days: its stance on the comparison day (null: none) and on the as-of day.</summary>
public sealed record ApiStanceChange(string Actor, string ActorName, string Issue, string? From, string To, ApiDate ChangedAsOf);

/// <summary>Who moved between <c>since</c> and <c>asof</c>: how many cells changed, and the most recent ones (at most 200).</summary>
public sealed record ApiStanceChanges(string AsOf, string Since, int Total, IReadOnlyList<ApiStanceChange> Latest);

/// <summary>System.Text.Json source generation: no reflection at run time, camelCase names, nulls written out.</summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ApiStatementPage))]
[JsonSerializable(typeof(ApiStatement))]
[JsonSerializable(typeof(ApiStanceChanges))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
