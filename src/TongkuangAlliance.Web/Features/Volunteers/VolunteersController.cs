using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>
/// 在职党员 (issue 5), staff side: the registry (a unit's "our members"), confirming registrations and opening
/// volunteer accounts, the hours ledger, the certificate and the list of members who reported but did not volunteer
/// this half-year. Committees act within their community; a paired unit reads its own members' participation. An
/// activity's volunteers are in <see cref="ActivityVolunteersController"/>, the unit's import in <see cref="VolunteerImportController"/>.
/// </summary>
[Authorize(Policy = Policies.VolunteerLedger)]
public sealed class VolunteersController(AppDbContext db, VolunteerAccounts accounts, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- registry --------------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(string? q, RegistrationStatus? registration, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        // A unit's registry is its own employees: "our members".
        ViewData["Title"] = await AllowsAsync(Policies.PairedUnitOnly) ? l["Volunteers.OurMembers"] : l["Volunteers.Title"];
        var (from, to) = VolunteerHoursQueries.HalfYearOf(ChinaTime.Today(clock));
        var members = db.PartyMembers.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            members = members.Where(m => m.Name.Contains(term) || m.PhoneTail == term);
        }
        if (registration is { } r) members = members.Where(m => m.Registration == r);
        var list = await members.OrderBy(m => m.Registration).ThenBy(m => m.HomeCommunity!.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberRow(m.Id, m.Name, m.Phone, m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName, m.HomeCommunity!.Name,
                m.HomeCompound != null ? m.HomeCompound.Name : null, m.Skills, m.ReportedOn, m.Status, m.Registration,
                db.CheckIns.Where(c => c.PartyMemberId == m.Id && c.Minutes != null && c.CheckedInAtUtc >= from && c.CheckedInAtUtc < to).Count(),
                db.CheckIns.Where(c => c.PartyMemberId == m.Id && c.Minutes != null && c.CheckedInAtUtc >= from && c.CheckedInAtUtc < to).Sum(c => (int?)c.Minutes) ?? 0,
                db.Users.Where(u => u.PartyMemberId == m.Id).Select(u => u.UserName).FirstOrDefault()))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        return View(new MemberIndexViewModel
        {
            Members = list, Q = q, Registration = registration,
            CanConfirm = await AllowsAsync(Policies.CommunityOrSubDistrict),
            CanImport = (await authorization.AuthorizeAsync(User, PartyMemberResource.ForUnit(scope.SubDistrictId, scope.MemberUnitId), PartyMemberOperations.Import)).Succeeded,
        });
    }

    /// <summary>The home community confirms a member's registration (报到确认).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Confirm(int id, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
        if (!await authorization.MayActOnMemberAsync(User, db, id, PartyMemberOperations.Confirm, cancellationToken)) return Forbid();
        try
        {
            member.Confirm(Now);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = l["Volunteers.Confirmed", member.Name].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Index), new { registration = RegistrationStatus.Pending });
    }

    /// <summary>The form that opens a confirmed member's own sign-in account (role Volunteer: self-service only).</summary>
    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Account(int id, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
        if (!await authorization.MayActOnMemberAsync(User, db, id, PartyMemberOperations.OpenAccount, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Volunteers.AccountTitle", member.Name];
        ViewData["Problem"] = await accounts.WhyNotAsync(member, cancellationToken) is { } key ? l[key].Value : null;
        return View(new VolunteerAccountInput { UserName = VolunteerAccounts.SuggestedUserName(member) });
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Account(int id, VolunteerAccountInput input, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
        if (!await authorization.MayActOnMemberAsync(User, db, id, PartyMemberOperations.OpenAccount, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Volunteers.AccountTitle", member.Name];
        if (await accounts.WhyNotAsync(member, cancellationToken) is { } problem)
        {
            TempData["Error"] = l[problem].Value;
            return RedirectToAction(nameof(Index), new { q = member.Name });
        }
        if (!ModelState.IsValid) return View(input);

        var errors = await accounts.CreateAsync(member, input.UserName!.Trim(), input.Password!, User.Scope().SubDistrictId, User, cancellationToken);
        if (errors.Count > 0)
        {
            foreach (var (field, message) in errors) ModelState.AddModelError(field, message);
            return View(input);
        }
        TempData["Success"] = l["Volunteers.AccountCreated", member.Name, input.UserName.Trim()].Value;
        return RedirectToAction(nameof(Index), new { q = member.Name });
    }

    // ---- ledger, certificate, idle members -------------------------------------------------------------

    /// <summary>Hours per volunteer, member unit or community for a period (China dates, inclusive).</summary>
    [HttpGet]
    public async Task<IActionResult> Ledger(string? by, string? from, string? to, int? communityId, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        // A community's dashboard links here with its id: only check-ins at that community's activities (in scope).
        var community = communityId is { } cid
            ? await db.Communities.AsNoTracking().VisibleTo(scope).Where(c => c.Id == cid).Select(c => new { c.Id, c.Name }).SingleOrDefaultAsync(cancellationToken)
            : null;
        if (communityId is not null && community is null) return NotFound();
        var (fromDate, toDate) = VolunteerCertificate.Period(from, to, clock);
        var fromUtc = ChinaTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue));
        ViewData["Title"] = l["Volunteers.Ledger"];
        var model = new LedgerViewModel { By = by is "unit" or "community" ? by : "volunteer", From = fromDate, To = toDate, CommunityId = community?.Id, CommunityName = community?.Name };
        switch (model.By)
        {
            case "unit":
                model.Groups = await VolunteerHoursQueries.PerMemberUnit(db, scope, fromUtc, toUtc, community?.Id)
                    .OrderByDescending(g => g.Minutes).ThenBy(g => g.Id).ToPagedListAsync(page, cancellationToken: cancellationToken);
                break;
            case "community":
                model.Groups = await VolunteerHoursQueries.PerCommunity(db, scope, fromUtc, toUtc, community?.Id)
                    .OrderByDescending(g => g.Minutes).ThenBy(g => g.Id).ToPagedListAsync(page, cancellationToken: cancellationToken);
                break;
            default:
                model.Volunteers = await VolunteerHoursQueries.PerVolunteer(db, scope, fromUtc, toUtc, community?.Id)
                    .OrderByDescending(v => v.Minutes).ThenBy(v => v.PartyMemberId).ToPagedListAsync(page, cancellationToken: cancellationToken);
                break;
        }
        return View(model);
    }

    [HttpGet]
    public async Task<IActionResult> Certificate(int id, string? from, string? to, CancellationToken cancellationToken)
    {
        var model = await VolunteerCertificate.LoadAsync(db, User.Scope(), id, from, to, clock, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = l["Certificate.Title"];
        return View(model);
    }

    /// <summary>Members who reported (confirmed, active) but did not volunteer in the current half-year.</summary>
    [HttpGet]
    public async Task<IActionResult> Idle(int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var today = ChinaTime.Today(clock);
        var (fromUtc, toUtc) = VolunteerHoursQueries.HalfYearOf(today);
        ViewData["Title"] = l["Volunteers.Idle"];
        var list = await VolunteerHoursQueries.ReportedButIdle(db, scope, fromUtc, toUtc)
            .OrderBy(m => m.HomeCommunity!.Name).ThenBy(m => m.Name).ThenBy(m => m.Id)
            .Select(m => new MemberRow(m.Id, m.Name, m.Phone, m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName, m.HomeCommunity!.Name,
                m.HomeCompound != null ? m.HomeCompound.Name : null, m.Skills, m.ReportedOn, m.Status, m.Registration, 0, 0, null))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        return View(new IdleViewModel { Members = list, From = DateOnly.FromDateTime(ChinaTime.FromUtc(fromUtc)), To = DateOnly.FromDateTime(ChinaTime.FromUtc(toUtc)).AddDays(-1) });
    }

    private async Task<bool> AllowsAsync(string policy) => (await authorization.AuthorizeAsync(User, policy)).Succeeded;
}
