using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.MemberUnits;

/// <summary>成员单位: list, detail with the unit's pairings; create (sub-district) and edit (sub-district or the unit itself).</summary>
public sealed class MemberUnitsController(AppDbContext db, IAuthorizationService authorization, IStringLocalizer<SharedResource> l,
    TongkuangAlliance.Web.Infrastructure.Notifications.NotificationSecrets secrets) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(string? q, MemberUnitKind? kind, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var query = db.MemberUnits.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.Name.Contains(term) || u.PartyOrganisationName.Contains(term));
        }
        if (kind is { } k && Enum.IsDefined(k)) query = query.Where(u => u.Kind == k);

        // Counted within the user's scope, so a community sees the same pairings here as on the unit's page.
        var visiblePairings = db.Pairings.AsNoTracking().VisibleTo(scope);
        var list = await query.OrderBy(u => u.Name)
            .Select(u => new MemberUnitListItem(u.Id, u.Name, u.Kind, u.PartyOrganisationName,
                u.Contact != null ? u.Contact.Name : null, u.Contact != null ? u.Contact.Phone : null,
                visiblePairings.Count(p => p.MemberUnitId == u.Id && p.EndDate == null)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        ViewData["Title"] = l["MemberUnits.Title"];
        return View(new MemberUnitIndexViewModel { Units = list, Query = q, Kind = kind, CanCreate = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var unit = await db.MemberUnits.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id, u.SubDistrictId, u.Name, u.Kind, u.PartyOrganisationName,
                ContactName = u.Contact != null ? u.Contact.Name : null,
                ContactPhone = u.Contact != null ? u.Contact.Phone : null,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (unit is null) return NotFound();

        var pairings = await db.Pairings.AsNoTracking().VisibleTo(scope).Where(p => p.MemberUnitId == id)
            .OrderBy(p => p.EndDate != null).ThenByDescending(p => p.StartDate)
            .Select(p => new { p.Id, p.CommunityId, CommunityName = p.Community!.Name, p.StartDate, p.EndDate, p.EndReason, p.Note })
            .ToListAsync(cancellationToken);
        var communityIds = pairings.Select(p => p.CommunityId).Distinct().ToList();
        var openable = (await db.Communities.AsNoTracking().VisibleTo(scope).Where(c => communityIds.Contains(c.Id))
            .Select(c => c.Id).ToListAsync(cancellationToken)).ToHashSet();

        ViewData["Title"] = unit.Name;
        return View(new MemberUnitDetailsViewModel
        {
            Id = unit.Id,
            Name = unit.Name,
            Kind = unit.Kind,
            PartyOrganisationName = unit.PartyOrganisationName,
            ContactName = unit.ContactName,
            ContactPhone = unit.ContactPhone,
            Pairings = pairings.Select(p => new UnitPairingItem(p.Id, p.CommunityId, p.CommunityName, p.StartDate, p.EndDate, p.EndReason, p.Note, openable.Contains(p.CommunityId))).ToList(),
            CanEdit = (await authorization.AuthorizeAsync(User, new MemberUnitResource(unit.SubDistrictId, unit.Id), Operations.Update)).Succeeded,
            CanManagePairings = (await authorization.AuthorizeAsync(User, Policies.SubDistrictOnly)).Succeeded,
        });
    }

    [HttpGet, Authorize(Policy = Policies.SubDistrictOnly)]
    public IActionResult Create()
    {
        ViewData["Title"] = l["MemberUnits.Create"];
        return View("Edit", new MemberUnitInput());
    }

    [HttpPost, Authorize(Policy = Policies.SubDistrictOnly)]
    public async Task<IActionResult> Create(MemberUnitInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["MemberUnits.Create"];
        var scope = User.Scope();
        var contact = ReadContact(input);
        if (ModelState.IsValid && await NameTakenAsync(scope.SubDistrictId, input.Name!, exceptId: null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["MemberUnits.NameTaken"]);
        if (!ModelState.IsValid) return View("Edit", input);

        var unit = new MemberUnit { SubDistrictId = scope.SubDistrictId, Name = "", PartyOrganisationName = "" };
        Apply(input, contact, unit);
        input.Robot.ApplyTo(unit, secrets);
        db.MemberUnits.Add(unit);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["MemberUnits.NameTaken"], cancellationToken))
            return View("Edit", input);
        TempData["Success"] = l["MemberUnits.Created", unit.Name].Value;
        return RedirectToAction(nameof(Details), new { id = unit.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var unit = await FindEditableAsync(id, cancellationToken);
        if (unit is null) return NotFound();
        if (!await CanEditAsync(unit)) return Forbid();

        ViewData["Title"] = l["MemberUnits.Edit", unit.Name];
        ViewData["Id"] = id;
        return View(new MemberUnitInput
        {
            Name = unit.Name,
            Kind = unit.Kind,
            PartyOrganisationName = unit.PartyOrganisationName,
            Contact = new ContactInput { Name = unit.Contact?.Name, Phone = unit.Contact?.Phone },
            Robot = RobotInput.From(unit),
            Version = unit.Version,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, MemberUnitInput input, CancellationToken cancellationToken)
    {
        var unit = await FindEditableAsync(id, cancellationToken);
        if (unit is null) return NotFound();
        if (!await CanEditAsync(unit)) return Forbid();

        ViewData["Title"] = l["MemberUnits.Edit", unit.Name];
        ViewData["Id"] = id;
        var contact = ReadContact(input);
        if (ModelState.IsValid && await NameTakenAsync(unit.SubDistrictId, input.Name!, exceptId: id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["MemberUnits.NameTaken"]);
        if (!ModelState.IsValid) return View(input);

        var entry = db.Entry(unit);
        entry.Property(u => u.Version).OriginalValue = input.Version;
        Apply(input, contact, unit);
        input.Robot.ApplyTo(unit, secrets);
        try
        {
            if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["MemberUnits.NameTaken"], cancellationToken))
                return View(input);
        }
        catch (DbUpdateConcurrencyException)
        {
            var current = await db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == id, cancellationToken);
            this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
            {
                [l["Field.UnitName"]] = current.Name,
                [l["Field.UnitKind"]] = l["MemberUnitKind." + current.Kind],
                [l["Field.PartyOrganisationName"]] = current.PartyOrganisationName,
                [l["Field.ContactName"]] = current.Contact?.Name,
                [l["Field.ContactPhone"]] = current.Contact?.Phone,
            });
            ModelState.Remove(nameof(input.Version));
            input.Version = current.Version;
            return View(input);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The contact from the form, or null; "one without the other" becomes a field error.</summary>
    private Contact? ReadContact(MemberUnitInput input)
    {
        if (ModelState.GetValidationState("Contact.Name") == ModelValidationState.Invalid
            || ModelState.GetValidationState("Contact.Phone") == ModelValidationState.Invalid) return null;
        try
        {
            return Contact.FromInput(input.Contact.Name, input.Contact.Phone);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, nameof(input.Contact));
            return null;
        }
    }

    private Task<MemberUnit?> FindEditableAsync(int id, CancellationToken cancellationToken) =>
        db.MemberUnits.VisibleTo(User.Scope()).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    private async Task<bool> CanEditAsync(MemberUnit unit) =>
        (await authorization.AuthorizeAsync(User, new MemberUnitResource(unit.SubDistrictId, unit.Id), Operations.Update)).Succeeded;

    private Task<bool> NameTakenAsync(int subDistrictId, string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.MemberUnits.AnyAsync(u => u.SubDistrictId == subDistrictId && u.Name == trimmed && u.Id != exceptId, cancellationToken);
    }

    private static void Apply(MemberUnitInput input, Contact? contact, MemberUnit unit)
    {
        unit.Name = input.Name!.Trim();
        unit.Kind = input.Kind!.Value;
        unit.PartyOrganisationName = input.PartyOrganisationName!.Trim();
        if (contact?.Name != unit.Contact?.Name || contact?.Phone != unit.Contact?.Phone) unit.Contact = contact;
    }
}
