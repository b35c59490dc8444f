using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// Puts the case's rules, written once as expressions, together: joined with and/or, and with the moment bound, so the
/// same rule filters a query, shapes a projection and (compiled) answers in memory.
/// </summary>
internal static class CaseExpressions
{
    public static Expression<Func<Case, DateTime, bool>> And(Expression<Func<Case, bool>> first, Expression<Func<Case, DateTime, bool>> second)
    {
        var kase = second.Parameters[0];
        return Expression.Lambda<Func<Case, DateTime, bool>>(
            Expression.AndAlso(Replace(first.Body, first.Parameters[0], kase), second.Body), kase, second.Parameters[1]);
    }

    public static Expression<Func<Case, bool>> Or(Expression<Func<Case, bool>> first, Expression<Func<Case, bool>> second)
    {
        var kase = first.Parameters[0];
        return Expression.Lambda<Func<Case, bool>>(
            Expression.OrElse(first.Body, Replace(second.Body, second.Parameters[0], kase)), kase);
    }

    /// <summary>
    /// The rule at one moment. The moment is read from a captured object, as a C# closure would be, so EF Core sends it
    /// as a query parameter (one cached query plan) rather than a constant.
    /// </summary>
    public static Expression<Func<Case, bool>> At(Expression<Func<Case, DateTime, bool>> rule, DateTime nowUtc) =>
        Expression.Lambda<Func<Case, bool>>(Replace(rule.Body, rule.Parameters[1], Moment(nowUtc)), rule.Parameters[0]);

    /// <summary>The body of <paramref name="rule"/> for this case and moment.</summary>
    public static Expression Apply(Expression<Func<Case, DateTime, bool>> rule, Expression kase, Expression nowUtc) =>
        Replace(Replace(rule.Body, rule.Parameters[0], kase), rule.Parameters[1], nowUtc);

    public static Expression Moment(DateTime nowUtc) =>
        Expression.Property(Expression.Constant(new Captured(nowUtc)), nameof(Captured.nowUtc));

    public static Expression Replace(Expression body, ParameterExpression from, Expression to) => new Replacer(from, to).Visit(body);

    // Lower case: the name EF Core gives the query parameter, as for a captured local.
#pragma warning disable IDE1006, CA1051
    private sealed class Captured(DateTime value)
    {
        public DateTime nowUtc { get; } = value;
    }
#pragma warning restore IDE1006, CA1051

    private sealed class Replacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
