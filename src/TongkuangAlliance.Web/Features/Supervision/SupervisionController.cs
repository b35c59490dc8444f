using System.Security.Claims;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.Supervision;

/// <summary>
/// 督办: the sub-district's list of every open joint project and action item (overdue ones flagged), "my
/// commitments" for a unit or a community, and each item's page. Only the owner reports progress (append-only
/// dated entries); only the sub-district sends an item back with a comment, which the owner must answer with a new
/// update. An item outside the user's scope — or, for updates, not its own — is 404.
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class SupervisionController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private SupervisionQueries Queries => new(db, clock, l);

    [HttpGet]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> Index(string? owner, bool overdue = false, ActivityStream? stream = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var (unitId, communityId) = SupervisionQueries.ParseOwner(owner);
        var items = await Queries.WorkQuery(scope, unitId, communityId, openOnly: true, overdue, stream).ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l["Supervision.Title"];
        return View(new WorkListViewModel
        {
            Items = items,
            Today = ChinaTime.Today(clock),
            Owner = unitId is null && communityId is null ? null : owner,
            OverdueOnly = overdue,
            Stream = stream is { } s && Enum.IsDefined(s) ? s : null,
            Owners = await Queries.OwnerOptionsAsync(scope, owner, cancellationToken),
            Streams = Queries.StreamOptions(stream),
        });
    }

    /// <summary>
    /// 我的承诺: everything a unit (or a community) has committed to across its pairings and meetings. The
    /// sub-district opens any unit's (without one, its own list); a unit or a community only its own (another id is 404).
    /// </summary>
    [HttpGet]
    public async Task<IActionResult> Commitments(int? unitId, bool overdue = false, ActivityStream? stream = null, bool open = false, WorkKind? kind = null,
        int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var own = WorkOwnerResource.Of(scope);
        var owner = unitId is { } u ? new WorkOwnerResource(u, null) : own;
        if (owner is { UnitId: null, CommunityId: null }) return RedirectToAction(nameof(Index));
        if (!(await authorization.AuthorizeAsync(User, owner, WorkOwnerOperations.ViewCommitments)).Succeeded) return NotFound();
        var name = await Queries.OwnerNameAsync(scope, owner, cancellationToken);
        if (name is null) return NotFound();

        kind = kind is { } k && Enum.IsDefined(k) ? k : null;
        var items = await Queries.WorkQuery(scope, owner.UnitId, owner.CommunityId, openOnly: open, overdue, stream, kind).ToPagedListAsync(page, cancellationToken: cancellationToken);
        var someoneElses = owner != own;
        ViewData["Title"] = someoneElses ? l["Commitments.TitleOf", name] : l["Commitments.Title"];
        return View(new WorkListViewModel
        {
            Items = items,
            Today = ChinaTime.Today(clock),
            OverdueOnly = overdue,
            OpenOnly = open,
            Kind = kind,
            Stream = stream is { } s && Enum.IsDefined(s) ? s : null,
            Owners = [],
            Streams = Queries.StreamOptions(stream),
            OwnerName = name,
            UnitId = someoneElses ? owner.UnitId : null,
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

    /// <summary>The owner's progress report; a project in scope but not the user's own is 404, like one out of scope.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrUnit)]
    public async Task<IActionResult> ProjectProgress(int id, [Bind(Prefix = "ProgressForm")] ProgressInput input, CancellationToken cancellationToken)
    {
        var work = await ProjectAsync(id, JointProjectOperations.UpdateProgress, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, input, null, async () => (await ProjectModelAsync(id, input, null, cancellationToken))!, nameof(Project), cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrUnit)]
    public async Task<IActionResult> ActionItemProgress(int id, [Bind(Prefix = "ProgressForm")] ProgressInput input, CancellationToken cancellationToken)
    {
        var (work, refusal) = await ActionItemAsync(id, ActionItemOperations.UpdateProgress, cancellationToken);
        if (work is null) return refusal!;
        return await SaveAsync(work, input, null, async () => (await ActionItemModelAsync(id, input, null, cancellationToken))!, nameof(ActionItem), cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> ProjectSendBack(int id, [Bind(Prefix = "SendBack")] SendBackInput input, CancellationToken cancellationToken)
    {
        var work = await ProjectAsync(id, JointProjectOperations.SendBack, cancellationToken);
        if (work is null) return NotFound();
        return await SaveAsync(work, null, input, async () => (await ProjectModelAsync(id, null, input, cancellationToken))!, nameof(Project), cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> ActionItemSendBack(int id, [Bind(Prefix = "SendBack")] SendBackInput input, CancellationToken cancellationToken)
    {
        var (work, refusal) = await ActionItemAsync(id, ActionItemOperations.SendBack, cancellationToken);
        if (work is null) return refusal!;
        return await SaveAsync(work, null, input, async () => (await ActionItemModelAsync(id, null, input, cancellationToken))!, nameof(ActionItem), cancellationToken);
    }

    /// <summary>The project to change, tracked; null (404) when it is outside the user's scope or the operation is not the user's.</summary>
    private async Task<JointProject?> ProjectAsync(int id, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var resource = await Queries.ProjectResourceAsync(User.Scope(), id, cancellationToken);
        if (resource is null || !(await authorization.AuthorizeAsync(User, resource, operation)).Succeeded) return null;
        return await db.JointProjects.SingleAsync(p => p.Id == id, cancellationToken);
    }

    /// <summary>The item to change, or why not: not found outside the user's scope, forbidden to one who only reads it (a community at whose meeting it was decided).</summary>
    private async Task<(Core.Joint.ActionItem? Item, IActionResult? Refusal)> ActionItemAsync(int id, OperationAuthorizationRequirement operation, CancellationToken cancellationToken)
    {
        var resource = await Queries.ActionItemResourceAsync(User.Scope(), id, cancellationToken);
        if (resource is null) return (null, NotFound());
        if (!(await authorization.AuthorizeAsync(User, resource, operation)).Succeeded) return (null, Forbid());
        return (await db.ActionItems.SingleAsync(a => a.Id == id, cancellationToken), null);
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
                Resource = new JointProjectResource(x.Pairing!.Community!.SubDistrictId, x.Pairing.CommunityId, x.Pairing.MemberUnitId, x.OwnerSide),
                Owner = x.OwnerSide == PairingSide.Unit ? x.Pairing!.MemberUnit!.Name : x.Pairing!.Community!.Name,
                Unit = x.Pairing!.MemberUnit!.Name, Community = x.Pairing.Community!.Name,
                NeedTitle = x.Need!.Title, ResourceTitle = x.Resource!.Title,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (p is null) return null;
        var updates = await Queries.UpdatesAsync(db.WorkUpdates.Where(u => u.ProjectId == id), cancellationToken);
        var canUpdate = (await authorization.AuthorizeAsync(User, p.Resource, JointProjectOperations.UpdateProgress)).Succeeded;
        var canSendBack = (await authorization.AuthorizeAsync(User, p.Resource, JointProjectOperations.SendBack)).Succeeded;
        return new WorkItemViewModel
        {
            Kind = WorkKind.Project, Id = p.Id, Title = p.Title, OwnerName = p.Owner, Stream = p.Stream, Target = p.Target, DueDate = p.DueDate,
            Status = p.Status, Progress = p.Progress, Version = p.Version, Today = ChinaTime.Today(clock),
            ContextId = p.PairingId, ContextName = l["PairingLists.Title", p.Unit, p.Community], Year = p.Year,
            NeedTitle = p.NeedTitle, ResourceTitle = p.ResourceTitle, Updates = updates,
            CanUpdate = canUpdate && p.Status != WorkStatus.Done,
            CanSendBack = canSendBack && p.Status != WorkStatus.SentBack,
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
                Resource = new ActionItemResource(x.Meeting.SubDistrictId, x.OwnerUnitId, x.OwnerCommunityId),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (a is null) return null;
        var updates = await Queries.UpdatesAsync(db.WorkUpdates.Where(u => u.ActionItemId == id), cancellationToken);
        var canUpdate = (await authorization.AuthorizeAsync(User, a.Resource, ActionItemOperations.UpdateProgress)).Succeeded;
        var canSendBack = (await authorization.AuthorizeAsync(User, a.Resource, ActionItemOperations.SendBack)).Succeeded;
        return new WorkItemViewModel
        {
            Kind = WorkKind.ActionItem, Id = a.Id, Title = a.What, OwnerName = a.Owner, Stream = a.Stream, DueDate = a.DueDate,
            Status = a.Status, Progress = a.Progress, Version = a.Version, Today = ChinaTime.Today(clock),
            ContextId = a.MeetingId, ContextName = l["JointMeetings.DetailsTitle", Display.Date(a.MeetingDate)], DecisionText = a.Decision, Updates = updates,
            CanUpdate = canUpdate && a.Status != WorkStatus.Done,
            CanSendBack = canSendBack && a.Status != WorkStatus.SentBack,
            ProgressForm = progress ?? new ProgressInput { Progress = a.Progress, Version = a.Version },
            SendBack = sendBack ?? new SendBackInput { Version = a.Version },
        };
    }
}
