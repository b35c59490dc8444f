using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Volunteers;

namespace TongkuangAlliance.Web.Features.MyVolunteering;

/// <summary>
/// A volunteer's own pages (issue 5): their sign-ups, check-ins, hours and certificate, signing up for the coming
/// activities of their home community, and the phone check-in reached from an activity's QR code. The person is
/// always the signed-in volunteer (the scope's party-member id); nothing here takes a person id.
/// </summary>
[OpenToVolunteers]
[Authorize(Policy = Policies.VolunteerOnly)]
public sealed class MyVolunteeringController(AppDbContext db, VolunteerActions actions, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var me = await db.PartyMembers.AsNoTracking().VisibleTo(scope)
            .Select(m => new { m.Id, m.Name, Community = m.HomeCommunity!.Name, m.HomeCommunityId, m.Registration, m.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (me is null) return NotFound();
        ViewData["Title"] = l["MyVolunteering.Title"];
        var now = Now;
        var signUps = await SignUpsAsync(scope, now, cancellationToken);
        var open = await OpenAsync(me.HomeCommunityId, [.. signUps.Select(s => s.ActivityId)], now, cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking().VisibleTo(scope)
            .OrderByDescending(c => c.CheckedInAtUtc).Take(50)
            .Select(c => new MyCheckInRow(c.Activity!.Title, c.Activity.Community!.Name, c.CheckedInAtUtc, c.CheckedOutAtUtc, c.Minutes, c.Source))
            .ToListAsync(cancellationToken);
        var (from, to) = VolunteerHoursQueries.HalfYearOf(ChinaTime.Today(clock));
        var totals = await db.CheckIns.AsNoTracking().VisibleTo(scope).Where(c => c.Minutes != null)
            .GroupBy(_ => 1)
            .Select(g => new { All = g.Sum(c => c.Minutes!.Value), HalfYear = g.Where(c => c.CheckedInAtUtc >= from && c.CheckedInAtUtc < to).Sum(c => c.Minutes!.Value) })
            .SingleOrDefaultAsync(cancellationToken);
        return View(new MyVolunteeringViewModel
        {
            Name = me.Name, Community = me.Community, CanVolunteer = me.Registration == RegistrationStatus.Confirmed && me.Status == PartyMemberStatus.Active,
            SignUps = signUps, Open = open, CheckIns = checkIns,
            TotalMinutes = totals?.All ?? 0, HalfYearMinutes = totals?.HalfYear ?? 0,
        });
    }

    /// <summary>The volunteer's sign-ups for activities not yet over, with their place on a waitlist.</summary>
    private Task<List<MySignUpRow>> SignUpsAsync(UserScope scope, DateTime now, CancellationToken cancellationToken) =>
        db.ActivitySignUps.AsNoTracking().VisibleTo(scope)
            .Where(s => s.Status != SignUpStatus.Withdrawn && s.Activity!.EndUtc > now)
            .OrderBy(s => s.Activity!.StartUtc)
            .Select(s => new MySignUpRow(s.Id, s.ActivityId, s.Activity!.Title, s.Activity.StartUtc, s.Activity.EndUtc, s.ActivityService!.ServiceKind!.Name, s.Status,
                s.Status == SignUpStatus.Waitlisted
                    ? db.ActivitySignUps.Count(o => o.ActivityServiceId == s.ActivityServiceId && o.Status == SignUpStatus.Waitlisted
                        && (o.QueuedAtUtc < s.QueuedAtUtc || (o.QueuedAtUtc == s.QueuedAtUtc && o.Id < s.Id))) + 1
                    : 0))
            .ToListAsync(cancellationToken);

    /// <summary>The home community's next planned activities the volunteer has not signed up for, with the places left per service.</summary>
    private Task<List<OpenActivityRow>> OpenAsync(int communityId, List<int> signedUpIds, DateTime now, CancellationToken cancellationToken) =>
        db.Activities.AsNoTracking()
            .Where(a => a.CommunityId == communityId && a.Status == ActivityStatus.Planned && a.StartUtc > now && !signedUpIds.Contains(a.Id))
            .OrderBy(a => a.StartUtc).Take(10)
            .Select(a => new OpenActivityRow(a.Id, a.Title, a.Place, a.StartUtc, a.EndUtc,
                a.Services.Where(s => s.IsOffered && s.VolunteersNeeded > 0).OrderBy(s => s.ServiceKind!.SortOrder)
                    .Select(s => new OpenServiceRow(s.Id, s.ServiceKind!.Name, s.VolunteersNeeded,
                        db.ActivitySignUps.Count(o => o.ActivityServiceId == s.Id && o.Status == SignUpStatus.Confirmed))).ToList()))
            .ToListAsync(cancellationToken);

    /// <summary>Signs the volunteer up for a service of a coming activity of their home community.</summary>
    [HttpPost]
    public async Task<IActionResult> SignUp(int activityId, int activityServiceId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(cancellationToken);
        if (member is null) return NotFound();
        var activity = await db.Activities.Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == activityId && a.CommunityId == member.HomeCommunityId, cancellationToken);
        if (activity is null) return NotFound();
        try
        {
            var signUp = await actions.SignUpAsync(activity, activityServiceId, member, cancellationToken);
            TempData["Success"] = signUp.Status == SignUpStatus.Confirmed ? l["Volunteer.SignedUp"].Value : l["Volunteer.Waitlisted"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        var signUp = await db.ActivitySignUps.VisibleTo(User.Scope()).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (signUp is null) return NotFound();
        try
        {
            await actions.WithdrawAsync(signUp, cancellationToken);
            TempData["Success"] = l["Volunteer.Withdrawn"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The phone page a QR code opens: which activity, and a button to check in (or out).</summary>
    [HttpGet]
    public async Task<IActionResult> Scan(string? code, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["CheckIn.Title"];
        var model = await ScanModelAsync(code, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Scan(string? code, bool checkOut, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["CheckIn.Title"];
        var scope = User.Scope();
        var activityId = actions.ActivityOf(code);
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(cancellationToken);
        var activity = activityId is null ? null : await db.Activities.SingleOrDefaultAsync(a => a.Id == activityId, cancellationToken);
        if (member is null || activity is null)
            return View(new ScanViewModel { Code = code ?? "", Error = l["CheckIn.BadCode"] });
        try
        {
            var result = await actions.CheckInOrOutAsync(activity, member, CheckInSource.QrCode, checkOut, cancellationToken);
            TempData["Success"] = l[$"CheckIn.{result}"].Value;
        }
        catch (DomainException e)
        {
            TempData["Error"] = l[e.MessageKey].Value;
        }
        return RedirectToAction(nameof(Scan), new { code });
    }

    private async Task<ScanViewModel?> ScanModelAsync(string? code, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var me = await db.PartyMembers.AsNoTracking().VisibleTo(scope).Select(m => new { m.Id, m.Name }).SingleOrDefaultAsync(cancellationToken);
        if (me is null) return null;
        var activityId = actions.ActivityOf(code);
        if (activityId is null) return new ScanViewModel { Code = code ?? "", Name = me.Name, Error = l["CheckIn.BadCode"] };
        var activity = await db.Activities.AsNoTracking().Where(a => a.Id == activityId)
            .Select(a => new { a.Title, a.Place, a.StartUtc, a.EndUtc, a.Status, Community = a.Community!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (activity is null) return new ScanViewModel { Code = code ?? "", Name = me.Name, Error = l["CheckIn.BadCode"] };
        var mine = await db.CheckIns.AsNoTracking().Where(c => c.ActivityId == activityId && c.PartyMemberId == me.Id)
            .Select(c => new { c.CheckedInAtUtc, c.CheckedOutAtUtc, c.Minutes }).SingleOrDefaultAsync(cancellationToken);
        var now = Now;
        string? error = null;
        if (activity.Status == ActivityStatus.Cancelled) error = l["Volunteer.ActivityCancelled"];
        else if (now < activity.StartUtc - CheckIn.EarlyWindow) error = l["Volunteer.WindowNotOpen"];
        else if (mine is null && now > activity.EndUtc) error = l["Volunteer.WindowClosed"];
        return new ScanViewModel
        {
            Code = code!, Name = me.Name, ActivityTitle = activity.Title, Place = activity.Place, Community = activity.Community,
            StartUtc = activity.StartUtc, EndUtc = activity.EndUtc, CheckedInAtUtc = mine?.CheckedInAtUtc, CheckedOutAtUtc = mine?.CheckedOutAtUtc,
            Minutes = mine?.Minutes, Error = error,
        };
    }

    /// <summary>The volunteer's own certificate for a period (default: this half-year).</summary>
    [HttpGet]
    public async Task<IActionResult> Certificate(string? from, string? to, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var memberId = scope.PartyMemberId ?? 0;
        var model = await VolunteerCertificate.LoadAsync(db, scope, memberId, from, to, clock, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = l["Certificate.Title"];
        return View("~/Features/Volunteers/Certificate.cshtml", model);
    }
}
