using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// Unresolved, overdue and stale, each written once as an expression: queries filter and project with it
/// (<see cref="OverdueAt"/>, <see cref="CaseQueries.SelectWithDeadlines"/>) and the entity answers in memory with the
/// same expression compiled (<see cref="IsOverdue"/>).
/// </summary>
public partial class Case
{
    // The order matters: each rule below is built from the ones above it (static initializers run in text order).

    /// <summary>Registered, accepted or in mediation: still to be resolved.</summary>
    public static Expression<Func<Case, bool>> Unresolved { get; } =
        c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation;

    /// <summary>Unresolved and past a deadline at the given moment: not accepted in time, or not resolved in time (red in lists).</summary>
    public static Expression<Func<Case, DateTime, bool>> Overdue { get; } = CaseExpressions.And(Unresolved,
        (c, nowUtc) => (c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < nowUtc) || c.ResolveDueAtUtc < nowUtc);

    /// <summary>Unresolved and nothing recorded for <see cref="UpdateEveryDays"/> at the given moment (amber in lists).</summary>
    public static Expression<Func<Case, DateTime, bool>> Stale { get; } = CaseExpressions.And(Unresolved,
        (c, nowUtc) => c.UpdateDueAtUtc < nowUtc);

    /// <summary>Open and escalated.</summary>
    private static Expression<Func<Case, bool>> OpenEscalated { get; } = c => c.IsEscalated && c.Status != CaseStatus.Closed;

    private static readonly Func<Case, bool> UnresolvedInMemory = Unresolved.Compile();
    private static readonly Func<Case, DateTime, bool> OverdueInMemory = Overdue.Compile();
    private static readonly Func<Case, DateTime, bool> StaleInMemory = Stale.Compile();

    /// <summary><see cref="Unresolved"/> of this case.</summary>
    public bool IsUnresolved => UnresolvedInMemory(this);

    /// <summary><see cref="Overdue"/> of this case.</summary>
    public bool IsOverdue(DateTime nowUtc) => OverdueInMemory(this, nowUtc);

    /// <summary><see cref="Stale"/> of this case.</summary>
    public bool IsStale(DateTime nowUtc) => StaleInMemory(this, nowUtc);

    /// <summary><see cref="Overdue"/> for queries: <c>db.Cases.Where(Case.OverdueAt(now))</c>.</summary>
    public static Expression<Func<Case, bool>> OverdueAt(DateTime nowUtc) => CaseExpressions.At(Overdue, nowUtc);

    /// <summary><see cref="Stale"/> for queries.</summary>
    public static Expression<Func<Case, bool>> StaleAt(DateTime nowUtc) => CaseExpressions.At(Stale, nowUtc);

    /// <summary>How far ahead "due soon" (即将超期) looks: the same three days the reminders use.</summary>
    public static readonly TimeSpan DueSoonWithin = TimeSpan.FromDays(3);

    /// <summary>
    /// 即将超期: not overdue now, but overdue <see cref="DueSoonWithin"/> from now if nothing happens — the deadline it
    /// faces (acceptance while registered, else resolution) falls in the next three days.
    /// </summary>
    public static Expression<Func<Case, bool>> DueSoonAt(DateTime nowUtc)
    {
        var notYet = OverdueAt(nowUtc);
        var soon = OverdueAt(nowUtc + DueSoonWithin);
        var kase = soon.Parameters[0];
        return Expression.Lambda<Func<Case, bool>>(
            Expression.AndAlso(soon.Body, Expression.Not(CaseExpressions.Replace(notYet.Body, notYet.Parameters[0], kase))), kase);
    }

    /// <summary>What the sub-district watches: open escalated cases and overdue ones.</summary>
    public static Expression<Func<Case, bool>> EscalatedOrOverdueAt(DateTime nowUtc) => CaseExpressions.Or(OpenEscalated, OverdueAt(nowUtc));
}
