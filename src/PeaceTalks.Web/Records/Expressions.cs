using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Query;
using PeaceTalks.Web.Data;

namespace PeaceTalks.Web.Records;

/// <summary>One item of a list read from the database: whose it is, the referenced key or text, and the role if any.</summary>
internal sealed record ListRow(int Owner, string? Key, object? Role);

/// <summary>
/// The query shapes the record descriptions are turned into. Table, column and navigation names all come from the
/// EF model (a property's navigation, a referenced record's key property), so a rename there is a rename here.
/// </summary>
internal static class Expressions
{
    private static readonly string[] LiveFilter = [PeaceTalksDbContext.Live];

    /// <summary>The property a lambda such as <c>s => s.Text</c> (or <c>s => (object)s.Date</c>) reads.</summary>
    public static string MemberName(LambdaExpression lambda)
    {
        var body = lambda.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }
        return body is MemberExpression { Member: var member } ? member.Name
            : throw new ArgumentException($"'{lambda}' does not read a property.", nameof(lambda));
    }

    /// <summary><c>e => e.{property}</c>.</summary>
    public static LambdaExpression Property(Type entity, string property)
    {
        var e = Expression.Parameter(entity, "e");
        return Expression.Lambda(Expression.Property(e, property), e);
    }

    /// <summary>
    /// The referenced record's natural key, read through the foreign key's navigation: for a statement's ActorId,
    /// <c>s => s.Actor.Slug</c>.
    /// </summary>
    public static Expression<Func<T, string>> ReferenceKey<T>(IModel model, string foreignKeyProperty, RecordType target)
    {
        var lambda = ReferenceKey(model, typeof(T), foreignKeyProperty, target);
        return Expression.Lambda<Func<T, string>>(lambda.Body, lambda.Parameters);
    }

    public static LambdaExpression ReferenceKey(IModel model, Type entity, string foreignKeyProperty, RecordType target)
    {
        var navigation = Navigation(model, entity, foreignKeyProperty);
        var e = Expression.Parameter(entity, "e");
        return Expression.Lambda(Expression.Property(Expression.Property(e, navigation), target.KeyProperty), e);
    }

    /// <summary>The navigation that goes with a foreign-key property (ActorId → Actor).</summary>
    public static string Navigation(IModel model, Type entity, string foreignKeyProperty)
    {
        var entityType = model.FindEntityType(entity) ?? throw new InvalidOperationException($"{entity.Name} is not in the model.");
        var foreignKey = entityType.GetForeignKeys().SingleOrDefault(f => f.Properties is [var p] && p.Name == foreignKeyProperty)
            ?? throw new InvalidOperationException($"{entity.Name}.{foreignKeyProperty} is not a foreign key in the model.");
        return foreignKey.DependentToPrincipal?.Name
            ?? throw new InvalidOperationException($"{entity.Name}.{foreignKeyProperty} has no navigation in the model.");
    }

    /// <summary><c>e => values.Contains(member(e))</c>, the values sent as one parameter so the SQL is the same for any number.</summary>
    public static Expression<Func<T, bool>> In<T, TValue>(Expression<Func<T, TValue>> member, TValue[] values)
    {
        Expression<Func<TValue[]>> capture = () => values;
        var parameter = Expression.Call(typeof(EF), nameof(EF.Parameter), [typeof(TValue[])], capture.Body);
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TValue)], parameter, member.Body);
        return Expression.Lambda<Func<T, bool>>(contains, member.Parameters);
    }

    /// <summary>The same as <see cref="In{T, TValue}"/> for a member whose type is known only at run time.</summary>
    public static Expression<Func<T, bool>> InAny<T>(LambdaExpression member, IReadOnlyList<object> values)
    {
        var type = member.ReturnType;
        var array = Array.CreateInstance(type, values.Count);
        for (var i = 0; i < values.Count; i++)
        {
            array.SetValue(values[i], i);
        }
        var typed = Expression.Lambda(typeof(Func<,>).MakeGenericType(typeof(T), type), member.Body, member.Parameters);
        var method = typeof(Expressions).GetMethod(nameof(In))!.MakeGenericMethod(typeof(T), type);
        return (Expression<Func<T, bool>>)method.Invoke(null, [typed, array])!;
    }

    /// <summary><c>e => member(e) == value</c>.</summary>
    public static Expression<Func<T, bool>> EqualTo<T, TValue>(Expression<Func<T, TValue>> member, TValue value)
    {
        Expression<Func<TValue>> capture = () => value;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(member.Body, capture.Body), member.Parameters);
    }

    /// <summary>
    /// A compiled setter for <c>entity.{property} = value</c>; nothing given for a non-nullable value (a precision
    /// without its date) stores the type's default.
    /// </summary>
    public static Action<T, object?> Setter<T>(string property)
    {
        var info = typeof(T).GetProperty(property, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}.");
        var e = Expression.Parameter(typeof(T), "e");
        var v = Expression.Parameter(typeof(object), "v");
        var value = Expression.Condition(Expression.Equal(v, Expression.Constant(null)), Expression.Default(info.PropertyType),
            Expression.Convert(v, info.PropertyType));
        return Expression.Lambda<Action<T, object?>>(Expression.Assign(Expression.Property(e, info), value), e, v).Compile();
    }

    /// <summary>Rewrites <paramref name="lambda"/>'s body to read from <paramref name="parameter"/>.</summary>
    public static Expression Body(LambdaExpression lambda, ParameterExpression parameter) =>
        ReplacingExpressionVisitor.Replace(lambda.Parameters[0], parameter, lambda.Body);

    /// <summary>The rows of a list table for some owners: owner id, referenced key (or text) and role.</summary>
    public static IQueryable<ListRow> ListRows<TLink>(PeaceTalksDbContext db, Expression<Func<TLink, int>> owner,
        Expression<Func<TLink, string>> key, string? roleProperty, Expression<Func<TLink, bool>>? filter, int[] owners) where TLink : class
    {
        var query = db.Set<TLink>().AsNoTracking().IgnoreQueryFilters(LiveFilter).Where(In(owner, owners));
        if (filter is not null)
        {
            query = query.Where(filter);
        }
        var l = Expression.Parameter(typeof(TLink), "l");
        Expression role = roleProperty is null
            ? Expression.Constant(null, typeof(object))
            : Expression.Convert(Expression.Property(l, roleProperty), typeof(object));
        var row = Expression.New(typeof(ListRow).GetConstructors()[0], Body(owner, l), Body(key, l), role);
        return query.Select(Expression.Lambda<Func<TLink, ListRow>>(row, l));
    }
}
