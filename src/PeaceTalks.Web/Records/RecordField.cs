using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Records;

/// <summary>How a field is edited in a form.</summary>
public enum FieldInput { Text, LongText, Key, Url, Date, Number, Choice, Actor, Source, Meeting, Issue, Issues, Evidence, Participants, Language, Plan, PlanVersion, PlanPoint, PlanPoints }

/// <summary>One choice of a field with a fixed list of values: the word stored and the label shown.</summary>
public sealed record Choice(string Value, string Label);

/// <summary>How a field shows in its edit form.</summary>
public sealed record FormSpec(string Label, FieldInput Input, string? Help = null, IReadOnlyList<Choice>? Choices = null);

/// <summary>
/// One field of a record type: its name (the CSV column, the form field, the history's field), how its value is read
/// and checked, how it is written as text, how its form shows it, and where the database keeps it.
/// </summary>
public abstract class RecordField(string name)
{
    public string Name { get; } = name;

    /// <summary>A value must be given (forms mark it required).</summary>
    public bool Mandatory { get; init; }

    /// <summary>An imported file must have the column (its cells may still be blank when not mandatory).</summary>
    public bool InHeader { get; init; } = true;

    /// <summary>Written for readers (an actor's name next to its slug); ignored on import, not in forms.</summary>
    public virtual bool ExportOnly => false;

    /// <summary>How the edit form shows it; null when it is not edited there.</summary>
    public FormSpec? Form { get; init; }

    /// <summary>The record type it belongs to, and its place among that type's fields.</summary>
    public RecordType Record { get; internal set; } = null!;

    public int Ordinal { get; internal set; }

    /// <summary>Reads the field's value from the reader's current row and checks it; problems go to the reader.</summary>
    public abstract object? Parse(FieldReader reader);

    /// <summary>The value as text: a CSV cell, a form's value, a history entry's; null for none.</summary>
    public abstract string? Format(object? value);

    public override string ToString() => $"{Record?.Name}.{Name}";
}

/// <summary>A field kept in a column of the record's own table (<see cref="Property"/> is the EF property).</summary>
public abstract class ColumnField(string name, string property) : RecordField(name)
{
    public string Property { get; } = property;
}

/// <summary>A value of the record's own: a text, a date, a choice, a number.</summary>
public sealed class ValueField(string name, string property, Func<FieldReader, string, object?> parse, Func<object?, string?> format)
    : ColumnField(name, property)
{
    /// <summary>How the stored value is read when it is not the property itself (e.g. nothing for a precision without its date).</summary>
    public LambdaExpression? Read { get; init; }

    public override object? Parse(FieldReader reader) => parse(reader, Name);

    public override string? Format(object? value) => format(value);
}

/// <summary>A reference to another record by its natural key ("vladimir-putin"), kept as the other row's id.</summary>
public sealed class ReferenceField(string name, string property, Func<RecordType> target) : ColumnField(name, property)
{
    public RecordType Target => target();

    public override object? Parse(FieldReader reader) => Mandatory ? reader.Slug(Name) : reader.OptionalSlug(Name);

    public override string? Format(object? value) => value as string;
}

/// <summary>A value shown beside the record for readers (an actor's name, an issue's name): exported, never imported.</summary>
public sealed class DerivedField(string name, LambdaExpression read, Func<object?, string?>? format = null) : RecordField(name)
{
    public LambdaExpression Read { get; } = read;

    public override bool ExportOnly => true;

    public override object? Parse(FieldReader reader) => null;

    public override string? Format(object? value) => format is null ? value as string : format(value);
}

/// <summary>One item of a list field: the referenced record's natural key and, for participants, the role.</summary>
public sealed record LinkItem(string Key, object? Role = null);

/// <summary>
/// A list of rows that hang off a record in a table of their own (a statement's issues, a meeting's participants, a
/// position's evidence), shown as one text: items sorted, each "key" or "key:role", joined with '|'.
/// </summary>
public abstract class ListField(string name) : RecordField(name)
{
    /// <summary>The EF entity of the list's rows.</summary>
    public abstract Type LinkType { get; }

    /// <summary>The property of a list row that holds its owner's id.</summary>
    public abstract string OwnerProperty { get; }

