using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.ServiceKinds;

/// <summary>便民服务项目: the sub-district committee keeps the list of services offered at service days. Deactivated, never deleted.</summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class ServiceKindsController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.ServiceKinds.AsNoTracking()
            .OrderByDescending(k => k.IsActive).ThenBy(k => k.SortOrder).ThenBy(k => k.Name)
            .Select(k => new ServiceKindRow(k.Id, k.Name, k.NameEn, k.SortOrder, k.IsActive, db.ActivityServices.Count(s => s.ServiceKindId == k.Id && s.IsOffered)))
            .ToListAsync(cancellationToken);
        ViewData["Title"] = l["ServiceKinds.Title"];
        return View(rows);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["ServiceKinds.Create"];
        var next = await db.ServiceKinds.Select(k => (int?)k.SortOrder).MaxAsync(cancellationToken) ?? 0;
        return View("Edit", new ServiceKindInput { SortOrder = next + 1 });
    }

    [HttpPost]
    public async Task<IActionResult> Create(ServiceKindInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["ServiceKinds.Create"];
        if (ModelState.IsValid && await NameTakenAsync(input.Name!, null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["ServiceKinds.NameTaken"]);
        if (!ModelState.IsValid) return View("Edit", input);

        ServiceKind kind;
        try
        {
            kind = ServiceKind.Create(input.Name, input.NameEn, input.SortOrder);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return View("Edit", input);
        }
        if (!input.IsActive) kind.Deactivate();
        db.ServiceKinds.Add(kind);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["ServiceKinds.NameTaken"], cancellationToken))
            return View("Edit", input);
        TempData["Success"] = l["ServiceKinds.Created", kind.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var kind = await db.ServiceKinds.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kind is null) return NotFound();
        ViewData["Title"] = l["ServiceKinds.Edit", kind.Name];
        ViewData["Id"] = id;
        return View(new ServiceKindInput { Name = kind.Name, NameEn = kind.NameEn, SortOrder = kind.SortOrder, IsActive = kind.IsActive, Version = kind.Version });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, ServiceKindInput input, CancellationToken cancellationToken)
    {
        var kind = await db.ServiceKinds.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kind is null) return NotFound();
        ViewData["Title"] = l["ServiceKinds.Edit", kind.Name];
        ViewData["Id"] = id;
        if (ModelState.IsValid && await NameTakenAsync(input.Name!, id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["ServiceKinds.NameTaken"]);
        if (!ModelState.IsValid) return View(input);

        db.Entry(kind).Property(k => k.Version).OriginalValue = input.Version;
        try
        {
            kind.Update(input.Name, input.NameEn, input.SortOrder);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return View(input);
        }
        if (input.IsActive) kind.Activate();
        else kind.Deactivate();

        try
        {
            if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["ServiceKinds.NameTaken"], cancellationToken))
                return View(input);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictAsync(id, input, cancellationToken);
            return View(input);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>Someone saved the kind since the form was opened: show what they saved, and take their version.</summary>
    private async Task ShowConflictAsync(int id, ServiceKindInput input, CancellationToken cancellationToken)
    {
        var current = await db.ServiceKinds.AsNoTracking().SingleAsync(k => k.Id == id, cancellationToken);
        this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
        {
            [l["ServiceKinds.Name"]] = current.Name,
            [l["ServiceKinds.NameEn"]] = current.NameEn,
            [l["ServiceKinds.IsActive"]] = current.IsActive ? l["Common.Yes"] : l["Common.No"],
        });
        ModelState.Remove(nameof(input.Version));
        input.Version = current.Version;
    }

    private Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.ServiceKinds.AnyAsync(k => k.Name == trimmed && k.Id != exceptId, cancellationToken);
    }
}
