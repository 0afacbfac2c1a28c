using System.Linq.Expressions;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>
/// One record type (statements, actors, …) described once: its fields in CSV order, which of them make the natural
/// key, how its form orders them, and the checks that involve several fields. The CSV format, the import, the export,
/// the edit form, the history and the intake all read the record through this description; the EF model says where
/// each field is kept.
/// </summary>
public abstract partial class RecordType
{
    private readonly Dictionary<string, RecordField> _byName;

    protected RecordType(string name, string noun, IReadOnlyList<RecordField> fields, IReadOnlyList<RecordField> key, IReadOnlyList<RecordField> form)
    {
        Name = name;
        Noun = noun;
        Fields = fields;
        KeyFields = key;
        FormFields = form;
        for (var i = 0; i < fields.Count; i++)
        {
            fields[i].Record = this;
            fields[i].Ordinal = i;
        }
        _byName = fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
        if (key.Concat(form).Any(f => !fields.Contains(f)))
        {
            throw new ArgumentException($"{name}: key and form fields must be among its fields.");
        }
    }

    /// <summary>"statements": the CSV format and seed file name, the export and API table, the address segment.</summary>
    public string Name { get; }

    /// <summary>"statement": how the history and messages name one item.</summary>
    public string Noun { get; }

    /// <summary>Every field in CSV column order (export-only ones included).</summary>
    public IReadOnlyList<RecordField> Fields { get; }

    /// <summary>The fields whose values make the natural key (a slug or key; actor + issue + as_of for positions).</summary>
    public IReadOnlyList<RecordField> KeyFields { get; }

    /// <summary>The fields of the edit form, in the order a person fills them.</summary>
    public IReadOnlyList<RecordField> FormFields { get; }

    /// <summary>The fields an import, a form or the intake gives (everything but the export-only ones).</summary>
    public IEnumerable<RecordField> WrittenFields => Fields.Where(f => !f.ExportOnly);

    /// <summary>The CSV header an export writes.</summary>
    public IEnumerable<string> Header => Fields.Select(f => f.Name);

    /// <summary>What the natural key is called in messages ("slug", "key", "actor + issue + as_of").</summary>
    public string KeyDescription => string.Join(" + ", KeyFields.Select(f => f.Name));

    /// <summary>The EF entity the record lives in.</summary>
    public abstract Type EntityType { get; }

    /// <summary>The property holding a single-field natural key (Slug, Key), which references look up.</summary>
    public string KeyProperty => KeyFields is [ColumnField key] ? key.Property
        : throw new InvalidOperationException($"{Name} has a composite key; nothing refers to it by key.");

    /// <summary>The slug a new item gets when its key is left empty, made from its other fields (see <see cref="Keys"/>).</summary>
    public Func<Func<string, string>, string>? SuggestKey { get; init; }

    /// <summary>Field values a new item's form starts with (the commonest case).</summary>
    public IReadOnlyDictionary<string, string?> Defaults { get; init; } = new Dictionary<string, string?>();

    /// <summary>Checks that involve several fields, run after each field has been read.</summary>
    public Action<RecordRow, FieldReader>? Check { get; init; }

    /// <summary>
    /// What a check against the source vouches for (a statement's words, speaker, date and source): a change to any of
    /// these makes a verified or disputed item unverified again; a change to anything else does not. Empty for the
    /// types nobody checks (issues, actors, sources, plans, versions, point stances).
    /// </summary>
    public IReadOnlyList<RecordField> CheckedFields
    {
        get => _checked;
        init => _checked = value.All(f => Fields.Contains(f) && !f.ExportOnly) ? value
            : throw new ArgumentException($"{Name}: checked fields must be among its written fields.", nameof(value));
    }

    private readonly IReadOnlyList<RecordField> _checked = [];

    /// <summary>True for the types a second pair of eyes checks (their entities are <see cref="IVerifiable"/>).</summary>
    public bool Verifiable => _checked.Count > 0;

    /// <summary>True when the two rows differ in a checked field (compared as text, as the history compares them).</summary>
    public bool ChangesChecked(RecordRow before, RecordRow after) =>
        _checked.Any(f => !string.Equals(before.Text(f), after.Text(f), StringComparison.Ordinal));

