using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Services;

/// <summary>
/// Where the record stands: the newest audit entry and the highest ids. Every change the app makes moves the first;
/// rows added by other means move the others. Caches compare versions rather than guess at lifetimes.
/// </summary>
public readonly record struct RecordVersion(long Audit, long Statements, long Meetings, long Positions, long Actors)
{
    /// <summary>Reads it in one round trip (seven index look-ups).</summary>
    public static async Task<RecordVersion> ReadAsync(PeaceTalksDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var close = connection.State != System.Data.ConnectionState.Open;
        if (close)
        {
            await connection.OpenAsync(cancellationToken);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT (SELECT MAX("Id") FROM "AuditEntries"), (SELECT MAX("Id") FROM "Statements"), (SELECT MAX("Id") FROM "Meetings"),
                       (SELECT MAX("Id") FROM "Positions"), (SELECT MAX("Id") FROM "Actors")
                """;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            long At(int i) => reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            return new RecordVersion(At(0), At(1), At(2), At(3), At(4));
        }
        finally
        {
            if (close)
            {
                await connection.CloseAsync();
            }
        }
    }
}
