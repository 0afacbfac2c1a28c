using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Csv;

// Rows as the CSV exports write them. Each is a keyless entity over a SQL query, because the list cells
// (a statement's issues, a meeting's participants, a position's evidence) are SQLite group_concat
// aggregates, which LINQ cannot express; filters and ordering are still composed in LINQ on top.

public sealed class StatementExportRow : IRetractable
{
    public int Id { get; set; }
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public DateOnly Date { get; set; }
    public string Key { get; set; } = "";
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public DatePrecision DatePrecision { get; set; }
    public DateBasis DateBasis { get; set; }
    public TextKind Kind { get; set; }
    public string Text { get; set; } = "";
    public Channel Channel { get; set; }
    public Attribution Attribution { get; set; }
    public string Source { get; set; } = "";
    public string? ViaSource { get; set; }
    public string? Meeting { get; set; }
    public string? Issues { get; set; }
    public string? OriginalLanguage { get; set; }
    public string? OriginalText { get; set; }
}

public sealed class MeetingExportRow : IRetractable
{
    public int Id { get; set; }
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public string Slug { get; set; } = "";
    public string Title { get; set; } = "";
    public string Place { get; set; } = "";
    public DateOnly Date { get; set; }
    public DatePrecision DatePrecision { get; set; }
    public DateBasis DateBasis { get; set; }
    public int? DurationMinutes { get; set; }
    public string? Participants { get; set; }
    public string Outcome { get; set; } = "";
    public string Source { get; set; } = "";
}

public sealed class PositionExportRow : IRetractable
{
    public int Id { get; set; }
    public DateTime? RetractedAt { get; set; }
    public string? RetractedReason { get; set; }
    public string Actor { get; set; } = "";
    public string ActorName { get; set; } = "";
    public string Side { get; set; } = "";
    public string Issue { get; set; } = "";
    public string IssueName { get; set; } = "";
    public DateOnly AsOf { get; set; }
    public DatePrecision AsOfPrecision { get; set; }
    public Stance Stance { get; set; }
    public string Summary { get; set; } = "";
    public string? Evidence { get; set; }
    public string? Sources { get; set; }
}

/// <summary>An export row that can be marked retracted (with ?retracted=include).</summary>
public interface IRetractable
{
    DateTime? RetractedAt { get; }
    string? RetractedReason { get; }
}

/// <summary>
/// The export rows as SQL views over the record. Identifiers are quoted so the same text runs on SQLite and PostgreSQL;
/// only the list aggregate differs (SQLite's group_concat, PostgreSQL's string_agg, both ordered).
/// </summary>
public sealed class ExportRowConfiguration(bool postgres) :
    IEntityTypeConfiguration<StatementExportRow>, IEntityTypeConfiguration<MeetingExportRow>, IEntityTypeConfiguration<PositionExportRow>
{
    // SQLite takes no separator beside DISTINCT (its default is ','), so a distinct list is always comma-separated.
    private string List(string value, string orderBy, string separator = "|", bool distinct = false) => (postgres, distinct) switch
    {
        (true, _) => $"string_agg({(distinct ? "DISTINCT " : "")}{value}, '{(distinct ? "," : separator)}' ORDER BY {orderBy})",
        (false, true) => $"group_concat(DISTINCT {value} ORDER BY {orderBy})",
        (false, false) => $"group_concat({value}, '{separator}' ORDER BY {orderBy})",
    };

    public void Configure(EntityTypeBuilder<StatementExportRow> builder) => builder.HasNoKey().Live().ToSqlQuery($"""
        SELECT s."Id", s."RetractedAt", s."RetractedReason", s."Date", s."Key", a."Slug" AS "Actor", a."Name" AS "ActorName",
               s."DatePrecision", s."DateBasis", s."Kind", s."Text", s."Channel", s."Attribution", src."Key" AS "Source",
               via."Key" AS "ViaSource", m."Slug" AS "Meeting",
               (SELECT {List("i.\"Slug\"", "i.\"Slug\"")}
                  FROM "StatementIssues" si JOIN "Issues" i ON i."Id" = si."IssueId" WHERE si."StatementId" = s."Id") AS "Issues",
               s."OriginalLanguage", s."OriginalText"
        FROM "Statements" s
        JOIN "Actors" a ON a."Id" = s."ActorId"
        JOIN "Sources" src ON src."Id" = s."SourceId"
        LEFT JOIN "Sources" via ON via."Id" = s."ViaSourceId"
        LEFT JOIN "Meetings" m ON m."Id" = s."MeetingId"
        """);

    public void Configure(EntityTypeBuilder<MeetingExportRow> builder) => builder.HasNoKey().Live().ToSqlQuery($"""
        SELECT m."Id", m."RetractedAt", m."RetractedReason", m."Slug", m."Title", m."Place", m."Date", m."DatePrecision", m."DateBasis",
               m."DurationMinutes",
               (SELECT {List("a.\"Slug\" || ':' || p.\"Role\"", "a.\"Slug\"")}
                  FROM "MeetingParticipants" p JOIN "Actors" a ON a."Id" = p."ActorId" WHERE p."MeetingId" = m."Id") AS "Participants",
               m."Outcome", src."Key" AS "Source"
        FROM "Meetings" m
        JOIN "Sources" src ON src."Id" = m."SourceId"
        """);

    public void Configure(EntityTypeBuilder<PositionExportRow> builder) => builder.HasNoKey().Live().ToSqlQuery($"""
        SELECT p."Id", p."RetractedAt", p."RetractedReason", a."Slug" AS "Actor", a."Name" AS "ActorName", a."Side", i."Slug" AS "Issue",
               i."Name" AS "IssueName", p."AsOf", p."AsOfPrecision", p."Stance", p."Summary",
               (SELECT {List("s.\"Key\"", "s.\"Key\"")}
                  FROM "PositionEvidence" e JOIN "Statements" s ON s."Id" = e."StatementId"
                  WHERE e."PositionId" = p."Id" AND s."RetractedAt" IS NULL) AS "Evidence",
               (SELECT {List("src.\"Title\"", "src.\"Title\"", distinct: true)}
                  FROM "PositionEvidence" e JOIN "Statements" s ON s."Id" = e."StatementId" JOIN "Sources" src ON src."Id" = s."SourceId"
                  WHERE e."PositionId" = p."Id" AND s."RetractedAt" IS NULL) AS "Sources"
        FROM "Positions" p
        JOIN "Actors" a ON a."Id" = p."ActorId"
        JOIN "Issues" i ON i."Id" = p."IssueId"
        """);
}

internal static class ExportRowFilters
{
    /// <summary>Export rows of retracted items are left out unless asked for, like the items themselves.</summary>
    public static EntityTypeBuilder<T> Live<T>(this EntityTypeBuilder<T> builder) where T : class, IRetractable
    {
        builder.HasQueryFilter(Data.PeaceTalksDbContext.Live, r => r.RetractedAt == null);
        return builder;
    }
}
