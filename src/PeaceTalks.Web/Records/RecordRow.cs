namespace PeaceTalks.Web.Records;

/// <summary>
/// One row of a record type, each value found by its field: parsed from a file, a form or the intake (references
/// as natural keys, lists as <see cref="LinkItem"/>s), or read from the database.
/// </summary>
public sealed class RecordRow(RecordType type, int line)
{
    private readonly object?[] _values = new object?[type.Fields.Count];

    public RecordType Type { get; } = type;

    /// <summary>Where it came from: the file's row (the header is row 1), or 1 for a form.</summary>
    public int Line { get; } = line;

    public object? this[RecordField field]
    {
        get => _values[Own(field).Ordinal];
        set => _values[Own(field).Ordinal] = value;
    }

    public object? this[string field]
    {
        get => this[Type[field]];
        set => this[Type[field]] = value;
    }

    /// <summary>The row's natural key, e.g. "vladimir-putin" or "vladimir-putin|territory|2025-12-02".</summary>
    public string NaturalKey => Type.KeyOf(this);

    /// <summary>A field's value as text (a CSV cell, a form's value).</summary>
    public string? Text(RecordField field) => field.Format(this[field]);

    /// <summary>The written fields' values as text, in field order: what the history and the import compare.</summary>
    public string?[] Texts() => [.. Type.WrittenFields.Select(Text)];

    /// <summary>Every field's value as text by name (a form's values).</summary>
    public Dictionary<string, string?> ToDictionary() => Type.WrittenFields.ToDictionary(f => f.Name, Text, StringComparer.Ordinal);

    private RecordField Own(RecordField field) => ReferenceEquals(field.Record, Type) ? field
        : throw new ArgumentException($"{field} is not a field of {Type.Name}.", nameof(field));
}

/// <summary>A stored row: its id, version and state besides its values.</summary>
public sealed record StoredRow(int Id, long Version, DateTime? RetractedAt, string? RetractedReason, RecordRow Values)
{
    public bool Retracted => RetractedAt is not null;

    public string NaturalKey => Values.NaturalKey;
}
