using System.Data.Common;
using System.Globalization;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>Reading values from hand-written SQL the same way on both providers.</summary>
public static class TestSql
{
    /// <summary>A date column: text "YYYY-MM-DD" on SQLite, a date on PostgreSQL.</summary>
    public static DateOnly Date(DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        DateOnly date => date,
        DateTime dateTime => DateOnly.FromDateTime(dateTime),
        var text => DateOnly.ParseExact((string)text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