    public RecordField this[string name] => _byName[name];

    public RecordField? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>Reads and checks every field of the reader's current row; problems go to the reader.</summary>
    public RecordRow Parse(FieldReader reader)
    {
        var row = new RecordRow(this, reader.Row);
        foreach (var field in WrittenFields)
        {
            row[field] = field.Parse(reader);
        }
        Check?.Invoke(row, reader);
        return row;
    }

    /// <summary>A row's natural key: its key fields' text joined with '|'.</summary>
    public string KeyOf(RecordRow row) => string.Join('|', KeyFields.Select(f => f.Format(row[f]) ?? ""));

    public override string ToString() => Name;
}

/// <summary>A record type kept in the EF entity <typeparamref name="T"/>.</summary>
public sealed partial class RecordType<T>(string name, string noun, IReadOnlyList<RecordField> fields, IReadOnlyList<RecordField> key, IReadOnlyList<RecordField> form)
    : RecordType(name, noun, fields, key, form) where T : class, IRecord
{
    public override Type EntityType => typeof(T);
}

/// <summary>Makes the fields of a record type kept in <typeparamref name="T"/>, with the rules each kind of value follows.</summary>
public sealed class FieldFactory<T> where T : class
{
    /// <summary>A natural key or slug: lower-case letters, digits and single hyphens.</summary>
    public ValueField Key(string name, Expression<Func<T, string>> property, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.Slug(n), v => v as string) { Mandatory = true, Form = form };

    public ValueField Text(string name, Expression<Func<T, string>> property, int max, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.Text(n, max), v => v as string) { Mandatory = true, Form = form };

    public ValueField OptionalText(string name, Expression<Func<T, string?>> property, int max, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.OptionalText(n, max), v => v as string) { Form = form };

    public ValueField Url(string name, Expression<Func<T, string?>> property, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.OptionalUrl(n), v => v as string) { Form = form };

    public ValueField Language(string name, Expression<Func<T, string?>> property, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.OptionalLanguage(n), v => v as string) { Form = form };

    public ValueField Word<TEnum>(string name, Expression<Func<T, TEnum>> property, FormSpec form) where TEnum : struct, Enum =>
        new(name, Expressions.MemberName(property), (r, n) => r.Word<TEnum>(n), v => v is TEnum e ? Cells.Word(e) : null) { Mandatory = true, Form = form };

    /// <summary>A required day; a month- or year-precision one is the 1st of its month or year (checked with its precision field).</summary>
    public ValueField Date(string name, Expression<Func<T, DateOnly>> property, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.DateOrPartial(n), v => v is DateOnly d ? Cells.Date(d) : null) { Mandatory = true, Form = form };

    public ValueField OptionalDate(string name, Expression<Func<T, DateOnly?>> property, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.OptionalDate(n), v => v is DateOnly d ? Cells.Date(d) : null) { Form = form };

    public ValueField WholeNumber(string name, Expression<Func<T, int?>> property, int max, FormSpec form) =>
        new(name, Expressions.MemberName(property), (r, n) => r.OptionalWholeNumber(n, max), v => v is int i ? Cells.Number(i) : null) { Form = form };

    /// <summary>A reference to a record of another type by its natural key.</summary>
    public ReferenceField Reference(string name, Expression<Func<T, int>> property, Func<RecordType> target, FormSpec form) =>
        new(name, Expressions.MemberName(property), target) { Mandatory = true, Form = form };

    public ReferenceField OptionalReference(string name, Expression<Func<T, int?>> property, Func<RecordType> target, FormSpec form) =>
        new(name, Expressions.MemberName(property), target) { Form = form };

    /// <summary>A value for readers only, read through the record's references (e.g. the speaker's name).</summary>
    public DerivedField Derived(string name, Expression<Func<T, string>> read) => new(name, read);

    public LinkField<TLink> Links<TLink>(string name, Expression<Func<TLink, int>> owner, Expression<Func<TLink, int>> item, Func<RecordType> target,
        FormSpec form) where TLink : class => new(name, owner, item, target) { Form = form };
}
