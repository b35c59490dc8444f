using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.Supervision;

/// <summary>
/// 督办: the sub-district's list of every open joint project and action item (overdue ones flagged), "my
/// commitments" for a unit or a community, and each item's page. Only the owner reports progress (append-only
/// dated entries); only the sub-district sends an item back with a comment, which the owner must answer with a new
/// update. An item outside the user's scope — or, for updates, not its own — is 404.
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class SupervisionController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> Index(string? owner, bool overdue = false, ActivityStream? stream = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var (unitId, communityId) = ParseOwner(owner);
        var items = await WorkQuery(scope, unitId, communityId, openOnly: true, overdue, stream).ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l["Supervision.Title"];
        return View(new WorkListViewModel
        {
            Items = items,
            Today = ChinaTime.Today(clock),
            Owner = unitId is null && communityId is null ? null : owner,
            OverdueOnly = overdue,
            Stream = stream is { } s && Enum.IsDefined(s) ? s : null,
            Owners = await OwnerOptionsAsync(scope, owner, cancellationToken),
            Streams = StreamOptions(stream),
        });
    }

    /// <summary>
    /// 我的承诺: everything a unit (or a community) has committed to across its pairings and meetings. The
    /// sub-district opens any unit's; a unit or a community only its own (another id is 404).
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Commitments(int? unitId, bool overdue = false, ActivityStream? stream = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        int? ownerUnit;
        int? ownerCommunity = null;
        switch (scope.Role)
        {
            case PortalRole.SubDistrictCommittee:
                if (unitId is null) return RedirectToAction(nameof(Index));
                ownerUnit = unitId;
                break;
            case PortalRole.PairedUnit:
                if (unitId is not null && unitId != scope.MemberUnitId) return NotFound();
                ownerUnit = scope.MemberUnitId;
                break;
            case PortalRole.CommunityCommittee:
                if (unitId is not null) return NotFound();
                ownerUnit = null;
                ownerCommunity = scope.CommunityId;
                break;
            default:
                return NotFound();
        }
        var name = ownerUnit is { } u
            ? await db.MemberUnits.AsNoTracking().VisibleTo(scope).Where(x => x.Id == u).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken)
            : await db.Communities.AsNoTracking().VisibleTo(scope).Where(x => x.Id == ownerCommunity).Select(x => x.Name).SingleOrDefaultAsync(cancellationToken);
        if (name is null) return NotFound();

        var items = await WorkQuery(scope, ownerUnit, ownerCommunity, openOnly: false, overdue, stream).ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = scope.Role == PortalRole.SubDistrictCommittee ? l["Commitments.TitleOf", name] : l["Commitments.Title"];
        return View(new WorkListViewModel
        {
            Items = items,
            Today = ChinaTime.Today(clock),
            OverdueOnly = overdue,
            Stream = stream is { } s && Enum.IsDefined(s) ? s : null,
            Owners = [],
            Streams = StreamOptions(stream),
            OwnerName = name,
            UnitId = scope.Role == PortalRole.SubDistrictCommittee ? ownerUnit : null,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Project(int id, CancellationToken cancellationToken)
    {
        var model = await ProjectModelAsync(id, null, null, cancellationToken);
        return model is null ? NotFound() : WorkView(model);
    }

    [HttpGet]
    public async Task<IActionResult> ActionItem(int id, CancellationToken cancellationToken)
    {
        var model = await ActionItemModelAsync(id, null, null, cancellationToken);
        return model is null ? NotFound() : WorkView(model);
    }

    [HttpPost]
    [Authorize(Roles = PortalRoles.CommunityCommittee + "," + PortalRoles.PairedUnit)]
    public async Task<IActionResult> ProjectProgress(int id, [Bind(Prefix = "ProgressForm")] ProgressInput input, CancellationToken cancellationToken)
    {
        var work = await db.JointProjects.OwnedBy(User.Scope()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, input, null, async () => (await ProjectModelAsync(id, input, null, cancellationToken))!, nameof(Project), cancellationToken);
    }

    [HttpPost]
    [Authorize(Roles = PortalRoles.CommunityCommittee + "," + PortalRoles.PairedUnit)]
    public async Task<IActionResult> ActionItemProgress(int id, [Bind(Prefix = "ProgressForm")] ProgressInput input, CancellationToken cancellationToken)
    {
        var work = await db.ActionItems.OwnedBy(User.Scope()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, input, null, async () => (await ActionItemModelAsync(id, input, null, cancellationToken))!, nameof(ActionItem), cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> ProjectSendBack(int id, [Bind(Prefix = "SendBack")] SendBackInput input, CancellationToken cancellationToken)
    {
        var work = await db.JointProjects.VisibleTo(User.Scope()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, null, input, async () => (await ProjectModelAsync(id, null, input, cancellationToken))!, nameof(Project), cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> ActionItemSendBack(int id, [Bind(Prefix = "SendBack")] SendBackInput input, CancellationToken cancellationToken)
    {
        var work = await db.ActionItems.VisibleTo(User.Scope()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, null, input, async () => (await ActionItemModelAsync(id, null, input, cancellationToken))!, nameof(ActionItem), cancellationToken);
    }

    /// <summary>One progress report or one send-back: load, change, save once; a bad form or a conflict re-displays the page.</summary>
    private async Task<IActionResult> SaveAsync(SupervisedWork work, ProgressInput? progress, SendBackInput? sendBack, Func<Task<WorkItemViewModel>> page, string pageAction, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return WorkView(await page());
        db.Entry(work).Property(w => w.Version).OriginalValue = progress?.Version ?? sendBack!.Version;
        var now = clock.GetUtcNow().UtcDateTime;
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        try
        {
            if (progress is not null) work.RecordProgress(progress.Progress!.Value, progress.Note!, now, userId);
            else work.SendBack(sendBack!.Comment!, now, userId);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, progress is not null ? "ProgressForm" : "SendBack");
            return WorkView(await page());
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Work.Conflict"]);
            db.ChangeTracker.Clear();
            var current = await page();
            ModelState.Remove("ProgressForm.Version");
            ModelState.Remove("SendBack.Version");
            if (progress is not null) progress.Version = current.Version;
            if (sendBack is not null) sendBack.Version = current.Version;
            return WorkView(current);
        }
        TempData["Success"] = l[progress is not null ? "Work.ProgressSaved" : "Work.SentBackSaved"].Value;
        return RedirectToAction(pageAction, new { id = work.Id });
    }

    private ViewResult WorkView(WorkItemViewModel model)
    {
        ViewData["Title"] = model.Title;
        return View("Item", model);
    }

    private async Task<WorkItemViewModel?> ProjectModelAsync(int id, ProgressInput? progress, SendBackInput? sendBack, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var p = await db.JointProjects.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Title, x.Stream, x.Target, x.DueDate, x.Status, x.Progress, x.Version, x.PairingId, x.Year,
                Owner = x.OwnerSide == PairingSide.Unit ? x.Pairing!.MemberUnit!.Name : x.Pairing!.Community!.Name,
                Unit = x.Pairing!.MemberUnit!.Name, Community = x.Pairing.Community!.Name,
                NeedTitle = x.Need!.Title, ResourceTitle = x.Resource!.Title,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null) return null;
        var updates = await UpdatesAsync(db.WorkUpdates.Where(u => u.ProjectId == id), cancellationToken);
        var canUpdate = await db.JointProjects.OwnedBy(scope).AnyAsync(x => x.Id == id, cancellationToken);
        return new WorkItemViewModel
        {
            Kind = WorkKind.Project, Id = p.Id, Title = p.Title, OwnerName = p.Owner, Stream = p.Stream, Target = p.Target, DueDate = p.DueDate,
            Status = p.Status, Progress = p.Progress, Version = p.Version, Today = ChinaTime.Today(clock),
            ContextId = p.PairingId, ContextName = l["PairingLists.Title", p.Unit, p.Community], Year = p.Year,
            NeedTitle = p.NeedTitle, ResourceTitle = p.ResourceTitle, Updates = updates,
            CanUpdate = canUpdate && p.Status != WorkStatus.Done,
            CanSendBack = scope.Role == PortalRole.SubDistrictCommittee && p.Status != WorkStatus.SentBack,
            ProgressForm = progress ?? new ProgressInput { Progress = p.Progress, Version = p.Version },
            SendBack = sendBack ?? new SendBackInput { Version = p.Version },
        };
    }

    private async Task<WorkItemViewModel?> ActionItemModelAsync(int id, ProgressInput? progress, SendBackInput? sendBack, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var a = await db.ActionItems.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.What, x.Stream, x.DueDate, x.Status, x.Progress, x.Version, x.MeetingId, x.Meeting!.MeetingDate, x.Meeting.Topics,
                Owner = x.OwnerUnitId != null ? x.OwnerUnit!.Name : x.OwnerCommunity!.Name, Decision = x.Decision!.Text,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null) return null;
        var updates = await UpdatesAsync(db.WorkUpdates.Where(u => u.ActionItemId == id), cancellationToken);
        var canUpdate = scope.Role != PortalRole.SubDistrictCommittee; // VisibleTo is OwnedBy for units and communities
        return new WorkItemViewModel
        {
            Kind = WorkKind.ActionItem, Id = a.Id, Title = a.What, OwnerName = a.Owner, Stream = a.Stream, DueDate = a.DueDate,
            Status = a.Status, Progress = a.Progress, Version = a.Version, Today = ChinaTime.Today(clock),
            ContextId = a.MeetingId, ContextName = l["JointMeetings.DetailsTitle", Display.Date(a.MeetingDate)], DecisionText = a.Decision, Updates = updates,
            CanUpdate = canUpdate && a.Status != WorkStatus.Done,
            CanSendBack = scope.Role == PortalRole.SubDistrictCommittee && a.Status != WorkStatus.SentBack,
            ProgressForm = progress ?? new ProgressInput { Progress = a.Progress, Version = a.Version },
            SendBack = sendBack ?? new SendBackInput { Version = a.Version },
        };
    }

    private Task<List<WorkUpdateRow>> UpdatesAsync(IQueryable<WorkUpdate> updates, CancellationToken cancellationToken) =>
        updates.AsNoTracking().OrderByDescending(u => u.AtUtc).ThenByDescending(u => u.Id)
            .Select(u => new WorkUpdateRow(u.AtUtc, u.Kind, u.Progress, u.Note, db.Users.Where(x => x.Id == u.UserId).Select(x => x.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Projects and action items in one ordered query (UNION ALL), so a page is two queries whatever the data.</summary>
    private IQueryable<WorkRow> WorkQuery(UserScope scope, int? unitId, int? communityId, bool openOnly, bool overdueOnly, ActivityStream? stream)
    {
        var today = ChinaTime.Today(clock);
        var projects = scope.Role == PortalRole.SubDistrictCommittee ? db.JointProjects.AsNoTracking().VisibleTo(scope) : db.JointProjects.AsNoTracking().OwnedBy(scope);
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

    private static (int? Unit, int? Community) ParseOwner(string? owner)
    {
        if (owner is null || owner.Length < 3 || owner[1] != ':') return (null, null);
        if (!int.TryParse(owner.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return (null, null);
        return owner[0] switch { 'u' => (id, null), 'c' => (null, id), _ => (null, null) };
    }

    private async Task<IReadOnlyList<SelectListItem>> OwnerOptionsAsync(UserScope scope, string? selected, CancellationToken cancellationToken)
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

    private List<SelectListItem> StreamOptions(ActivityStream? selected) =>
        Enum.GetValues<ActivityStream>().Select(s => new SelectListItem(l["ActivityStream." + s], s.ToString(), s == selected)).ToList();
}
