namespace TongkuangAlliance.Web.Features.CaseCategories;

/// <summary>案件类别: the sub-district committee names the categories and their deadlines. Deactivated, never deleted.</summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class CaseCategoriesController(AppDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var rows = await db.CaseCategories.AsNoTracking()
            .OrderByDescending(c => c.IsActive).ThenBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CaseCategoryRow(c.Id, c.Name, c.NameEn, c.AcceptWithinDays, c.UpdateEveryDays, c.ResolveWithinDays, c.SortOrder, c.IsActive,
                db.Cases.Count(k => k.CategoryId == c.Id)))
            .ToListAsync(cancellationToken);
        ViewData["Title"] = l["CaseCategories.Title"];
        return View(rows);
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["CaseCategories.Create"];
        var next = await db.CaseCategories.Select(c => (int?)c.SortOrder).MaxAsync(cancellationToken) ?? 0;
        return View("Edit", new CaseCategoryInput { SortOrder = next + 1 });
    }

    [HttpPost]
    public async Task<IActionResult> Create(CaseCategoryInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["CaseCategories.Create"];
        if (ModelState.IsValid && await NameTakenAsync(input.Name!, null, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["CaseCategories.NameTaken"]);
        if (!ModelState.IsValid) return View("Edit", input);

        CaseCategory category;
        try
        {
            category = CaseCategory.Create(input.Name, input.NameEn, input.SortOrder, input.AcceptWithinDays!.Value, input.UpdateEveryDays!.Value, input.ResolveWithinDays!.Value);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return View("Edit", input);
        }
        if (!input.IsActive) category.Deactivate();
        db.CaseCategories.Add(category);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["CaseCategories.NameTaken"], cancellationToken))
            return View("Edit", input);
        TempData["Success"] = l["CaseCategories.Created", category.Name].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var category = await db.CaseCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return NotFound();
        ViewData["Title"] = l["CaseCategories.Edit", category.Name];
        ViewData["Id"] = id;
        return View(new CaseCategoryInput
        {
            Name = category.Name,
            NameEn = category.NameEn,
            AcceptWithinDays = category.AcceptWithinDays,
            UpdateEveryDays = category.UpdateEveryDays,
            ResolveWithinDays = category.ResolveWithinDays,
            SortOrder = category.SortOrder,
            IsActive = category.IsActive,
            Version = category.Version,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, CaseCategoryInput input, CancellationToken cancellationToken)
    {
        var category = await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null) return NotFound();
        ViewData["Title"] = l["CaseCategories.Edit", category.Name];
        ViewData["Id"] = id;
        if (ModelState.IsValid && await NameTakenAsync(input.Name!, id, cancellationToken))
            ModelState.AddModelError(nameof(input.Name), l["CaseCategories.NameTaken"]);
        if (!ModelState.IsValid) return View(input);

        db.Entry(category).Property(c => c.Version).OriginalValue = input.Version;
        try
        {
            category.Update(input.Name, input.NameEn, input.SortOrder, input.AcceptWithinDays!.Value, input.UpdateEveryDays!.Value, input.ResolveWithinDays!.Value);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return View(input);
        }
        if (input.IsActive) category.Activate();
        else category.Deactivate();

        try
        {
            if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Name), l["CaseCategories.NameTaken"], cancellationToken))
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

    /// <summary>Someone saved the category since the form was opened: show what they saved, and take their version.</summary>
    private async Task ShowConflictAsync(int id, CaseCategoryInput input, CancellationToken cancellationToken)
    {
        var current = await db.CaseCategories.AsNoTracking().SingleAsync(c => c.Id == id, cancellationToken);
        this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
        {
            [l["CaseCategories.Name"]] = current.Name,
            [l["CaseCategories.NameEn"]] = current.NameEn,
            [l["CaseCategories.AcceptWithinDays"]] = current.AcceptWithinDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [l["CaseCategories.UpdateEveryDays"]] = current.UpdateEveryDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [l["CaseCategories.ResolveWithinDays"]] = current.ResolveWithinDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [l["CaseCategories.IsActive"]] = current.IsActive ? l["Common.Yes"] : l["Common.No"],
        });
        ModelState.Remove(nameof(input.Version));
        input.Version = current.Version;
    }

    private Task<bool> NameTakenAsync(string name, int? exceptId, CancellationToken cancellationToken)
    {
        var trimmed = name.Trim();
        return db.CaseCategories.AnyAsync(c => c.Name == trimmed && c.Id != exceptId, cancellationToken);
    }
}
