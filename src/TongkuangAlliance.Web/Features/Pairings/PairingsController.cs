using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.Pairings;

/// <summary>
/// 结对共建: the sub-district committee pairs member units with communities (one-to-one or many-to-one)
/// and ends pairings. A pairing is never deleted: an ended one stays in the lists with its reason.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class PairingsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, string? status, int? communityId, int? unitId, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var filter = Enum.TryParse<PairingListStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : PairingListStatus.Active;
        var query = db.Pairings.AsNoTracking().VisibleTo(scope);
        query = filter switch
        {
            PairingListStatus.Active => query.Where(p => p.EndDate == null),
            PairingListStatus.Ended => query.Where(p => p.EndDate != null),
            _ => query,
        };
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => p.MemberUnit!.Name.Contains(term) || p.Community!.Name.Contains(term));
        }
        if (communityId is { } community) query = query.Where(p => p.CommunityId == community);
        if (unitId is { } unit) query = query.Where(p => p.MemberUnitId == unit);

        var list = await query
            .OrderBy(p => p.EndDate != null).ThenBy(p => p.Community!.Name).ThenBy(p => p.MemberUnit!.Name).ThenByDescending(p => p.StartDate)
            .Select(p => new PairingListItem(p.Id, p.MemberUnitId, p.MemberUnit!.Name, p.CommunityId, p.Community!.Name, p.StartDate, p.EndDate, p.EndReason))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        ViewData["Title"] = l["Pairings.Title"];
        return View(new PairingIndexViewModel
        {
            Pairings = list,
            Query = q,
            Status = filter,
            CommunityId = communityId,
            UnitId = unitId,
            Communities = await CommunityOptionsAsync(scope, communityId, cancellationToken),
            Units = await UnitOptionsAsync(scope, unitId, cancellationToken),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(int? communityId, int? unitId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var input = new PairingInput
        {
            CommunityId = communityId is { } c && await db.Communities.VisibleTo(scope).AnyAsync(x => x.Id == c, cancellationToken) ? c : null,
            MemberUnitId = unitId is { } u && await db.MemberUnits.VisibleTo(scope).AnyAsync(x => x.Id == u, cancellationToken) ? u : null,
            StartDate = ChinaTime.Today(clock),
        };
        return await CreateViewAsync(input, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Create(PairingInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var today = ChinaTime.Today(clock);

        MemberUnit? unit = null;
        Community? community = null;
        if (input.MemberUnitId is { } unitId)
        {
            unit = await db.MemberUnits.VisibleTo(scope).SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken);
            if (unit is null) ModelState.AddModelError(nameof(input.MemberUnitId), l["Pairings.UnknownUnit"]);
        }
        if (input.CommunityId is { } communityId)
        {
            community = await db.Communities.VisibleTo(scope).SingleOrDefaultAsync(c => c.Id == communityId, cancellationToken);
            if (community is null) ModelState.AddModelError(nameof(input.CommunityId), l["Pairings.UnknownCommunity"]);
        }
        if (input.StartDate > today) ModelState.AddModelError(nameof(input.StartDate), l["Pairing.StartInFuture"]);
        if (!ModelState.IsValid || unit is null || community is null) return await CreateViewAsync(input, cancellationToken);

        var alreadyActivelyPaired = await db.Pairings.AnyAsync(p => p.MemberUnitId == unit.Id && p.CommunityId == community.Id && p.EndDate == null, cancellationToken);
        Pairing pairing;
        try
        {
            pairing = Pairing.Start(unit, community, input.StartDate!.Value, alreadyActivelyPaired, string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim());
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return await CreateViewAsync(input, cancellationToken);
        }
        db.Pairings.Add(pairing);
        // A second submission of the same pairing at the same moment passes the check above too; the database's
        // index of active pairings refuses it, and it gets the check's own message.
        if (!await db.SaveUnlessTakenAsync(ModelState, string.Empty, l["Pairing.AlreadyActive"], cancellationToken))
            return await CreateViewAsync(input, cancellationToken);
        TempData["Success"] = l["Pairings.Created", unit.Name, community.Name].Value;
        return RedirectToAction(nameof(Index), new { communityId = community.Id });
    }

    [HttpGet]
    public async Task<IActionResult> End(int id, CancellationToken cancellationToken)
    {
        var summary = await SummaryAsync(id, cancellationToken);
        if (summary is null) return NotFound();
        return EndView(summary, new PairingEndInput { EndDate = ChinaTime.Today(clock), Version = summary.Version });
    }

    [HttpPost]
    public async Task<IActionResult> End(int id, PairingEndInput input, CancellationToken cancellationToken)
    {
        var pairing = await db.Pairings.VisibleTo(User.Scope()).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (pairing is null) return NotFound();
        var summary = (await SummaryAsync(id, cancellationToken))!;
        if (!ModelState.IsValid) return EndView(summary, input);

        db.Entry(pairing).Property(p => p.Version).OriginalValue = input.Version;
        try
        {
            pairing.End(input.EndDate!.Value, input.EndReason!, ChinaTime.Today(clock));
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return EndView(summary, input);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.Pairings.AsNoTracking().SingleAsync(p => p.Id == id, cancellationToken);
            this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
            {
                [l["Field.Status"]] = l[current.EndDate is null ? "PairingStatus.Active" : "PairingStatus.Ended"],
                [l["Field.StartDate"]] = Display.Date(current.StartDate),
                [l["Field.EndDate"]] = Display.Date(current.EndDate),
                [l["Field.EndReason"]] = current.EndReason,
                [l["Field.Note"]] = current.Note,
            });
            ModelState.Remove(nameof(input.Version));
            input.Version = current.Version;
            return EndView(summary with { EndDate = current.EndDate, EndReason = current.EndReason }, input);
        }
        TempData["Success"] = l["Pairings.Ended", summary.UnitName, summary.CommunityName].Value;
        return RedirectToAction(nameof(Index), new { status = nameof(PairingListStatus.Ended).ToLowerInvariant() });
    }

    private ViewResult EndView(PairingSummary summary, PairingEndInput input)
    {
        ViewData["Title"] = l["Pairings.EndTitle", summary.UnitName, summary.CommunityName];
        ViewData["Pairing"] = summary;
        return View("End", input);
    }

    private Task<PairingSummary?> SummaryAsync(int id, CancellationToken cancellationToken) =>
        db.Pairings.AsNoTracking().VisibleTo(User.Scope()).Where(p => p.Id == id)
            .Select(p => new PairingSummary(p.Id, p.MemberUnitId, p.MemberUnit!.Name, p.CommunityId, p.Community!.Name, p.StartDate, p.EndDate, p.EndReason, p.Note, p.Version))
            .SingleOrDefaultAsync(cancellationToken);

    private async Task<IActionResult> CreateViewAsync(PairingInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        ViewData["Title"] = l["Pairings.Create"];
        ViewData["Units"] = await UnitOptionsAsync(scope, input.MemberUnitId, cancellationToken);
        ViewData["Communities"] = await CommunityOptionsAsync(scope, input.CommunityId, cancellationToken);
        return View("Create", input);
    }

    private async Task<IReadOnlyList<SelectListItem>> CommunityOptionsAsync(UserScope scope, int? selected, CancellationToken cancellationToken) =>
        (await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken))
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == selected))
            .ToList();

    private async Task<IReadOnlyList<SelectListItem>> UnitOptionsAsync(UserScope scope, int? selected, CancellationToken cancellationToken) =>
        (await db.MemberUnits.AsNoTracking().VisibleTo(scope).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
            .Select(u => new SelectListItem(u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u.Id == selected))
            .ToList();
}
