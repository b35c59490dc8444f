using System.Linq.Expressions;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Core.Dashboards;

/// <summary>
/// What each dashboard figure counts, as query filters shared by the dashboards and the lists their numbers link
/// to — so a figure and its list cannot disagree. All periods are China-time days (<see cref="ReportPeriod"/>).
/// <list type="bullet">
/// <item>Resolved in the period: the case's standing resolution (<see cref="Case.ResolvedAtUtc"/>) falls in it.
/// A reopened case loses its resolution until it is resolved again, and then counts in the period of the new
/// resolution: each case counts once, when it was (last) settled. Early-closed cases (duplicate, withdrawn,
/// referred) were never resolved and never count.</item>
/// <item>Service days held: activities of kind service day with results recorded (status Held) that started
/// in the period; cancelled and still planned ones do not count.</item>
/// <item>Settled without escalation (矛盾不上交): resolved and never escalated to the sub-district
/// (<see cref="Case.EscalatedAtUtc"/> stays set after a hand-back, so a case that went up once does not count).</item>
/// <item>Open: still to be resolved (registered, accepted, in mediation) now; overdue: open and past its accept or
/// resolve deadline now (<see cref="Case.OverdueAt"/>). Both are "as of now", not of the period.</item>
/// <item>Satisfaction: cases followed up in the period; satisfied when none of those follow-ups says dissatisfied.</item>
/// </list>
/// </summary>
public static class DashboardRules
{
    public static Expression<Func<Case, bool>> ResolvedIn(DateTime fromUtc, DateTime toUtcExclusive) =>
        c => c.ResolvedAtUtc != null && c.ResolvedAtUtc >= fromUtc && c.ResolvedAtUtc < toUtcExclusive;

    public static Expression<Func<Case, bool>> RegisteredIn(DateTime fromUtc, DateTime toUtcExclusive) =>
        c => c.RegisteredAtUtc >= fromUtc && c.RegisteredAtUtc < toUtcExclusive;

    public static Expression<Func<Case, bool>> NeverEscalated => c => c.EscalatedAtUtc == null;

    public static Expression<Func<Case, bool>> HasResolution => c => c.ResolvedAtUtc != null;

    public static Expression<Func<Case, bool>> FollowedUpIn(DateOnly from, DateOnly to) =>
        c => c.FollowUps.Any(f => f.Date >= from && f.Date <= to);

    public static Expression<Func<Case, bool>> SatisfiedIn(DateOnly from, DateOnly to) =>
        c => c.FollowUps.Any(f => f.Date >= from && f.Date <= to)
             && !c.FollowUps.Any(f => f.Date >= from && f.Date <= to && f.Satisfaction == Satisfaction.Dissatisfied);

    public static Expression<Func<Activity, bool>> HeldIn(DateTime fromUtc, DateTime toUtcExclusive) =>
        a => a.Status == ActivityStatus.Held && a.StartUtc >= fromUtc && a.StartUtc < toUtcExclusive;

    public static Expression<Func<Activity, bool>> ServiceDayHeldIn(DateTime fromUtc, DateTime toUtcExclusive) =>
        a => a.Kind == ActivityKind.ServiceDay && a.Status == ActivityStatus.Held && a.StartUtc >= fromUtc && a.StartUtc < toUtcExclusive;

    /// <summary>
    /// A unit took part in an activity only when it happened: the unit was invited (and not taken off), confirmed,
    /// and the activity was held (issue 19). The list filter; <see cref="TookPart"/> is the same rule per unit row,
    /// which the figures count — keep the two together.
    /// </summary>
    public static Expression<Func<Activity, bool>> JoinedBy(int memberUnitId) =>
        a => a.Status == ActivityStatus.Held && a.Units.Any(u => u.MemberUnitId == memberUnitId && u.IsInvited && u.ConfirmedAtUtc != null);

    /// <summary>The rule of <see cref="JoinedBy"/> on a unit's row: invited, confirmed, and the activity held.</summary>
    public static Expression<Func<ActivityUnit, bool>> TookPart =>
        u => u.IsInvited && u.ConfirmedAtUtc != null && u.Activity!.Status == ActivityStatus.Held;

    /// <summary>Agreement terms owed by a member unit (the obligated party is that unit).</summary>
    public static Expression<Func<AgreementTerm, bool>> OwedBy(int memberUnitId) =>
        t => t.ObligatedParty!.Kind == CasePartyKind.MemberUnit && t.ObligatedParty.MemberUnitId == memberUnitId;

    /// <summary>Fulfilled in the period, on or before the due date.</summary>
    public static Expression<Func<AgreementTerm, bool>> FulfilledOnTimeIn(DateOnly from, DateOnly to) =>
        t => t.Status == AgreementTermStatus.Fulfilled && t.FulfilledOn >= from && t.FulfilledOn <= to && t.FulfilledOn <= t.DueDate;

    public static Expression<Func<AgreementTerm, bool>> FulfilledIn(DateOnly from, DateOnly to) =>
        t => t.Status == AgreementTermStatus.Fulfilled && t.FulfilledOn >= from && t.FulfilledOn <= to;
}
