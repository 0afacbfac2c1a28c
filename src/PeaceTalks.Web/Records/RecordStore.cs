using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Records;

/// <summary>A natural key looked up: the row's id and whether it is retracted.</summary>
public sealed record KeyedId(string Key, int Id, DateTime? RetractedAt);

/// <summary>
/// How a record type is read from and written to its EF entity: every query here is built from the description's
/// fields and the EF model's names (properties, foreign keys, navigations), never from table or column strings.
/// </summary>
public abstract partial class RecordType
{
    internal const int ChunkSize = 1000;

    /// <summary>Every row, or only the live ones.</summary>
    internal abstract IQueryable<IRecord> Rows(PeaceTalksDbContext db, bool includeRetracted);

    /// <summary>The stored rows with these natural keys (retracted ones included), lists and all.</summary>
    internal abstract Task<Dictionary<string, StoredRow>> FindAsync(PeaceTalksDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>Ids and states of the rows with these natural keys (for references to this type).</summary>
    internal abstract Task<List<KeyedId>> ResolveAsync(PeaceTalksDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);

    /// <summary>True when any row, live or retracted, has this natural key.</summary>
    internal abstract Task<bool> KeyExistsAsync(PeaceTalksDbContext db, string key, CancellationToken cancellationToken);

    /// <summary>True when the table has no rows at all.</summary>
    internal abstract Task<bool> IsEmptyAsync(PeaceTalksDbContext db, CancellationToken cancellationToken);

    /// <summary>How many live rows of this type refer to the row <paramref name="id"/> of <paramref name="target"/> in a way that keeps it on the record.</summary>
    internal abstract Task<int> CountReferencesAsync(PeaceTalksDbContext db, RecordType target, int id, CancellationToken cancellationToken);

    /// <summary>A new entity with the row's values (references resolved by <paramref name="idOf"/>), version 1.</summary>
    internal abstract IRecord Create(RecordRow row, Func<RecordType, string, int> idOf);

    /// <summary>Sets a stored entity's values from the row.</summary>
    internal abstract void Apply(IRecord entity, RecordRow row, Func<RecordType, string, int> idOf);

    /// <summary>Loads tracked entities by id, retracted ones included.</summary>
    internal abstract Task<List<IRecord>> LoadAsync(PeaceTalksDbContext db, int[] ids, CancellationToken cancellationToken);

    internal abstract void SetId(IRecord entity, int id);
}

public sealed partial class RecordType<T>
{
    private static readonly string[] LiveFilter = [PeaceTalksDbContext.Live];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Action<T, object?>> _setters = new();
    private Expression<Func<T, object?[]>>? _projection;

    internal IQueryable<T> Set(PeaceTalksDbContext db, bool includeRetracted)
    {
        var all = db.Set<T>().AsNoTracking().IgnoreQueryFilters(LiveFilter);
        return includeRetracted ? all : all.Where(e => e.RetractedAt == null);
    }

    internal override IQueryable<IRecord> Rows(PeaceTalksDbContext db, bool includeRetracted) => Set(db, includeRetracted);

