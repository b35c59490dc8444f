using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.Supervision;

/// <summary>The reads of the supervision pages: the work list, an item's history and resource, the filters' options.</summary>
public sealed class SupervisionQueries(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public Task<List<WorkUpdateRow>> UpdatesAsync(IQueryable<WorkUpdate> updates, CancellationToken cancellationToken) =>
        updates.AsNoTracking().OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id)
            .Select(u => new WorkUpdateRow(u.AtUtc, u.Kind, u.Progress, u.Note, db.Users.Where(x => x.Id == u.UserId).Select(x => x.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>What decides who may act on a project in the user's scope; null when it is outside (404).</summary>
    public Task<JointProjectResource?> ProjectResourceAsync(UserScope scope, int id, CancellationToken cancellationToken) =>
        db.JointProjects.AsNoTracking().VisibleTo(scope).Where(p => p.Id == id)
            .Select(p => new JointProjectResource(p.Pairing!.Community!.SubDistrictId, p.Pairing.CommunityId, p.Pairing.MemberUnitId, p.OwnerSide))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>What decides who may act on an action item in the user's scope; null when it is outside (404).</summary>
    public Task<ActionItemResource?> ActionItemResourceAsync(UserScope scope, int id, CancellationToken cancellationToken) =>
        db.ActionItems.AsNoTracking().VisibleTo(scope).Where(a => a.Id == id)
            .Select(a => new ActionItemResource(a.Meeting!.SubDistrictId, a.OwnerUnitId, a.OwnerCommunityId))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Projects and action items in one ordered query (UNION ALL), so a page is two queries whatever the data. A
    /// unit's or a community's list is always filtered to its own (<see cref="WorkOwnerResource"/>), so what it reads
    /// is what it owns.
    /// </summary>
    public IQueryable<WorkRow> WorkQuery(UserScope scope, int? unitId, int? communityId, bool openOnly, bool overdueOnly, ActivityStream? stream,
        WorkKind? kind = null)
    {
        var today = ChinaTime.Today(clock);
        var projects = db.JointProjects.AsNoTracking().VisibleTo(scope);
        var items = db.ActionItems.AsNoTracking().VisibleTo(scope);
        if (unitId is { } u)
        {
            projects = projects.Where(p => p.OwnerSide == PairingSide.Unit && p.Pairing!.MemberUnitId == u);
            items = items.Where(a => a.OwnerUnitId == u);
        }
        else if (communityId is { } c)
        {
            projects = projects.Where(p => p.OwnerSide == PairingSide.Community && p.Pairing!.CommunityId == c);
            items = items.Where(a => a.OwnerCommunityId == c);
        }
        // One kind only (the dashboard's 未完成督办事项 opens the open action items, issue 19).
        if (kind == WorkKind.ActionItem) projects = projects.Where(p => false);
        if (kind == WorkKind.Project) items = items.Where(a => false);
        if (openOnly)
        {
            projects = projects.Where(p => p.Status != WorkStatus.Done);
            items = items.Where(a => a.Status != WorkStatus.Done);
        }
        if (overdueOnly)
        {
            projects = projects.Where(JointProject.OverdueOn(today));
            items = items.Where(Core.Joint.ActionItem.OverdueOn(today));
        }
        if (stream is { } s && Enum.IsDefined(s))
        {
            projects = projects.Where(p => p.Stream == s);
            items = items.Where(a => a.Stream == s);
        }
        return projects
            .Select(p => new WorkRow
            {
                Kind = WorkKind.Project, Id = p.Id, Title = p.Title,
                OwnerName = p.OwnerSide == PairingSide.Unit ? p.Pairing!.MemberUnit!.Name : p.Pairing!.Community!.Name,
                Stream = (ActivityStream?)p.Stream, DueDate = p.DueDate, Status = p.Status, Progress = p.Progress, ContextId = p.PairingId,
            })
            .Concat(items.Select(a => new WorkRow
            {
                Kind = WorkKind.ActionItem, Id = a.Id, Title = a.What,
                OwnerName = a.OwnerUnitId != null ? a.OwnerUnit!.Name : a.OwnerCommunity!.Name,
                Stream = a.Stream, DueDate = a.DueDate, Status = a.Status, Progress = a.Progress, ContextId = a.MeetingId,
            }))
            .OrderBy(r => r.Status == WorkStatus.Done).ThenBy(r => r.DueDate).ThenBy(r => r.Kind).ThenBy(r => r.Id);
    }

    public static (int? Unit, int? Community) ParseOwner(string? owner)
    {
        if (owner is null || owner.Length < 3 || owner[1] != ':') return (null, null);
        if (!int.TryParse(owner.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return (null, null);
        return owner[0] switch { 'u' => (id, null), 'c' => (null, id), _ => (null, null) };
    }

    /// <summary>The name of a work owner within the user's scope; null when it is outside (404).</summary>
    public Task<string?> OwnerNameAsync(UserScope scope, WorkOwnerResource owner, CancellationToken cancellationToken) => owner.UnitId is { } u
        ? db.MemberUnits.AsNoTracking().VisibleTo(scope).Where(x => x.Id == u).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
        : db.Communities.AsNoTracking().VisibleTo(scope).Where(x => x.Id == owner.CommunityId).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SelectListItem>> OwnerOptionsAsync(UserScope scope, string? selected, CancellationToken cancellationToken)
    {
        static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        var units = await db.MemberUnits.AsNoTracking().VisibleTo(scope).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var unitGroup = new SelectListGroup { Name = l["Field.MemberUnit"] };
        var communityGroup = new SelectListGroup { Name = l["Field.Community"] };
        return units.Select(u => new SelectListItem(u.Name, "u:" + S(u.Id), selected == "u:" + S(u.Id)) { Group = unitGroup })
            .Concat(communities.Select(c => new SelectListItem(c.Name, "c:" + S(c.Id), selected == "c:" + S(c.Id)) { Group = communityGroup }))
            .ToList();
    }

    public List<SelectListItem> StreamOptions(ActivityStream? selected) =>
        Enum.GetValues<ActivityStream>().Select(s => new SelectListItem(l["ActivityStream." + s], s.ToString(), s == selected)).ToList();
}
