using PeaceTalks.Web.Filtering;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;

namespace PeaceTalks.Web.Services;

/// <summary>
/// What the timeline's filters mean for one kind of item, each stated once as an expression of the item and one value.
/// The composed queries apply a rule to every value given (<see cref="Rule.AnyOf{T, TValue}"/>); the compiled page
/// queries write <see cref="Rule.Holds{T, TValue}"/> in their template, which <see cref="Rule.Expand{TLambda}"/>
/// replaces with the rule's own body. The date range means the same for every dated item. <c>Check</c> says when an
/// item is in a state of the check against its source (?verified=only asks for <see cref="VerificationState.Verified"/>).
/// </summary>
public sealed record TimelineRules<T>(
    Expression<Func<T, int, bool>> Actor,
    Expression<Func<T, string, bool>> Side,
    Expression<Func<T, int, bool>> Issue,
    Func<SearchText, PeaceTalksDbContext, IQueryable<int>> TextIds,
    Expression<Func<T, VerificationState, bool>> Check) where T : class, IDatedRecord
{
    public Expression<Func<T, DateOnly, bool>> From { get; } = (e, from) => e.Date >= from;
    public Expression<Func<T, DateOnly, bool>> To { get; } = (e, to) => e.Date <= to;
}

public static class TimelineFilters
{
    public static TimelineRules<Statement> Statements { get; } = new(
        (s, actorId) => s.ActorId == actorId,
        (s, side) => s.Actor.Side == side,
        (s, issueId) => s.Issues.Any(i => i.IssueId == issueId),
        (search, db) => search.StatementIds(db),
        (s, state) => s.Verification == state);

    /// <summary>Meetings match an actor or side through their participants, an issue through the live statements about them.</summary>
    public static TimelineRules<Meeting> Meetings { get; } = new(
        (m, actorId) => m.Participants.Any(p => p.ActorId == actorId),
        (m, side) => m.Participants.Any(p => p.Actor.Side == side),
        (m, issueId) => m.Statements.Any(s => s.RetractedAt == null && s.Issues.Any(i => i.IssueId == issueId)),
        (search, db) => search.MeetingIds(db),
        (m, state) => m.Verification == state);
}

/// <summary>
/// What the timeline's filters mean for a plan's version: an actor or side who proposed the plan or took a live stance
/// on one of the version's points; an issue the plan or one of the version's points covers; text in the plan's title or
/// the version's label. A version is not checked itself: it is in a state of the check when it has live points and
/// every one of them is.
/// </summary>
public static class PlanVersionFilters
{
    public static TimelineRules<PlanVersion> Rules { get; } = new(
        (v, actorId) => v.Plan.ProposedById == actorId || v.Points.Any(p => p.Positions.Any(s => s.RetractedAt == null && s.ActorId == actorId)),
        (v, side) => (v.Plan.ProposedBy != null && v.Plan.ProposedBy.Side == side)
            || v.Points.Any(p => p.Positions.Any(s => s.RetractedAt == null && s.Actor.Side == side)),
        (v, issueId) => v.Plan.Issues.Any(i => i.IssueId == issueId) || v.Points.Any(p => p.RetractedAt == null && p.Issues.Any(i => i.IssueId == issueId)),
        TextIds,
        (v, state) => v.Points.Any(p => p.RetractedAt == null) && v.Points.All(p => p.RetractedAt != null || p.Verification == state));

    /// <summary>
    /// Plans have no full-text index: an installation follows a handful, so their titles and labels are matched in
    /// .NET like the other short lists (<see cref="SearchText.MatchesLoosely"/>), and the matching ids go to the query.
    /// </summary>
    private static IQueryable<int> TextIds(SearchText search, PeaceTalksDbContext db)
    {
        int[] ids = [.. db.PlanVersions.AsNoTracking().IgnoreQueryFilters().Select(v => new { v.Id, Text = v.Plan.Title + " " + v.Label })
            .AsEnumerable().Where(v => search.MatchesLoosely(v.Text)).Select(v => v.Id)];
        return db.PlanVersions.IgnoreQueryFilters().Where(v => ids.Contains(v.Id)).Select(v => v.Id);
    }
}

