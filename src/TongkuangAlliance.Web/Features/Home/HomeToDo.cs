using TongkuangAlliance.Web.Features.Activities;
using TongkuangAlliance.Web.Features.Cases;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Web.Features.Supervision;

namespace TongkuangAlliance.Web.Features.Home;

/// <summary>
/// The counts at the top of each home page that say what to do today (issue 19). Each is counted with the very filter
/// its list applies (the case list's <see cref="CaseFilter"/>, the calendar's <see cref="ActivityFilter"/>, the
/// supervision list's query), so the number and the list it opens cannot disagree.
/// </summary>
public sealed class HomeToDo(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, UserScope scope, string? userId)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => ChinaTime.Today(clock);

    public async Task<CommunityToDo> CommunityAsync(CancellationToken ct)
    {
        var (monday, sunday) = ThisWeek(Today);
        return new CommunityToDo(
            ToAccept: await CountCasesAsync(new CaseFilter { Status = CaseStatus.Registered }, ct),
            DueSoon: await CountCasesAsync(new CaseFilter { DueSoon = true }, ct),
            Overdue: await CountCasesAsync(new CaseFilter { Overdue = true }, ct),
            ToFollowUp: await CountCasesAsync(new CaseFilter { Status = CaseStatus.Resolved }, ct),
            TermsOwed: await PendingTerms().CountAsync(ct),
            ActivitiesThisWeek: await CountActivitiesAsync(ThisWeekFilter(monday, sunday), ct),
            AwaitingUnits: await CountActivitiesAsync(new ActivityFilter { View = "list", AwaitingUnits = true }, ct),
            WeekFrom: monday, WeekTo: sunday);
    }

    public async Task<UnitToDo> UnitAsync(int memberUnitId, CancellationToken ct) => new(
        TermsOwed: await PendingTerms().CountAsync(ct),
        TermsOverdue: await db.AgreementTerms.AsNoTracking().VisibleTo(scope).Where(AgreementTerm.InForce).CountAsync(AgreementTerm.OverdueOn(Today), ct),
        OpenWork: await new SupervisionQueries(db, clock, l).WorkQuery(scope, memberUnitId, null, openOnly: true, overdueOnly: false, stream: null).CountAsync(ct),
        ActivitiesToConfirm: await CountActivitiesAsync(new ActivityFilter { View = "list", AwaitingUnits = true, UnitId = memberUnitId }, ct));

    /// <summary>
    /// Per community (the <paramref name="communities"/> the page already loaded, in their order): overdue cases, overdue
    /// agreement terms and the community's own overdue supervised work.
    /// </summary>
    public async Task<IReadOnlyList<CommunityOverdueRow>> OverdueByCommunityAsync(IEnumerable<(int Id, string Name)> communities, CancellationToken ct)
    {
        var today = Today;
        var cases = await db.Cases.AsNoTracking().VisibleTo(scope).Where(Case.OverdueAt(Now))
            .GroupBy(c => c.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var terms = await db.AgreementTerms.AsNoTracking().VisibleTo(scope).Where(AgreementTerm.InForce).Where(AgreementTerm.OverdueOn(today))
            .GroupBy(t => t.Case!.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        // The same rules as the supervision list's owner filter "c:{id}" with overdue (OverdueOn: not done and past due).
        var projects = await db.JointProjects.AsNoTracking().VisibleTo(scope)
            .Where(p => p.OwnerSide == PairingSide.Community).Where(JointProject.OverdueOn(today))
            .GroupBy(p => p.Pairing!.CommunityId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var items = await db.ActionItems.AsNoTracking().VisibleTo(scope)
            .Where(a => a.OwnerCommunityId != null).Where(Core.Joint.ActionItem.OverdueOn(today))
            .GroupBy(a => a.OwnerCommunityId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return communities.Select(c => new CommunityOverdueRow(c.Id, c.Name,
            cases.GetValueOrDefault(c.Id), terms.GetValueOrDefault(c.Id), projects.GetValueOrDefault(c.Id) + items.GetValueOrDefault(c.Id))).ToList();
    }

    /// <summary>Monday to Sunday of the China week <paramref name="today"/> falls in.</summary>
    public static (DateOnly Monday, DateOnly Sunday) ThisWeek(DateOnly today)
    {
        var monday = ActivityCalendar.MondayOf(today);
        return (monday, monday.AddDays(6));
    }

    private static ActivityFilter ThisWeekFilter(DateOnly monday, DateOnly sunday) => new() { View = "list", From = monday, To = sunday };

    private IQueryable<AgreementTerm> PendingTerms() =>
        db.AgreementTerms.AsNoTracking().VisibleTo(scope).Where(AgreementTerm.InForce).Where(t => t.Status == AgreementTermStatus.Pending);

    private Task<int> CountCasesAsync(CaseFilter filter, CancellationToken ct) =>
        new CaseListQuery(db, scope, userId).Rows(filter, Now).CountAsync(ct);

    private Task<int> CountActivitiesAsync(ActivityFilter filter, CancellationToken ct) =>
        ActivityCalendar.Filtered(db.Activities.AsNoTracking().VisibleTo(scope), filter).CountAsync(ct);
}

public sealed record CommunityToDo(int ToAccept, int DueSoon, int Overdue, int ToFollowUp, int TermsOwed, int ActivitiesThisWeek, int AwaitingUnits,
    DateOnly WeekFrom, DateOnly WeekTo);

public sealed record UnitToDo(int TermsOwed, int TermsOverdue, int OpenWork, int ActivitiesToConfirm);

public sealed record CommunityOverdueRow(int CommunityId, string Name, int Cases, int Terms, int Work)
{
    public bool Any => Cases + Terms + Work > 0;
}
