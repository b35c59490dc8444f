using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.PairingLists;

/// <summary>
/// 三张清单: a pairing's page for a year — the community's needs, the unit's resources, the joint projects — and
/// the action items of its two sides. Needs are written by the community side, resources by the unit side,
/// projects by either side; the sub-district may write all three. Everything is read by both sides and the
/// sub-district; a pairing outside the user's scope is 404, a list the role may not write is 403.
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class PairingListsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    public const int FirstYear = 2019;

    [HttpGet]
    public async Task<IActionResult> Details(int id, int? year, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var header = await HeaderAsync(id, cancellationToken);
        if (header is null) return NotFound();
        var today = ChinaTime.Today(clock);
        var y = YearOrCurrent(year, today);

        var needs = await db.PairingNeeds.AsNoTracking().VisibleTo(scope).Where(n => n.PairingId == id && n.Year == y)
            .OrderBy(n => n.Id).Select(n => new NeedRow(n.Id, n.Title, n.Description)).ToListAsync(cancellationToken);
        var resources = await db.PairingResources.AsNoTracking().VisibleTo(scope).Where(r => r.PairingId == id && r.Year == y)
            .OrderBy(r => r.Id).Select(r => new ResourceRow(r.Id, r.Title, r.Description)).ToListAsync(cancellationToken);
        var projects = await db.JointProjects.AsNoTracking().VisibleTo(scope).Where(p => p.PairingId == id && p.Year == y)
            .OrderBy(p => p.Status == WorkStatus.Done).ThenBy(p => p.DueDate).ThenBy(p => p.Id)
            .Select(p => new ProjectRow(p.Id, p.Title, p.Stream, p.OwnerSide, p.Target, p.DueDate, p.Status, p.Progress,
                p.NeedId, p.Need!.Title, p.ResourceId, p.Resource!.Title))
            .ToListAsync(cancellationToken);
        var actionItems = await ActionItemsAsync(scope, header, y, cancellationToken);

        ViewData["Title"] = l["PairingLists.Title", header.UnitName, header.CommunityName];
        return View(new PairingListsViewModel
        {
            Pairing = header,
            Year = y,
            Years = Enumerable.Range(Math.Max(FirstYear, header.StartDate.Year), Math.Max(1, today.Year - Math.Max(FirstYear, header.StartDate.Year) + 1)).Reverse().ToList(),
            Today = today,
            Needs = needs,
            Resources = resources,
            Projects = projects,
            ActionItems = actionItems,
            CanAddNeed = header.EndDate is null && await MayWriteAsync(header, ListKind.Need),
            CanAddResource = header.EndDate is null && await MayWriteAsync(header, ListKind.Resource),
            CanCreateProject = header.EndDate is null && await MayWriteAsync(header, ListKind.Project),
        });
    }

    [HttpGet]
    public Task<IActionResult> AddNeed(int id, int? year, CancellationToken cancellationToken) => EntryFormAsync(id, year, ListKind.Need, cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddNeed(int id, int? year, [Bind(Prefix = "Input")] ListEntryInput input, CancellationToken cancellationToken) =>
        AddEntryAsync(id, year, ListKind.Need, input, cancellationToken);

    [HttpGet]
    public Task<IActionResult> AddResource(int id, int? year, CancellationToken cancellationToken) => EntryFormAsync(id, year, ListKind.Resource, cancellationToken);

    [HttpPost]
    public Task<IActionResult> AddResource(int id, int? year, [Bind(Prefix = "Input")] ListEntryInput input, CancellationToken cancellationToken) =>
        AddEntryAsync(id, year, ListKind.Resource, input, cancellationToken);

    [HttpGet]
    public async Task<IActionResult> CreateProject(int id, int? year, int? needId, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(id, cancellationToken);
        if (header is null) return NotFound();
        if (!await MayWriteAsync(header, ListKind.Project)) return Forbid();
        var y = YearOrCurrent(year, ChinaTime.Today(clock));
        var input = new ProjectInput { DueDate = new DateOnly(y, 12, 31) };
        if (needId is { } n)
        {
            var need = await db.PairingNeeds.AsNoTracking().Where(x => x.Id == n && x.PairingId == id && x.Year == y).Select(x => new { x.Id, x.Title }).SingleOrDefaultAsync(cancellationToken);
            if (need is not null)
            {
                input.NeedId = need.Id;
                input.Title = need.Title;
                input.OwnerSide = PairingSide.Unit;
            }
        }
        return await ProjectViewAsync(header, y, input, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> CreateProject(int id, int? year, [Bind(Prefix = "Input")] ProjectInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var pairing = await db.Pairings.VisibleTo(scope).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pairing is null) return NotFound();
        var header = (await HeaderAsync(id, cancellationToken))!;
        if (!await MayWriteAsync(header, ListKind.Project)) return Forbid();
        var y = YearOrCurrent(year, ChinaTime.Today(clock));
        if (pairing.EndDate is not null) ModelState.AddModelError(string.Empty, l["Joint.PairingEnded"]);

        PairingNeed? need = null;
        PairingResource? resource = null;
        if (input.NeedId is { } needId)
        {
            need = await db.PairingNeeds.SingleOrDefaultAsync(n => n.Id == needId && n.PairingId == id, cancellationToken);
            if (need is null) ModelState.AddModelError("Input.NeedId", l["Joint.NeedOtherList"]);
        }
        if (input.ResourceId is { } resourceId)
        {
            resource = await db.PairingResources.SingleOrDefaultAsync(r => r.Id == resourceId && r.PairingId == id, cancellationToken);
            if (resource is null) ModelState.AddModelError("Input.ResourceId", l["Joint.ResourceOtherList"]);
        }
        if (!ModelState.IsValid) return await ProjectViewAsync(header, y, input, cancellationToken);

        JointProject project;
        try
        {
            var used = need is not null && await db.JointProjects.AnyAsync(p => p.NeedId == need.Id, cancellationToken);
            project = JointProject.Create(pairing, y, input.Title!, input.Stream!.Value, input.OwnerSide!.Value, input.Target!, input.DueDate!.Value, need, resource, used);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, "Input");
            return await ProjectViewAsync(header, y, input, cancellationToken);
        }
        db.JointProjects.Add(project);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["Joint.ProjectCreated", project.Title].Value;
        return RedirectToAction(nameof(Details), new { id, year = y });
    }

    private enum ListKind { Need, Resource, Project }

    /// <summary>Who writes which list (the handler); the pairing being the user's own is the visibility query.</summary>
    private async Task<bool> MayWriteAsync(PairingHeader header, ListKind kind)
    {
        var operation = kind switch
        {
            ListKind.Need => PairingListOperations.AddNeed,
            ListKind.Resource => PairingListOperations.AddResource,
            _ => PairingListOperations.CreateProject,
        };
        return (await authorization.AuthorizeAsync(User, header.Resource, operation)).Succeeded;
    }

    /// <summary>
    /// The action items between the two sides of the pairing, from the year's meetings (as far as the user sees them):
    /// the unit's from a meeting the community convened or attended, the community's from a meeting the unit attended.
    /// </summary>
    private Task<List<ActionItemRow>> ActionItemsAsync(UserScope scope, PairingHeader header, int y, CancellationToken cancellationToken) =>
        db.ActionItems.AsNoTracking().VisibleTo(scope)
            .Where(a => ((a.OwnerUnitId == header.MemberUnitId
                            && (a.Meeting!.ConvenerCommunityId == header.CommunityId || a.Meeting.Attendees.Any(x => x.CommunityId == header.CommunityId)))
                        || (a.OwnerCommunityId == header.CommunityId && a.Meeting!.Attendees.Any(x => x.MemberUnitId == header.MemberUnitId)))
                        && a.Meeting!.MeetingDate >= new DateOnly(y, 1, 1) && a.Meeting.MeetingDate <= new DateOnly(y, 12, 31))
            .OrderBy(a => a.Status == WorkStatus.Done).ThenBy(a => a.DueDate).ThenBy(a => a.Id)
            .Select(a => new ActionItemRow(a.Id, a.MeetingId, a.Meeting!.MeetingDate, a.What,
                a.OwnerUnitId != null ? a.OwnerUnit!.Name : a.OwnerCommunity!.Name, a.DueDate, a.Status, a.Progress))
            .ToListAsync(cancellationToken);

    private async Task<IActionResult> EntryFormAsync(int id, int? year, ListKind kind, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(id, cancellationToken);
        if (header is null) return NotFound();
        if (!await MayWriteAsync(header, kind)) return Forbid();
        return EntryView(header, YearOrCurrent(year, ChinaTime.Today(clock)), kind, new ListEntryInput());
    }

    private async Task<IActionResult> AddEntryAsync(int id, int? year, ListKind kind, ListEntryInput input, CancellationToken cancellationToken)
    {
        var header = await HeaderAsync(id, cancellationToken);
        if (header is null) return NotFound();
        if (!await MayWriteAsync(header, kind)) return Forbid();
        var y = YearOrCurrent(year, ChinaTime.Today(clock));
        if (header.EndDate is not null) ModelState.AddModelError(string.Empty, l["Joint.PairingEnded"]);
        if (!ModelState.IsValid) return EntryView(header, y, kind, input);

        var title = input.Title!.Trim();
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (kind == ListKind.Need)
            db.PairingNeeds.Add(new PairingNeed { PairingId = id, Year = y, Title = title, Description = description });
        else
            db.PairingResources.Add(new PairingResource { PairingId = id, Year = y, Title = title, Description = description });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l[kind == ListKind.Need ? "Joint.NeedAdded" : "Joint.ResourceAdded", title].Value;
        return RedirectToAction(nameof(Details), new { id, year = y });
    }

    private ViewResult EntryView(PairingHeader header, int year, ListKind kind, ListEntryInput input)
    {
        ViewData["Title"] = l[kind == ListKind.Need ? "Joint.AddNeed" : "Joint.AddResource"];
        return View("AddEntry", new ListEntryViewModel { Pairing = header, Year = year, Kind = kind.ToString(), Input = input });
    }

    private async Task<IActionResult> ProjectViewAsync(PairingHeader header, int year, ProjectInput input, CancellationToken cancellationToken)
    {
        static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
        var needs = await db.PairingNeeds.AsNoTracking().Where(n => n.PairingId == header.Id && n.Year == year && !db.JointProjects.Any(p => p.NeedId == n.Id))
            .OrderBy(n => n.Id).Select(n => new { n.Id, n.Title }).ToListAsync(cancellationToken);
        var resources = await db.PairingResources.AsNoTracking().Where(r => r.PairingId == header.Id && r.Year == year)
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.Title }).ToListAsync(cancellationToken);
        ViewData["Title"] = l["Joint.CreateProject"];
        return View("CreateProject", new ProjectFormViewModel
        {
            Pairing = header,
            Year = year,
            Input = input,
            Needs = needs.Select(n => new SelectListItem(n.Title, S(n.Id), n.Id == input.NeedId)).ToList(),
            Resources = resources.Select(r => new SelectListItem(r.Title, S(r.Id), r.Id == input.ResourceId)).ToList(),
            Streams = Enum.GetValues<ActivityStream>().Select(s => new SelectListItem(l["ActivityStream." + s], s.ToString(), s == input.Stream)).ToList(),
            Sides =
            [
                new SelectListItem(l["Joint.SideNamed", l["PairingSide.Unit"], header.UnitName], nameof(PairingSide.Unit), input.OwnerSide == PairingSide.Unit),
                new SelectListItem(l["Joint.SideNamed", l["PairingSide.Community"], header.CommunityName], nameof(PairingSide.Community), input.OwnerSide == PairingSide.Community),
            ],
        });
    }

    private static int YearOrCurrent(int? year, DateOnly today) => year is { } y && y >= FirstYear && y <= today.Year ? y : today.Year;

    private Task<PairingHeader?> HeaderAsync(int id, CancellationToken cancellationToken) =>
        db.Pairings.AsNoTracking().VisibleTo(User.Scope()).Where(p => p.Id == id)
            .Select(p => new PairingHeader(p.Id, p.MemberUnitId, p.MemberUnit!.Name, p.CommunityId, p.Community!.Name, p.StartDate, p.EndDate, p.Community.SubDistrictId))
            .SingleOrDefaultAsync(cancellationToken);
}
