using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Scoping;

namespace TongkuangAlliance.Core.Volunteers;

/// <summary>A volunteer's credited time in a period.</summary>
/// <remarks>Init properties, not a positional record: EF Core can order and page by members set in an initializer.</remarks>
public sealed record VolunteerHours
{
    public int PartyMemberId { get; init; }
    public string Name { get; init; } = "";
    public int? MemberUnitId { get; init; }
    public int HomeCommunityId { get; init; }
    public int Activities { get; init; }
    public int Minutes { get; init; }

    public decimal Hours => Math.Round(Minutes / 60m, 1);
}

/// <summary>A member unit's (or a community's) volunteers' credited time in a period.</summary>
public sealed record GroupHours
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public int Volunteers { get; init; }
    public int CheckIns { get; init; }
    public int Minutes { get; init; }

    public decimal Hours => Math.Round(Minutes / 60m, 1);
}

/// <summary>
/// The hours ledger, for pages and dashboards alike: each method is one query over the check-ins the user may see
/// (<see cref="VolunteerScopeQueries"/>) that were checked in within [<c>fromUtc</c>, <c>toUtc</c>) and checked out.
/// Unit hours count the members employed by the unit; community hours count the activities held in the community.
/// Order and page the results as needed.
/// </summary>
public static class VolunteerHoursQueries
{
    /// <summary>Completed check-ins in the period visible to the scope; with <paramref name="communityId"/>, only at that community's activities.</summary>
    public static IQueryable<CheckIn> CompletedIn(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc, int? communityId = null)
    {
        var checkIns = db.CheckIns.VisibleTo(scope).Where(c => c.Minutes != null && c.CheckedInAtUtc >= fromUtc && c.CheckedInAtUtc < toUtc);
        return communityId is { } only ? checkIns.Where(c => c.Activity!.CommunityId == only) : checkIns;
    }

    public static IQueryable<VolunteerHours> PerVolunteer(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc, int? communityId = null) =>
        CompletedIn(db, scope, fromUtc, toUtc, communityId)
            .GroupBy(c => new { c.PartyMemberId, c.PartyMember!.Name, c.PartyMember.MemberUnitId, c.PartyMember.HomeCommunityId })
            .Select(g => new VolunteerHours { PartyMemberId = g.Key.PartyMemberId, Name = g.Key.Name, MemberUnitId = g.Key.MemberUnitId, HomeCommunityId = g.Key.HomeCommunityId, Activities = g.Count(), Minutes = g.Sum(c => c.Minutes!.Value) });

    public static IQueryable<GroupHours> PerMemberUnit(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc, int? communityId = null) =>
        CompletedIn(db, scope, fromUtc, toUtc, communityId)
            .Where(c => c.PartyMember!.MemberUnitId != null)
            .GroupBy(c => new { UnitId = c.PartyMember!.MemberUnitId!.Value, c.PartyMember.MemberUnit!.Name })
            .Select(g => new GroupHours { Id = g.Key.UnitId, Name = g.Key.Name, Volunteers = g.Select(c => c.PartyMemberId).Distinct().Count(), CheckIns = g.Count(), Minutes = g.Sum(c => c.Minutes!.Value) });

    public static IQueryable<GroupHours> PerCommunity(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc, int? communityId = null) =>
        CompletedIn(db, scope, fromUtc, toUtc, communityId)
            .GroupBy(c => new { c.Activity!.CommunityId, c.Activity.Community!.Name })
            .Select(g => new GroupHours { Id = g.Key.CommunityId, Name = g.Key.Name, Volunteers = g.Select(c => c.PartyMemberId).Distinct().Count(), CheckIns = g.Count(), Minutes = g.Sum(c => c.Minutes!.Value) });

    /// <summary>Ids of the members who checked in (and out) at least once in the period: the "active volunteers".</summary>
    public static IQueryable<int> ActiveVolunteerIds(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc) =>
        CompletedIn(db, scope, fromUtc, toUtc).Select(c => c.PartyMemberId).Distinct();

    /// <summary>Confirmed, active members visible to the scope who did not volunteer in the period (报到未服务).</summary>
    public static IQueryable<PartyMember> ReportedButIdle(AppDbContext db, UserScope scope, DateTime fromUtc, DateTime toUtc) =>
        db.PartyMembers.VisibleTo(scope)
            .Where(m => m.Registration == RegistrationStatus.Confirmed && m.Status == PartyMemberStatus.Active)
            .Where(m => !db.CheckIns.Any(c => c.PartyMemberId == m.Id && c.Minutes != null && c.CheckedInAtUtc >= fromUtc && c.CheckedInAtUtc < toUtc));

    /// <summary>The half-year containing <paramref name="today"/> (China dates) as a UTC range [from, to).</summary>
    public static (DateTime FromUtc, DateTime ToUtc) HalfYearOf(DateOnly today)
    {
        var start = new DateOnly(today.Year, today.Month <= 6 ? 1 : 7, 1);
        var end = start.AddMonths(6);
        return (Common.ChinaTime.ToUtc(start.ToDateTime(TimeOnly.MinValue)), Common.ChinaTime.ToUtc(end.ToDateTime(TimeOnly.MinValue)));
    }
}
