using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QRCoder;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>
/// 在职党员 (issue 5), staff side: the registry (a unit's "our members"), confirming registrations, an activity's
/// volunteers (sign-ups, waitlist, desk check-in, QR code, corrections), the hours ledger, the certificate and the
/// list of members who reported but did not volunteer this half-year. Committees act within their community; a
/// paired unit reads its own members' participation.
/// </summary>
[Authorize(Policy = Policies.VolunteerLedger)]
public sealed class VolunteersController(AppDbContext db, VolunteerActions actions, MemberImport import, VolunteerAccounts accounts, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    // ---- registry --------------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(string? q, RegistrationStatus? registration, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        ViewData["Title"] = scope.Role == PortalRole.PairedUnit ? l["Volunteers.OurMembers"] : l["Volunteers.Title"];
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
            CanConfirm = scope.Role is PortalRole.CommunityCommittee or PortalRole.SubDistrictCommittee,
            CanImport = scope.Role == PortalRole.PairedUnit,
        });
    }

    /// <summary>The home community confirms a member's registration (报到确认).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Confirm(int id, CancellationToken cancellationToken)
    {
        var member = await db.PartyMembers.VisibleTo(User.Scope()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (member is null) return NotFound();
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

    // ---- import (member units) -------------------------------------------------------------------------

    [HttpGet]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    public IActionResult Import()
    {
        ViewData["Title"] = l["Import.Title"];
        return View(new ImportViewModel());
    }

    /// <summary>Reads the uploaded file and shows every row with what is wrong with it; stores nothing.</summary>
    [HttpPost]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    [RequestSizeLimit(MemberImport.MaxBytes + 64 * 1024)]
    public async Task<IActionResult> Import(IFormFile? file, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Import.Title"];
        if (file is null || file.Length == 0 || file.Length > MemberImport.MaxBytes)
            return View(new ImportViewModel { Error = l["Import.NoFile"] });
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        var rows = MemberImport.Read(buffer.ToArray());
        if (rows is null) return View(new ImportViewModel { Error = l["Import.Unreadable"] });
        if (rows.Count == 0 || rows.Count > MemberImport.MaxRows) return View(new ImportViewModel { Error = l["Import.RowCount", MemberImport.MaxRows] });
        await import.ValidateAsync(rows, User.Scope().SubDistrictId, cancellationToken);
        return View(new ImportViewModel { Rows = rows, Payload = import.Seal(rows) });
    }

    /// <summary>Imports the previewed rows: all of them when none has an error, or only the good ones when the user chose so.</summary>
    [HttpPost]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    public async Task<IActionResult> ImportConfirm(string? payload, bool goodRowsOnly, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Import.Title"];
        var scope = User.Scope();
        var rows = import.Unseal(payload);
        if (rows is null) return View(nameof(Import), new ImportViewModel { Error = l["Import.Expired"] });
        await import.ValidateAsync(rows, scope.SubDistrictId, cancellationToken);
        if (rows.Any(r => r.Errors.Count > 0) && !goodRowsOnly)
            return View(nameof(Import), new ImportViewModel { Rows = rows, Payload = import.Seal(rows), Error = l["Import.HasErrors"] });
        var added = await import.AddAsync(rows, scope.SubDistrictId, scope.MemberUnitId!.Value, ChinaTime.Today(clock), cancellationToken);
        TempData["Success"] = l["Import.Done", added].Value;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The import template (.xlsx with the header row and one example).</summary>
    [HttpGet]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    public async Task<IActionResult> ImportTemplate(CancellationToken cancellationToken)
    {
        var example = new Dictionary<string, object>
        {
            ["姓名"] = "张三", ["手机号"] = "13800000000", ["报到社区"] = "南区社区", ["小区"] = "建安小区",
            ["党支部"] = "第一党支部", ["特长"] = "家电维修", ["报到日期"] = "2026-01-01",
        };
        var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, new[] { example }, cancellationToken: cancellationToken);
        stream.Position = 0;
        return File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "party-members-template.xlsx");
    }

    // ---- an activity's volunteers ----------------------------------------------------------------------

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Activity(int id, string? q, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.AsNoTracking().VisibleTo(scope).Where(a => a.Id == id)
            .Select(a => new { a.Id, a.Title, a.Place, a.StartUtc, a.EndUtc, a.Status, a.CommunityId, Community = a.Community!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (activity is null) return NotFound();
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
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Qr(int id, CancellationToken cancellationToken)
    {
        if (!await db.Activities.AsNoTracking().VisibleTo(User.Scope()).AnyAsync(a => a.Id == id, cancellationToken)) return NotFound();
        var url = Url.Action("Scan", "MyVolunteering", new { code = actions.CodeFor(id) }, Request.Scheme)!;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> SignUp(int id, int partyMemberId, int activityServiceId, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.VisibleTo(scope).Include(a => a.Services).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == partyMemberId, cancellationToken);
        if (member is null) return NotFound();
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
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
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
        return RedirectToAction(nameof(Activity), new { id = signUp.ActivityId });
    }

    /// <summary>Desk check-in or check-out of a member found by name or phone tail.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Desk(int id, int partyMemberId, bool checkOut, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.VisibleTo(scope).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var member = await db.PartyMembers.VisibleTo(scope).SingleOrDefaultAsync(m => m.Id == partyMemberId, cancellationToken);
        if (member is null) return NotFound();
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
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Correct(int id, CorrectionInput input, CancellationToken cancellationToken)
    {
        var checkIn = await db.CheckIns.VisibleTo(User.Scope()).Include(c => c.Activity).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (checkIn is null) return NotFound();
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
            checkIn.Correct(checkIn.Activity!, ChinaTime.ToUtc(input.CheckedIn.Value), ChinaTime.ToUtc(input.CheckedOut.Value), input.Reason);
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
        var (fromDate, toDate) = Period(from, to, clock);
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
        var model = await CertificateAsync(db, User.Scope(), id, from, to, clock, cancellationToken);
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

    internal static (DateOnly From, DateOnly To) Period(string? from, string? to, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        var (halfFrom, _) = VolunteerHoursQueries.HalfYearOf(today);
        var defaultFrom = DateOnly.FromDateTime(ChinaTime.FromUtc(halfFrom));
        // A date that does not parse, or lies outside the years a date may be entered (a hand-edited link), is ignored.
        var f = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pf) && ChinaTime.IsInRange(pf) ? pf : defaultFrom;
        var t = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pt) && ChinaTime.IsInRange(pt) ? pt : today;
        return t < f ? (t, f) : (f, t);
    }

    /// <summary>The certificate of a member in scope: hours in the period, issued by the home community's party committee.</summary>
    internal static async Task<CertificateViewModel?> CertificateAsync(AppDbContext db, UserScope scope, int memberId, string? from, string? to, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (fromDate, toDate) = Period(from, to, clock);
        var fromUtc = ChinaTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var member = await db.PartyMembers.AsNoTracking().VisibleTo(scope).Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.Name, Employer = m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName, Issuer = m.HomeCommunity!.PartyCommitteeName, Community = m.HomeCommunity.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null) return null;
        var totals = await db.CheckIns.AsNoTracking()
            .Where(c => c.PartyMemberId == memberId && c.Minutes != null && c.CheckedInAtUtc >= fromUtc && c.CheckedInAtUtc < toUtc)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Minutes = g.Sum(c => c.Minutes!.Value) }).SingleOrDefaultAsync(cancellationToken);
        return new CertificateViewModel
        {
            MemberId = member.Id, Name = member.Name, Employer = member.Employer, Community = member.Community, Issuer = member.Issuer,
            From = fromDate, To = toDate, Activities = totals?.Count ?? 0, Minutes = totals?.Minutes ?? 0, IssuedOn = ChinaTime.Today(clock),
        };
    }
}