    /// <summary>
    /// Streams the rows of <paramref name="query"/> (filtered and ordered by the caller) as stored rows, every field
    /// read, export-only ones included. Lists are read a chunk of rows at a time, through a second context.
    /// </summary>
    internal async IAsyncEnumerable<StoredRow> ReadAsync(PeaceTalksDbContext db, IQueryable<T> query,
        Func<CancellationToken, Task<PeaceTalksDbContext>> listContext, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var lists = Fields.OfType<ListField>().ToList();
        await using var listDb = lists.Count > 0 ? await listContext(cancellationToken) : null;
        var chunk = new List<object?[]>(ChunkSize);
        await foreach (var values in query.Select(Projection(db.Model)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            chunk.Add(values);
            if (chunk.Count == ChunkSize)
            {
                foreach (var row in await ToStoredAsync(listDb, chunk, lists, cancellationToken))
                {
                    yield return row;
                }
                chunk.Clear();
            }
        }
        foreach (var row in await ToStoredAsync(listDb, chunk, lists, cancellationToken))
        {
            yield return row;
        }
    }

    internal override async Task<Dictionary<string, StoredRow>> FindAsync(PeaceTalksDbContext db, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, StoredRow>(StringComparer.Ordinal);
        var wanted = keys as IReadOnlySet<string> ?? keys.ToHashSet(StringComparer.Ordinal);
        var lists = Fields.OfType<ListField>().Where(f => !f.ExportOnly).ToList();
        foreach (var batch in wanted.Chunk(ChunkSize))
        {
            var values = await ByKeys(db, batch).Select(Projection(db.Model)).ToListAsync(cancellationToken);
            foreach (var row in await ToStoredAsync(db, values, lists, cancellationToken))
            {
                if (wanted.Contains(row.NaturalKey))
                {
                    found[row.NaturalKey] = row;
                }
            }
        }
        return found;
    }

    internal override async Task<List<KeyedId>> ResolveAsync(PeaceTalksDbContext db, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var e = Expression.Parameter(typeof(T), "e");
        var select = Expression.Lambda<Func<T, KeyedId>>(Expression.New(typeof(KeyedId).GetConstructors()[0],
            Expression.Property(e, KeyProperty), Expression.Property(e, nameof(IRecord.Id)), Expression.Property(e, nameof(IRecord.RetractedAt))), e);
        var result = new List<KeyedId>();
        foreach (var batch in keys.Chunk(ChunkSize))
        {
            result.AddRange(await Set(db, true).Where(Expressions.In(KeyLambda, batch)).Select(select).ToListAsync(cancellationToken));
        }
        return result;
    }

    internal override Task<bool> KeyExistsAsync(PeaceTalksDbContext db, string key, CancellationToken cancellationToken) =>
        Set(db, true).AnyAsync(Expressions.EqualTo(KeyLambda, key), cancellationToken);

    internal override async Task<bool> IsEmptyAsync(PeaceTalksDbContext db, CancellationToken cancellationToken) =>
        !await Set(db, true).AnyAsync(cancellationToken);

    internal override Task<int> CountReferencesAsync(PeaceTalksDbContext db, RecordType target, int id, CancellationToken cancellationToken)
    {
        var e = Expression.Parameter(typeof(T), "e");
        Expression<Func<int>> capture = () => id;
        var terms = new List<Expression>();
        foreach (var field in Fields)
        {
            if (field is ReferenceField reference && reference.Target == target)
            {
                terms.Add(Expression.Equal(Expression.Convert(Expression.Property(e, reference.Property), typeof(int?)),
                    Expression.Convert(capture.Body, typeof(int?))));
            }
            else if (field is ListField { ExportOnly: false } list && list is IReferenceList { HoldsTarget: true } links && links.Target == target)
            {
                terms.Add(links.AnyItem(db.Model, e, capture.Body));
            }
        }
        if (terms.Count == 0)
        {
            return Task.FromResult(0);
        }
        var predicate = Expression.Lambda<Func<T, bool>>(terms.Aggregate(Expression.OrElse), e);
        return Set(db, false).Where(predicate).CountAsync(cancellationToken);
    }

    internal override IRecord Create(RecordRow row, Func<RecordType, string, int> idOf)
    {
        // Required members are the compiler's rule; every one of them is set from the row below.
        var entity = Activator.CreateInstance<T>();
        entity.Version = 1;
        Apply(entity, row, idOf);
        return entity;
    }

    internal override void Apply(IRecord entity, RecordRow row, Func<RecordType, string, int> idOf)
    {
        foreach (var field in Fields.OfType<ColumnField>())
        {
            var value = field switch
            {
                ReferenceField reference => row[field] is string key ? idOf(reference.Target, key) : (object?)null,
                _ => row[field],
            };
            Setter(field.Property)((T)entity, value);
        }
    }

    internal override async Task<List<IRecord>> LoadAsync(PeaceTalksDbContext db, int[] ids, CancellationToken cancellationToken) =>
        [.. await db.Set<T>().IgnoreQueryFilters(LiveFilter).Where(Expressions.In<T, int>(e => e.Id, ids)).ToListAsync(cancellationToken)];

    internal override void SetId(IRecord entity, int id) => Setter(nameof(IRecord.Id))((T)entity, id);

    private Expression<Func<T, string>> KeyLambda
    {
        get
        {
            var e = Expression.Parameter(typeof(T), "e");
            return Expression.Lambda<Func<T, string>>(Expression.Property(e, KeyProperty), e);
        }
    }

    /// <summary>The rows whose natural keys are among <paramref name="keys"/> (or a few more, for a composite key).</summary>
    private IQueryable<T> ByKeys(PeaceTalksDbContext db, string[] keys)
    {
        var query = Set(db, true);
        if (KeyFields.Count == 1)
        {
            return query.Where(Expressions.In(KeyLambda, keys));
        }
        // A composite key (positions: actor|issue|as_of): each part narrows the rows; the exact keys are matched after.
        var parts = keys.Select(k => k.Split('|')).Where(p => p.Length == KeyFields.Count).ToList();
        for (var i = 0; i < KeyFields.Count; i++)
        {
            var field = KeyFields[i];
            var texts = parts.Select(p => p[i]).Distinct(StringComparer.Ordinal).ToList();
            if (field is ReferenceField reference)
            {
                query = query.Where(Expressions.In(Expressions.ReferenceKey<T>(db.Model, reference.Property, reference.Target), [.. texts]));
            }
            else
            {
                var column = (ColumnField)field;
                var values = texts.Select(t => ParseAlone(field, t)).Where(v => v is not null).ToList();
                query = query.Where(Expressions.InAny<T>(Expressions.Property(typeof(T), column.Property), values!));
            }
        }
        return query;
    }

    /// <summary>A field's value from its text alone (a key part), or null when it does not parse.</summary>
    private static object? ParseAlone(RecordField field, string text)
    {
        var problems = new FieldProblems();
        var reader = new FieldReader(problems);
        reader.MoveTo(1, new Dictionary<string, string?> { [field.Name] = text });
        var value = field.Parse(reader);
        return problems.Total == 0 ? value : null;
    }

    /// <summary><c>e => new object[] { e.Id, e.Version, e.RetractedAt, e.RetractedReason, …each field that is not a list… }</c>.</summary>
    private Expression<Func<T, object?[]>> Projection(IModel model)
    {
        if (_projection is { } built)
        {
            return built;
        }
        var e = Expression.Parameter(typeof(T), "e");
        var items = new List<Expression>
        {
            Expression.Property(e, nameof(IRecord.Id)), Expression.Property(e, nameof(IRecord.Version)),
            Expression.Property(e, nameof(IRecord.RetractedAt)), Expression.Property(e, nameof(IRecord.RetractedReason)),
        };
        foreach (var field in Fields)
        {
            items.Add(field switch
            {
                ValueField { Read: { } read } => Expressions.Body(read, e),
                ValueField value => Expression.Property(e, value.Property),
                ReferenceField reference => Expressions.Body(Expressions.ReferenceKey(model, typeof(T), reference.Property, reference.Target), e),
                DerivedField derived => Expressions.Body(derived.Read, e),
                _ => Expression.Constant(null, typeof(object)),
            });
        }
        return _projection = Expression.Lambda<Func<T, object?[]>>(
            Expression.NewArrayInit(typeof(object), items.Select(i => i.Type == typeof(object) ? i : Expression.Convert(i, typeof(object)))), e);
    }

    private async Task<List<StoredRow>> ToStoredAsync(PeaceTalksDbContext? listDb, List<object?[]> chunk, List<ListField> lists,
        CancellationToken cancellationToken)
    {
        var rows = new List<StoredRow>(chunk.Count);
        foreach (var values in chunk)
        {
            var row = new RecordRow(this, 0);
            for (var i = 0; i < Fields.Count; i++)
            {
                row[Fields[i]] = values[4 + i];
            }
            rows.Add(new StoredRow((int)values[0]!, (long)values[1]!, (DateTime?)values[2], (string?)values[3], row));
        }
        if (rows.Count > 0 && listDb is not null)
        {
            int[] ids = [.. rows.Select(r => r.Id)];
            foreach (var list in lists)
            {
                var items = await list.ReadAsync(listDb, ids, cancellationToken);
                foreach (var row in rows)
                {
                    row.Values[list] = items.TryGetValue(row.Id, out var texts) ? list.Join(texts) : null;
                }
            }
        }
        return rows;
    }

    private Action<T, object?> Setter(string property) => _setters.GetOrAdd(property, Expressions.Setter<T>);
}