public static class PositionFilters
{
    public static readonly Expression<Func<Position, int, bool>> Actor = (p, actorId) => p.ActorId == actorId;
    public static readonly Expression<Func<Position, string, bool>> Side = (p, side) => p.Actor.Side == side;
    public static readonly Expression<Func<Position, int, bool>> Issue = (p, issueId) => p.IssueId == issueId;
    public static readonly Expression<Func<Position, DateOnly, bool>> From = (p, from) => p.AsOf >= from;
    public static readonly Expression<Func<Position, DateOnly, bool>> To = (p, to) => p.AsOf <= to;
    public static readonly Expression<Func<Position, VerificationState, bool>> Check = (p, state) => p.Verification == state;
}

public static class PointPositionFilters
{
    public static readonly Expression<Func<PointPosition, int, bool>> Actor = (p, actorId) => p.ActorId == actorId;
    public static readonly Expression<Func<PointPosition, string, bool>> Side = (p, side) => p.Actor.Side == side;
}

public static class ActorFilters
{
    public static readonly Expression<Func<Actor, int, bool>> Actor = (a, actorId) => a.Id == actorId;
    public static readonly Expression<Func<Actor, string, bool>> Side = (a, side) => a.Side == side;
}

/// <summary>Applying a filter rule to a query, and writing rules into compiled queries.</summary>
public static class Rule
{
    /// <summary>The timeline's filters (not its kind or order) applied to dated items by their rules; text through the full-text index.</summary>
    public static IQueryable<T> Filter<T>(this IQueryable<T> query, TimelineRules<T> rules, PeaceTalksDbContext db, Filtering.ResolvedFilter filter)
        where T : class, IDatedRecord
    {
        query = query.AnyOf(rules.Actor, filter.ActorIds).AnyOf(rules.Side, filter.Sides).AnyOf(rules.Issue, filter.IssueIds);
        if (filter.Filter.From is { } from)
        {
            query = query.Having(rules.From, from);
        }
        if (filter.Filter.To is { } to)
        {
            query = query.Having(rules.To, to);
        }
        if (SearchText.Parse(filter.Filter.Text) is { } search)
        {
            var ids = rules.TextIds(search, db);
            query = query.Where(e => ids.Contains(e.Id));
        }
        if (filter.Filter.OnlyVerified)
        {
            query = query.Having(rules.Check, VerificationState.Verified);
        }
        return query;
    }

    /// <summary>Items for which the rule holds for any of the values; the query unchanged when there are none.</summary>
    public static IQueryable<T> AnyOf<T, TValue>(this IQueryable<T> query, Expression<Func<T, TValue, bool>> rule, IReadOnlyList<TValue> values)
    {
        if (values.Count == 0)
        {
            return query;
        }
        var item = rule.Parameters[0];
        var body = values.Select(value =>
        {
            // Each value is read from a closure, so EF Core sends it as a parameter.
            Expression<Func<TValue>> capture = () => value;
            return ReplacingExpressionVisitor.Replace(rule.Parameters[1], capture.Body, rule.Body);
        }).Aggregate(Expression.OrElse);
        return query.Where(Expression.Lambda<Func<T, bool>>(body, item));
    }

    /// <summary>Items for which the rule holds for the value.</summary>
    public static IQueryable<T> Having<T, TValue>(this IQueryable<T> query, Expression<Func<T, TValue, bool>> rule, TValue value) =>
        query.AnyOf(rule, [value]);

    /// <summary>Stands for the rule's body in a query template; <see cref="Expand{TLambda}"/> puts the body in its place.</summary>
    public static bool Holds<T, TValue>(Expression<Func<T, TValue, bool>> rule, T item, TValue value) =>
        throw new InvalidOperationException("A query template with Rule.Holds must go through Rule.Expand before it runs.");

    /// <summary>Replaces every <see cref="Holds{T, TValue}"/> in <paramref name="template"/> with the rule's body.</summary>
    public static TLambda Expand<TLambda>(TLambda template) where TLambda : LambdaExpression => (TLambda)new Expander().Visit(template);

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(Rule) || node.Method.Name != nameof(Holds))
            {
                return base.VisitMethodCall(node);
            }
            // The rule is a static field of one of the filter classes: its value is the expression to inline.
            var rule = (LambdaExpression)Expression.Lambda<Func<object>>(node.Arguments[0]).Compile()();
            var body = ReplacingExpressionVisitor.Replace(rule.Parameters[0], Visit(node.Arguments[1]), rule.Body);
            return ReplacingExpressionVisitor.Replace(rule.Parameters[1], Visit(node.Arguments[2]), body);
        }
    }
}
