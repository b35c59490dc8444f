using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Volunteers;

namespace TongkuangAlliance.Web.Features.PartyMembers;

/// <summary>
/// Registering one party member by hand and correcting an entry (phone, employer, home, status: moved away or left).
/// A community committee registers its own residents, a member unit its own employees, the sub-district anyone of
/// its communities; each edits only the members it sees in the registry (<see cref="PartyMemberAuthorizationHandler"/>).
/// A phone number belongs to one member.
/// </summary>
[Authorize(Policy = Policies.VolunteerLedger)]
public sealed class PartyMembersController(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        ViewData["Title"] = l["Members.Register"];
        var input = new PartyMemberInput { ReportedOn = ChinaTime.Today(clock), HomeCommunityId = scope.CommunityId, MemberUnitId = scope.MemberUnitId };
        return await FormAsync(input, isNew: true, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Create(PartyMemberInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Members.Register"];
        var details = await DetailsAsync(input, null, cancellationToken);
        if (details is null) return await FormAsync(input, isNew: true, cancellationToken);

        PartyMember member;
        try
        {
            member = PartyMember.Register(details);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return await FormAsync(input, isNew: true, cancellationToken);
        }
        db.PartyMembers.Add(member);
        if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Phone), l["Members.PhoneTaken"], cancellationToken))
            return await FormAsync(input, isNew: true, cancellationToken);
        TempData["Success"] = l["Members.Registered", member.Name].Value;
        return RedirectToAction("Index", "Volunteers", new { q = member.Name });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
        if (!await authorization.MayActOnMemberAsync(User, db, id, PartyMemberOperations.Edit, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Members.Edit", member.Name];
        ViewData["Id"] = id;
        return await FormAsync(new PartyMemberInput
        {
            Name = member.Name, Phone = member.Phone, MemberUnitId = member.MemberUnitId, EmployerName = member.EmployerName,
            PartyBranch = member.PartyBranch, HomeCommunityId = member.HomeCommunityId, HomeCompoundId = member.HomeCompoundId,
            Skills = member.Skills, ReportedOn = member.ReportedOn, Status = member.Status, Version = member.Version,
        }, isNew: false, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Edit(int id, PartyMemberInput input, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
        if (!await authorization.MayActOnMemberAsync(User, db, id, PartyMemberOperations.Edit, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Members.Edit", member.Name];
        ViewData["Id"] = id;
        var details = await DetailsAsync(input, id, cancellationToken);
        if (details is null) return await FormAsync(input, isNew: false, cancellationToken);

        db.Entry(member).Property(m => m.Version).OriginalValue = input.Version;
        try
        {
            member.Update(details);
            member.ChangeStatus(input.Status);
            if (!await db.SaveUnlessTakenAsync(ModelState, nameof(input.Phone), l["Members.PhoneTaken"], cancellationToken))
                return await FormAsync(input, isNew: false, cancellationToken);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
            return await FormAsync(input, isNew: false, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await ShowConflictAsync(id, input, cancellationToken);
            return await FormAsync(input, isNew: false, cancellationToken);
        }
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction("Index", "Volunteers", new { q = member.Name });
    }

    /// <summary>Someone saved the entry since the form was opened: show what it holds now, keep what was typed.</summary>
    private async Task ShowConflictAsync(int id, PartyMemberInput input, CancellationToken cancellationToken)
    {
        var current = await db.PartyMembers.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new { m.Name, m.Phone, Employer = m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName, Community = m.HomeCommunity!.Name, m.Status, m.Version })
            .SingleAsync(cancellationToken);
        this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
        {
            [l["Field.Name"]] = current.Name,
            [l["Field.Phone"]] = ChinesePhone.Mask(current.Phone),
            [l["Field.Employer"]] = current.Employer,
            [l["Field.HomeCommunity"]] = current.Community,
            [l["Field.MemberStatus"]] = l[$"PartyMemberStatus.{current.Status}"],
        });
        ModelState.Remove(nameof(input.Version));
        input.Version = current.Version;
    }

    /// <summary>
    /// The entry's details once the choices are checked against what the user may register (a committee's own community,
    /// a unit's own employees: <see cref="PartyMemberOperations"/>), a compound of the chosen community and a phone nobody
    /// else has; null with errors in ModelState otherwise. The entity checks the rest (phone format, an employer given).
    /// </summary>
    private async Task<PartyMemberDetails?> DetailsAsync(PartyMemberInput input, int? id, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        // The edit form always sends the status: a crafted edit without it is refused, not saved as 在册 (issue 20 #17).
        if (id is not null && !Request.Form.ContainsKey(nameof(input.Status)))
            ModelState.AddModelError(nameof(input.Status), l["Validation.Choose", l["Field.MemberStatus"]]);
        // What the user may register (its own community, its own unit's employees), then whether the choice is of its sub-district.
        if (input.HomeCommunityId is { } home)
        {
            if (!await MayAsync(PartyMemberResource.InCommunity(scope.SubDistrictId, home), PartyMemberOperations.RegisterInCommunity))
                ModelState.AddModelError(nameof(input.HomeCommunityId), l["Members.OwnCommunityOnly"]);
            else if (!await db.Communities.AnyAsync(c => c.Id == home && c.SubDistrictId == scope.SubDistrictId, cancellationToken))
                ModelState.AddModelError(nameof(input.HomeCommunityId), l["Accounts.CommunityOutside"]);
        }
        if (input.HomeCompoundId is { } compound && !await db.Compounds.AnyAsync(c => c.Id == compound && c.CommunityId == input.HomeCommunityId, cancellationToken))
            ModelState.AddModelError(nameof(input.HomeCompoundId), l["Members.CompoundOutside"]);
        if (!await MayAsync(PartyMemberResource.ForUnit(scope.SubDistrictId, input.MemberUnitId), PartyMemberOperations.RegisterForUnit))
            ModelState.AddModelError(nameof(input.MemberUnitId), l["Members.OwnUnitOnly"]);
        else if (input.MemberUnitId is { } unit && !await db.MemberUnits.AnyAsync(u => u.Id == unit && u.SubDistrictId == scope.SubDistrictId, cancellationToken))
            ModelState.AddModelError(nameof(input.MemberUnitId), l["Accounts.MemberUnitOutside"]);
        var phone = input.Phone?.Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!string.IsNullOrEmpty(phone) && await db.PartyMembers.AnyAsync(m => m.Phone == phone && m.Id != id, cancellationToken))
            ModelState.AddModelError(nameof(input.Phone), l["Members.PhoneTaken"]);
        if (!ModelState.IsValid) return null;

        return new PartyMemberDetails(input.Name, phone, input.MemberUnitId, input.EmployerName, input.PartyBranch,
            input.HomeCommunityId!.Value, input.HomeCompoundId, input.Skills, input.ReportedOn!.Value);
    }

    /// <summary>The form, offering the communities and units of the sub-district the user may register members in and for.</summary>
    private async Task<IActionResult> FormAsync(PartyMemberInput input, bool isNew, CancellationToken cancellationToken)
    {
        var sub = User.Scope().SubDistrictId;
        var communities = new List<Option>();
        foreach (var c in await db.Communities.AsNoTracking().Where(c => c.SubDistrictId == sub).OrderBy(c => c.Name).Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken))
            if (await MayAsync(PartyMemberResource.InCommunity(sub, c.Id), PartyMemberOperations.RegisterInCommunity)) communities.Add(c);
        var units = new List<Option>();
        foreach (var u in await db.MemberUnits.AsNoTracking().Where(u => u.SubDistrictId == sub).OrderBy(u => u.Name).Select(u => new Option(u.Id, u.Name)).ToListAsync(cancellationToken))
            if (await MayAsync(PartyMemberResource.ForUnit(sub, u.Id), PartyMemberOperations.RegisterForUnit)) units.Add(u);
        var communityIds = communities.Select(c => c.Id).ToList();
        var compounds = await db.Compounds.AsNoTracking().Where(c => communityIds.Contains(c.CommunityId)).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name, c.CommunityId)).ToListAsync(cancellationToken);
        ViewData["Options"] = new PartyMemberFormOptions(communities, compounds, units, isNew);
        return View("Edit", input);
    }

    private async Task<bool> MayAsync(PartyMemberResource resource, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation) =>
        (await authorization.AuthorizeAsync(User, resource, operation)).Succeeded;
}
