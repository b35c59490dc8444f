using QRCoder;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Activities;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>
/// An activity's volunteers (issue 5): sign-ups and the waitlist, desk check-in, the QR code for phone check-in and
/// corrections. The committees of the activity's community run them (<see cref="ActivityOperations.ManageVolunteers"/>).
/// URLs stay under /Volunteers/.
/// </summary>
[Route("Volunteers/[action]/{id?}")]
[Authorize(Policy = Policies.VolunteerLedger)]
[Authorize(Policy = Policies.CommunityOrSubDistrict)]
public sealed class ActivityVolunteersController(AppDbContext db, VolunteerActions actions, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet]
    public async Task<IActionResult> Activity(int id, string? q, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.AsNoTracking().VisibleTo(scope).Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Place, a.StartUtc, a.EndUtc, a.Status, a.CommunityId, Community = a.Community!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null) return NotFound();
        if (!await MayManageAsync(id, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Volunteers.ActivityTitle", activity.Title];
        var services = await db.ActivityServices.AsNoTracking().Where(s => s.ActivityId == id && s.IsOffered)
            .OrderBy(s => s.ServiceKind!.SortOrder).Select(s => new ServiceOption(s.Id, s.ServiceKind!.Name, s.VolunteersNeeded)).ToListAsync(cancellationToken);
        var signUps = await db.ActivitySignUps.AsNoTracking().Where(s => s.ActivityId == id && s.Status != SignUpStatus.Withdrawn)
            .OrderBy(s => s.ActivityServiceId).ThenBy(s => s.Status).ThenBy(s => s.QueuedAtUtc).ThenBy(s => s.Id)
            .Select(s => new SignUpRow(s.Id, s.ActivityServiceId, s.PartyMemberId, s.PartyMember!.Name, s.PartyMember.Phone, s.Status))
            .ToListAsync(cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().Where(c => c.ActivityId == id)
            .OrderBy(c => c.CheckedInAtUtc).ThenBy(c => c.Id)
            .Select(c => new CheckInRow(c.Id, c.PartyMemberId, c.PartyMember!.Name, c.PartyMember.Phone, c.CheckedInAtUtc, c.CheckedOutAtUtc, c.Minutes, c.Source, c.CorrectionReason, c.Version))
            .ToListAsync(cancellationToken);
        var found = new List<DeskMemberRow>();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            found = await db.PartyMembers.AsNoTracking().VisibleTo(scope)
                .Where(m => m.HomeCommunityId == activity.CommunityId && m.Registration == RegistrationStatus.Confirmed && m.Status == PartyMemberStatus.Active)
                .Where(m => m.Name.Contains(term) || m.PhoneTail == term)
                .OrderBy(m => m.Name).ThenBy(m => m.Id).Take(20)
                .Select(m => new DeskMemberRow(m.Id, m.Name, m.Phone, m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName))
                .ToListAsync(cancellationToken);
        }
        return View(new ActivityVolunteersViewModel
        {
            ActivityId = activity.Id, Title = activity.Title, Place = activity.Place, Community = activity.Community,
            StartUtc = activity.StartUtc, EndUtc = activity.EndUtc, Status = activity.Status,
            Services = services, SignUps = signUps, CheckIns = checkIns, Q = q, Found = found,
            CheckInUrl = Url.Action("Scan", "MyVolunteering", new { code = actions.CodeFor(id) }, Request.Scheme)!,
            CheckInWindowOpen = activity.Status != ActivityStatus.Cancelled && Now >= activity.StartUtc - CheckIn.EarlyWindow && Now <= activity.EndUtc,
        });
    }

    /// <summary>The activity's QR code (PNG): the URL of the phone check-in page with the activity's sealed code.</summary>
    [HttpGet]
    public async Task<IActionResult> Qr(int id, CancellationToken cancellationToken)
    {
        if (!await db.Activities.AsNoTracking().VisibleTo(User.Scope()).AnyAsync(a => a.Id == id, cancellationToken)) return NotFound();
        if (!await MayManageAsync(id, cancellationToken)) return Forbid();
        var url = Url.Action("Scan", "MyVolunteering", new { code = actions.CodeFor(id) }, Request.Scheme)!;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    [HttpPost]
    public async Task<IActionResult> SignUp(int id, int partyMemberId, int activityServiceId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.VisibleTo(scope).Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == partyMemberId, cancellationToken);
        if (member is null) return NotFound();
        if (!await MayManageAsync(id, cancellationToken)) return Forbid();
        try
        {
            var signUp = await actions.SignUpAsync(activity, activityServiceId, member, cancellationToken);
            TempData["Success"] = signUp.Status == SignUpStatus.Confirmed ? l["Volunteer.SignedUp"].Value : l["Volunteer.Waitlisted"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Activity), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        var signUp = await db.ActivitySignUps.VisibleTo(User.Scope()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signUp is null) return NotFound();
        if (!await MayManageAsync(signUp.ActivityId, cancellationToken)) return Forbid();
        try
        {
            await actions.WithdrawAsync(signUp, cancellationToken);
            TempData["Success"] = l["Volunteer.Withdrawn"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Activity), new { id = signUp.ActivityId });
    }

    /// <summary>Desk check-in or check-out of a member found by name or phone tail.</summary>
    [HttpPost]
    public async Task<IActionResult> Desk(int id, int partyMemberId, bool checkOut, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.VisibleTo(scope).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == partyMemberId, cancellationToken);
        if (member is null) return NotFound();
        if (!await MayManageAsync(id, cancellationToken)) return Forbid();
        try
        {
            var result = await actions.CheckInOrOutAsync(activity, member, CheckInSource.Desk, checkOut, cancellationToken);
            TempData["Success"] = $"{member.Name}：{l[$"CheckIn.{result}"].Value}";
        }
        catch (DomainException e)
        {
            TempData["Error"] = $"{member.Name}：{l[e.MessageKey].Value}";
        }
        return RedirectToAction(nameof(Activity), new { id });
    }

    /// <summary>A staff correction of a check-in's times, with a reason (the audit log keeps the old values).</summary>
    [HttpPost]
    public async Task<IActionResult> Correct(int id, CorrectionInput input, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.VisibleTo(User.Scope()).Include(c => c.Activity).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkIn is null) return NotFound();
        if (!await MayManageAsync(checkIn.ActivityId, cancellationToken)) return Forbid();
        if (!ModelState.IsValid || input.CheckedIn is null || input.CheckedOut is null)
        {
            TempData["Error"] = l["Volunteer.CorrectionIncomplete"].Value;
            return RedirectToAction(nameof(Activity), new { id = checkIn.ActivityId });
        }
        if (input.Version != checkIn.Version)
        {
            TempData["Error"] = l["Concurrency.Conflict"].Value;
            return RedirectToAction(nameof(Activity), new { id = checkIn.ActivityId });
        }
        try
        {
            checkIn.Correct(checkIn.Activity!, ChinaTime.ToUtc(input.CheckedIn.Value), ChinaTime.ToUtc(input.CheckedOut.Value), input.Reason, Now);
            await db.SaveChangesAsync(cancellationToken);
            TempData["Success"] = l["Volunteer.Corrected"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Concurrency.Conflict"].Value;
        }
        return RedirectToAction(nameof(Activity), new { id = checkIn.ActivityId });
    }

    private Task<bool> MayManageAsync(int activityId, CancellationToken ct) =>
        authorization.MayActOnActivityAsync(User, db, activityId, ActivityOperations.ManageVolunteers, ct);
}
