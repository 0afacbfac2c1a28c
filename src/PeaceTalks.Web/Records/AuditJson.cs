using System.Buffers;
using System.Text;
using System.Text.Json;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// Writes and reads an audit entry's list of changed fields: [{"field":"text","old":"…","new":"…"}]. A missing "old"
/// or "new" means the field had no value (every "old" of a created item): an import of a million rows writes a
/// million of these, so the nothing is not spelt out.
/// </summary>
public static class AuditJson
{
    public static string Write(IEnumerable<FieldChange> changes)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var change in changes)
            {
                json.WriteStartObject();
                json.WriteString("field", change.Field);
                if (change.Old is not null)
                {
                    json.WriteString("old", change.Old);
                }
                if (change.New is not null)
                {
                    json.WriteString("new", change.New);
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<FieldChange> Read(string changes)
    {
        using var document = JsonDocument.Parse(changes);
        return
        [
            .. document.RootElement.EnumerateArray().Select(e => new FieldChange(
                e.GetProperty("field").GetString() ?? "",
                e.TryGetProperty("old", out var old) ? old.GetString() : null,
                e.TryGetProperty("new", out var now) ? now.GetString() : null)),
        ];
    }

    /// <summary>The fields whose values differ between two versions of a row (null for "none before", e.g. on create).</summary>
    public static List<FieldChange> Diff(IReadOnlyList<string> fields, IReadOnlyList<string?>? before, IReadOnlyList<string?> after)
    {
        var changes = new List<FieldChange>();
        for (var i = 0; i < fields.Count; i++)
        {
            var old = before?[i];
            if (!string.Equals(old, after[i], StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(fields[i], old, after[i]));
            }
        }
        return changes;
    }
}