    /// <summary>Each owner's items, read in one query for many owners: owner id → item texts.</summary>
    internal abstract Task<Dictionary<int, List<string>>> ReadAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken);

    /// <summary>How the items of one owner read as text.</summary>
    internal abstract string? Join(List<string> items);

    /// <summary>A list row for an owner and a resolved item.</summary>
    internal abstract object Create(int ownerId, int itemId, object? role);

    /// <summary>Deletes the list rows of these owners (before an update writes them again).</summary>
    internal abstract Task DeleteAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken);
}

/// <summary>A list whose items refer to records of another type.</summary>
internal interface IReferenceList
{
    RecordType Target { get; }

    /// <summary>The property of a list row that holds the referenced record's id.</summary>
    string ItemProperty { get; }

    /// <summary>The property of a list row that holds its role, if the list has roles.</summary>
    string? RoleProperty { get; }

    /// <summary>True when the referenced record cannot be retracted while a live owner lists it.</summary>
    bool HoldsTarget { get; }

    /// <summary><c>owner.{list}.Any(l => l.{item} == id)</c>.</summary>
    Expression AnyItem(Microsoft.EntityFrameworkCore.Metadata.IModel model, ParameterExpression owner, Expression id);
}

/// <summary>A list of references the record's editors choose (issues, participants, evidence).</summary>
public sealed class LinkField<TLink>(
    string name,
    Expression<Func<TLink, int>> owner,
    Expression<Func<TLink, int>> item,
    Func<RecordType> target) : ListField(name), IReferenceList where TLink : class
{
    string? IReferenceList.RoleProperty => Role?.Property;

    /// <summary>False for evidence: a statement can be retracted while positions cite it (they are warned of, and stop counting it).</summary>
    public bool HoldsTarget { get; init; } = true;

    Expression IReferenceList.AnyItem(Microsoft.EntityFrameworkCore.Metadata.IModel model, ParameterExpression owner, Expression id)
    {
        var navigation = model.FindEntityType(owner.Type)!.GetNavigations().Single(n => n.TargetEntityType.ClrType == typeof(TLink));
        var l = Expression.Parameter(typeof(TLink), "l");
        var matches = Expression.Lambda<Func<TLink, bool>>(Expression.Equal(Expression.Property(l, ItemProperty), id), l);
        return Expression.Call(typeof(Enumerable), nameof(Enumerable.Any), [typeof(TLink)], Expression.Property(owner, navigation.Name), matches);
    }

    /// <summary>A list row for an owner and a resolved item.</summary>
    internal override Task DeleteAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken) =>
        db.Set<TLink>().IgnoreQueryFilters([PeaceTalksDbContext.Live]).Where(Expressions.In(owner, owners)).ExecuteDeleteAsync(cancellationToken);

    internal override object Create(int ownerId, int itemId, object? role)
    {
        _setOwner ??= Expressions.Setter<TLink>(OwnerProperty);
        _setItem ??= Expressions.Setter<TLink>(ItemProperty);
        var link = Activator.CreateInstance<TLink>();
        _setOwner(link, ownerId);
        _setItem(link, itemId);
        if (Role is { } r)
        {
            _setRole ??= Expressions.Setter<TLink>(r.Property);
            _setRole(link, role);
        }
        return link;
    }

    private Action<TLink, object?>? _setOwner;
    private Action<TLink, object?>? _setItem;
    private Action<TLink, object?>? _setRole;

    public override Type LinkType => typeof(TLink);

    public override string OwnerProperty { get; } = Expressions.MemberName(owner);

    /// <summary>The property of a list row that holds the referenced record's id.</summary>
    public string ItemProperty { get; } = Expressions.MemberName(item);

    public RecordType Target => target();

    /// <summary>The role column of a participant, with how a role is read and written; null for plain lists.</summary>
    public (string Property, Func<string, object?> Parse, Func<object, string> Format, IReadOnlyList<string> Words)? Role { get; init; }

    /// <summary>Which rows count when the list is read (e.g. evidence from live statements only).</summary>
    public Expression<Func<TLink, bool>>? ReadFilter { get; init; }

    /// <summary>The message when a mandatory list is empty.</summary>
    public string? EmptyMessage { get; init; }

    public override object? Parse(FieldReader reader)
    {
        var value = reader.Raw(Name).Trim();
        var items = new List<LinkItem>();
        if (value.Length == 0)
        {
            if (Mandatory)
            {
                reader.Fail(Name, "", EmptyMessage ?? "is required but empty");
            }
            return items;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in value.Split(Cells.ListSeparator, StringSplitOptions.TrimEntries))
        {
            if (Role is { } role)
            {
                var pieces = part.Split(Cells.RoleSeparator, StringSplitOptions.TrimEntries);
                var roleValue = pieces.Length == 2 ? role.Parse(pieces[1]) : null;
                if (pieces.Length != 2 || !FieldReader.IsSlug(pieces[0]) || roleValue is null)
                {
                    reader.Fail(Name, value, $"has '{part}', which is not actor-slug:role (roles: {string.Join(", ", role.Words)})");
                    continue;
                }
                if (!seen.Add(pieces[0]))
                {
                    reader.Fail(Name, value, $"lists '{pieces[0]}' twice");
                    continue;
                }
                items.Add(new LinkItem(pieces[0], roleValue));
            }
            else
            {
                if (!FieldReader.IsSlug(part))
                {
                    reader.Fail(Name, value, $"has '{part}', which is not a valid slug (items are separated by '{Cells.ListSeparator}')");
                }
                else if (!seen.Add(part))
                {
                    reader.Fail(Name, value, $"lists '{part}' twice");
                }
                items.Add(new LinkItem(part));
            }
        }
        return items;
    }

    /// <summary>The items as text; a stored row holds them as text already.</summary>
    public override string? Format(object? value) => value switch
    {
        string text => text,
        IReadOnlyList<LinkItem> { Count: > 0 } items => Join([.. items.Select(Text)]),
        _ => null,
    };

    private string Text(LinkItem item) => Role is { } role && item.Role is { } value ? $"{item.Key}{Cells.RoleSeparator}{role.Format(value)}" : item.Key;

    internal override string? Join(List<string> items)
    {
        if (items.Count == 0)
        {
            return null;
        }
        items.Sort(StringComparer.Ordinal);
        return string.Join(Cells.ListSeparator, items);
    }

    internal override async Task<Dictionary<int, List<string>>> ReadAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken)
    {
        var rows = Expressions.ListRows(db, owner, Expressions.ReferenceKey<TLink>(db.Model, ItemProperty, Target), Role?.Property, ReadFilter, owners);
        var result = new Dictionary<int, List<string>>();
        await foreach (var (ownerId, key, role) in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!result.TryGetValue(ownerId, out var list))
            {
                result[ownerId] = list = [];
            }
            list.Add(Role is { } r && role is not null ? $"{key}{Cells.RoleSeparator}{r.Format(role)}" : key!);
        }
        return result;
    }
}

/// <summary>A list read for readers from other rows (a position's sources): exported, never imported.</summary>
public sealed class DerivedListField<TLink>(
    string name,
    Expression<Func<TLink, int>> owner,
    Expression<Func<TLink, string>> value,
    Expression<Func<TLink, bool>>? filter,
    string separator) : ListField(name) where TLink : class
{
    public override bool ExportOnly => true;

    public override Type LinkType => typeof(TLink);

    internal override object Create(int ownerId, int itemId, object? role) => throw new NotSupportedException($"{Name} is written by nobody.");

    internal override Task DeleteAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken) => Task.CompletedTask;

    public override string OwnerProperty { get; } = Expressions.MemberName(owner);

    public override object? Parse(FieldReader reader) => null;

    public override string? Format(object? value) => value as string;

    internal override string? Join(List<string> items)
    {
        if (items.Count == 0)
        {
            return null;
        }
        return string.Join(separator, items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    internal override async Task<Dictionary<int, List<string>>> ReadAsync(PeaceTalksDbContext db, int[] owners, CancellationToken cancellationToken)
    {
        var rows = Expressions.ListRows(db, owner, value, null, filter, owners);
        var result = new Dictionary<int, List<string>>();
        await foreach (var (ownerId, text, _) in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!result.TryGetValue(ownerId, out var list))
            {
                result[ownerId] = list = [];
            }
            list.Add(text!);
        }
        return result;
    }
}
