using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// 活动日历 (issue 4): service days and "1+6" activities. Everyone signed in sees the calendar of the
/// communities in scope; community committees (and the sub-district) schedule, edit, copy, cancel and record
/// results; paired units confirm their participation. Each community has an anonymous iCalendar feed behind an
/// unguessable token.
/// </summary>
public sealed class ActivitiesController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private const string InputPrefix = "Input";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    // ---- calendar --------------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(ActivityFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var today = ChinaTime.Today(clock);
        var month = ParseMonth(filter.Month) ?? new DateOnly(today.Year, today.Month, 1);
        filter.Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        ViewData["Title"] = l["Activities.Title"];

        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken);
        var activities = Filtered(db.Activities.AsNoTracking().VisibleTo(scope), filter);
        var canSchedule = scope.Role is PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee;

        if (filter.IsList)
        {
            var list = await Rows(activities.OrderByDescending(a => a.StartUtc).ThenBy(a => a.Id))
                .ToPagedListAsync(page, cancellationToken: cancellationToken);
            return View(new CalendarViewModel { Filter = filter, Month = month, Communities = communities, List = list, CanSchedule = canSchedule });
        }

        // Monday-first weeks covering the month; one query for every activity that touches them.
        var first = month.AddDays(-(((int)month.DayOfWeek + 6) % 7));
        var lastOfMonth = month.AddMonths(1).AddDays(-1);
        var last = lastOfMonth.AddDays(6 - (((int)lastOfMonth.DayOfWeek + 6) % 7));
        var fromUtc = ChinaTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await Rows(activities.Where(a => a.StartUtc < toUtc && a.EndUtc > fromUtc).OrderBy(a => a.StartUtc).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);

        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var day = first; day <= last; day = day.AddDays(7))
        {
            var week = new List<CalendarDay>();
            for (var i = 0; i < 7; i++)
            {
                var date = day.AddDays(i);
                var startUtc = ChinaTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
                var endUtc = startUtc.AddDays(1);
                week.Add(new CalendarDay(date, date.Month == month.Month, date == today,
                    [.. rows.Where(r => r.StartUtc < endUtc && r.EndUtc > startUtc)]));
            }
            weeks.Add(week);
        }
        var monthStart = ChinaTime.ToUtc(month.ToDateTime(TimeOnly.MinValue));
        var monthEnd = ChinaTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        return View(new CalendarViewModel
        {
            Filter = filter, Month = month, Communities = communities, Weeks = weeks, CanSchedule = canSchedule,
            MonthCount = rows.Count(r => r.StartUtc < monthEnd && r.EndUtc > monthStart),
        });
    }

    /// <summary>A paired unit's activities: those it takes part in or organises, with what it committed to.</summary>
    [HttpGet]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var unitId = scope.MemberUnitId;
        ViewData["Title"] = l["Activities.Mine"];
        var rows = await db.Activities.AsNoTracking().VisibleTo(scope)
            .Where(a => a.Units.Any(u => u.MemberUnitId == unitId && u.IsInvited) || a.OrganiserUnitId == unitId)
            .OrderByDescending(a => a.StartUtc)
            .Select(a => new MyActivityRow(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Community!.Name, a.Place, a.Kind, a.Stream, a.Status,
                a.Units.Where(u => u.MemberUnitId == unitId).Select(u => u.ConfirmedAtUtc).FirstOrDefault(),
                a.Units.Where(u => u.MemberUnitId == unitId).Select(u => u.Commitment).FirstOrDefault(),
                a.OrganiserUnitId == unitId))
            .Take(200)
            .ToListAsync(cancellationToken);
        return View(rows);
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, cancellationToken);
        if (model is null) return NotFound();
        ViewData["Title"] = model.Title;
        return View(model);
    }

    // ---- scheduling ------------------------------------------------------------------------------------

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Create(int? copyFrom, int? communityId, string? date, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        ViewData["Title"] = l["Activities.Create"];
        var input = new ActivityInput { CommunityId = scope.CommunityId ?? communityId ?? 0 };
        string? copiedFrom = null;
        if (copyFrom is { } sourceId)
        {
            var source = await db.Activities.AsNoTracking().VisibleTo(scope).IncludeForRules().SingleOrDefaultAsync(a => a.Id == sourceId, cancellationToken);
            if (source is null) return NotFound();
            Fill(input, source);
            input.StartAt = null;
            input.EndAt = null;
            input.Version = Guid.Empty;
            copiedFrom = source.Title;
        }
        else if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            input.StartAt = day.ToDateTime(new TimeOnly(9, 0));
            input.EndAt = day.ToDateTime(new TimeOnly(11, 30));
        }
        return View("Edit", await FormAsync(input, null, copiedFrom, [], cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Create(ActivityInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Activities.Create"];
        var scope = User.Scope();
        if (scope.CommunityId is { } own) input.CommunityId = own;
        var overlaps = await CheckAsync(input, null, [], cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var activity = Activity.Schedule(Details(input), Now);
                if (overlaps.Count == 0 || input.ConfirmOverlap)
                {
                    db.Activities.Add(activity);
                    await db.SaveChangesAsync(cancellationToken);
                    TempData["Success"] = l["Activities.Created", activity.Title].Value;
                    return RedirectToAction(nameof(Details), new { id = activity.Id });
                }
                WarnOverlap();
            }
            catch (DomainException error)
            {
                AddError(error);
            }
        }
        return View("Edit", await FormAsync(input, null, null, overlaps, cancellationToken));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        ViewData["Title"] = l["Activities.Edit"];
        var input = new ActivityInput();
        Fill(input, activity);
        return View(await FormAsync(input, id, null, [], cancellationToken, activity.Services.Select(s => s.ServiceKindId)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Edit(int id, ActivityInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var activity = await db.Activities.VisibleTo(scope).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        ViewData["Title"] = l["Activities.Edit"];
        input.CommunityId = activity.CommunityId; // an activity stays in its community
        var existingKinds = activity.Services.Select(s => s.ServiceKindId).ToList();
        var overlaps = await CheckAsync(input, id, existingKinds, cancellationToken);
        if (ModelState.IsValid)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
            try
            {
                activity.UpdateDetails(Details(input), Now);
                if (overlaps.Count == 0 || input.ConfirmOverlap)
                {
                    await db.SaveChangesAsync(cancellationToken);
                    TempData["Success"] = l["Common.Saved"].Value;
                    return RedirectToAction(nameof(Details), new { id });
                }
                WarnOverlap();
            }
            catch (DomainException error)
            {
                AddError(error);
            }
            catch (DbUpdateConcurrencyException)
            {
                var current = await db.Activities.AsNoTracking().Where(a => a.Id == id)
                    .Select(a => new { a.Title, a.Place, a.StartUtc, a.EndUtc, a.Status, a.Version }).SingleAsync(cancellationToken);
                this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
                {
                    [l["Field.Title"]] = current.Title,
                    [l["Field.Place"]] = current.Place,
                    [l["Field.StartAt"]] = Display.ChinaDateTime(current.StartUtc),
                    [l["Field.EndAt"]] = Display.ChinaDateTime(current.EndUtc),
                    [l["Field.Status"]] = l[$"ActivityStatus.{current.Status}"],
                });
                ModelState.Remove("Input.Version");
                input.Version = current.Version;
            }
        }
        return View(await FormAsync(input, id, null, overlaps, cancellationToken, existingKinds));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Cancel(int id, string? reason, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        return await StepAsync(activity, version, () => activity.Cancel(reason, Now), "Activities.Cancelled", cancellationToken);
    }

    // ---- results ---------------------------------------------------------------------------------------

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Results(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var input = new ResultsInput
        {
            DisputesMediated = activity.DisputesMediated,
            Summary = activity.ResultSummary,
            Version = activity.Version,
            Served = [.. activity.Services.Where(s => s.IsOffered || s.ResidentsServed != null).OrderBy(s => s.ServiceKindId)
                .Select(s => new ServedInput { ServiceKindId = s.ServiceKindId, Count = s.ResidentsServed })],
        };
        return await ResultsViewAsync(activity, input, cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Results(int id, ResultsInput input, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (ModelState.IsValid)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
            try
            {
                var served = new Dictionary<int, int?>();
                foreach (var s in input.Served) served[s.ServiceKindId] = s.Count;
                activity.RecordResults(served, input.DisputesMediated, input.Summary, Now);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Activities.ResultsSaved"].Value;
                return RedirectToAction(nameof(Details), new { id });
            }
            catch (DomainException error)
            {
                var field = error.Field switch
                {
                    null => null,
                    nameof(Activity.DisputesMediated) => "Input.DisputesMediated",
                    nameof(Activity.ResultSummary) => "Input.Summary",
                    var f when f.StartsWith("Served[", StringComparison.Ordinal) => $"Input.Served[{input.Served.FindIndex(s => f == $"Served[{s.ServiceKindId}]")}].Count",
                    var f => f,
                };
                ModelState.AddModelError(field ?? string.Empty, l[error.MessageKey]);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
                db.ChangeTracker.Clear();
                activity = await db.Activities.AsNoTracking().IncludeForRules().SingleAsync(a => a.Id == id, cancellationToken);
                ModelState.Remove("Input.Version");
                input.Version = activity.Version;
            }
        }
        return await ResultsViewAsync(activity, input, cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> AddDifficulty(int id, string? residentName, string? residentPhone, string? description, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        return await StepAsync(activity, version, () => activity.AddDifficulty(residentName, residentPhone, description, Now), "Activities.DifficultyAdded", cancellationToken);
    }

    /// <summary>One step: a collected difficulty becomes a resident-request case (source: service day), linked both ways.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> RaiseCase(int id, int difficultyId, int categoryId, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var difficulty = activity.Difficulties.SingleOrDefault(d => d.Id == difficultyId);
        if (difficulty is null) return NotFound();
        var category = await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId && c.IsActive, cancellationToken);
        if (category is null)
        {
            TempData["Error"] = l["Activities.ChooseCategory"].Value;
            return RedirectToAction(nameof(Details), new { id, fragment = "difficulties" });
        }
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            var kase = activity.RaiseCase(difficulty, category, Now, Me);
            await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
            TempData["Success"] = l["Activities.CaseRaised", kase.Number].Value;
        }
        catch (DomainException error)
        {
            TempData["Error"] = l[error.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Concurrency.Conflict"].Value;
        }
        return RedirectToAction(nameof(Details), new { id });
    }

    // ---- paired units ----------------------------------------------------------------------------------

    [HttpPost]
    [Authorize(Roles = PortalRoles.PairedUnit)]
    public async Task<IActionResult> Confirm(int id, string? commitment, Guid version, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var unitId = scope.MemberUnitId ?? 0;
        var activity = await db.Activities.VisibleTo(scope).IncludeForRules()
            .SingleOrDefaultAsync(a => a.Id == id && a.Units.Any(u => u.MemberUnitId == unitId && u.IsInvited), cancellationToken);
        if (activity is null) return NotFound();
        return await StepAsync(activity, version, () => activity.ConfirmParticipation(unitId, commitment, Now), "Activities.Confirmed", cancellationToken);
    }

    // ---- iCalendar feed --------------------------------------------------------------------------------

    /// <summary>
    /// The community's calendar for phone calendars, which cannot sign in: anonymous with a valid token, 404
    /// otherwise. Activities from a year ago onwards, cancelled ones marked CANCELLED.
    /// </summary>
    [HttpGet("/calendar/{token}.ics")]
    [AllowAnonymous]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64) return NotFound();
        var feed = await db.ActivityFeeds.AsNoTracking().Where(f => f.Token == token)
            .Select(f => new { f.CommunityId, f.Community!.Name }).SingleOrDefaultAsync(cancellationToken);
        if (feed is null) return NotFound();
        var since = Now.AddDays(-365);
        var events = await db.Activities.AsNoTracking()
            .Where(a => a.CommunityId == feed.CommunityId && a.EndUtc > since)
            .OrderBy(a => a.StartUtc)
            .Select(a => new ICalendarEvent(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Place, a.Description, a.Status == ActivityStatus.Cancelled,
                a.ModifiedAtUtc ?? a.CreatedAtUtc))
            .ToListAsync(cancellationToken);
        var host = Request.Host.Host;
        var text = ICalendar.Write(l["Activities.FeedName", feed.Name], $"activity-{{0}}@{host}", events, Now);
        Response.Headers.CacheControl = "no-cache";
        return File(Encoding.UTF8.GetBytes(text), "text/calendar; charset=utf-8", $"community-{feed.CommunityId}.ics");
    }

    /// <summary>A new token for the community's feed: the old subscription URL stops working.</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> RegenerateFeed(int id, CancellationToken cancellationToken)
    {
        var community = await db.Communities.AsNoTracking().VisibleTo(User.Scope()).Where(c => c.Id == id).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
        if (community is null) return NotFound();
        var feed = await db.ActivityFeeds.SingleOrDefaultAsync(f => f.CommunityId == id, cancellationToken);
        if (feed is null) db.ActivityFeeds.Add(ActivityFeed.For(id));
        else feed.Regenerate();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["Activities.FeedRegenerated"].Value;
        return Redirect(Url.Action("Details", "Communities", new { id }) + "#calendar-feed");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static DateOnly? ParseMonth(string? month) =>
        DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) && m.Year is > 2000 and < 2100 ? m : null;

    private static IQueryable<Activity> Filtered(IQueryable<Activity> activities, ActivityFilter filter)
    {
        if (filter.CommunityId is { } community) activities = activities.Where(a => a.CommunityId == community);
        if (filter.Stream is { } stream) activities = activities.Where(a => a.Stream == stream);
        if (filter.Kind is { } kind) activities = activities.Where(a => a.Kind == kind);
        if (!filter.IsList) return activities;
        if (filter.From is { } from)
        {
            var fromUtc = ReportPeriod.StartUtc(from);
            activities = activities.Where(a => a.StartUtc >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = ReportPeriod.EndUtcExclusive(to);
            activities = activities.Where(a => a.StartUtc < toUtc);
        }
        if (filter.Status is { } status) activities = activities.Where(a => a.Status == status);
        if (filter.CompoundId is { } compound) activities = activities.Where(a => a.CompoundId == compound);
        if (filter.UnitId is { } unit) activities = activities.Where(DashboardRules.JoinedBy(unit));
        return activities;
    }

    private static IQueryable<ActivityRow> Rows(IQueryable<Activity> activities) =>
        activities.Select(a => new ActivityRow(a.Id, a.Title, a.StartUtc, a.EndUtc, a.Community!.Name, a.Compound != null ? a.Compound.Name : null,
            a.Kind, a.Stream, a.Status, a.Place));

    private static void Fill(ActivityInput input, Activity a)
    {
        input.CommunityId = a.CommunityId;
        input.CompoundId = a.CompoundId;
        input.Kind = a.Kind;
        input.Stream = a.Stream;
        input.Title = a.Title;
        input.Place = a.Place;
        input.StartAt = ChinaTime.FromUtc(a.StartUtc);
        input.EndAt = ChinaTime.FromUtc(a.EndUtc);
        input.Organiser = a.Organiser;
        input.OrganiserUnitId = a.OrganiserUnitId;
        input.Description = a.Description;
        input.Services = [.. a.Services.Where(s => s.IsOffered).Select(s => new ServiceInput { ServiceKindId = s.ServiceKindId, Offered = true, Volunteers = s.VolunteersNeeded })];
        input.UnitIds = [.. a.Units.Where(u => u.IsInvited).Select(u => u.MemberUnitId)];
        input.Version = a.Version;
    }

    private static ActivityDetails Details(ActivityInput input) => new(
        input.CommunityId, input.CompoundId, input.Kind, input.Kind == ActivityKind.StreamActivity ? input.Stream : input.Stream,
        input.Title, input.Place,
        input.StartAt is { } start ? ChinaTime.ToUtc(start) : default,
        input.EndAt is { } end ? ChinaTime.ToUtc(end) : default,
        input.Organiser, input.OrganiserUnitId, input.Description,
        [.. input.Services.Where(s => s.Offered).Select(s => new PlannedService(s.ServiceKindId, s.Volunteers ?? 0))],
        input.UnitIds);

    private void AddError(DomainException error)
    {
        var field = error.Field switch
        {
            null => null,
            nameof(Activity.StartUtc) => "StartAt",
            nameof(Activity.EndUtc) => "EndAt",
            var f when f.StartsWith("Volunteers[", StringComparison.Ordinal) => "Services",
            var f => f,
        };
        ModelState.AddModelError(field is null ? string.Empty : $"{InputPrefix}.{field}", l[error.MessageKey]);
    }

    private void WarnOverlap() => ModelState.AddModelError($"{InputPrefix}.ConfirmOverlap", l["Activities.OverlapWarning"]);

    /// <summary>
    /// Checks what the domain cannot: the community, compound and units are in scope and belong together, the
    /// services are active. Returns the other activities at the same compound that overlap the new times.
    /// </summary>
    private async Task<IReadOnlyList<ActivityRow>> CheckAsync(ActivityInput input, int? id, IReadOnlyCollection<int> existingKinds, CancellationToken ct)
    {
        var scope = User.Scope();
        if (!await db.Communities.VisibleTo(scope).AnyAsync(c => c.Id == input.CommunityId, ct))
            ModelState.AddModelError($"{InputPrefix}.CommunityId", l["Validation.Choose", l["Field.Community"]]);
        if (input.CompoundId is { } compound && !await db.Compounds.AnyAsync(c => c.Id == compound && c.CommunityId == input.CommunityId, ct))
            ModelState.AddModelError($"{InputPrefix}.CompoundId", l["Activity.InvalidChoice"]);
        var paired = await db.Pairings.Where(p => p.CommunityId == input.CommunityId && p.EndDate == null).Select(p => p.MemberUnitId).ToListAsync(ct);
        if (input.UnitIds.Any(u => !paired.Contains(u)))
            ModelState.AddModelError($"{InputPrefix}.UnitIds", l["Activity.UnitNotPaired"]);
        if (input.Organiser == ActivityOrganiser.MemberUnit && input.OrganiserUnitId is { } organiser && !paired.Contains(organiser))
            ModelState.AddModelError($"{InputPrefix}.OrganiserUnitId", l["Activity.UnitNotPaired"]);
        var offered = input.Services.Where(s => s.Offered).Select(s => s.ServiceKindId).ToList();
        var active = await db.ServiceKinds.Where(k => k.IsActive || existingKinds.Contains(k.Id)).Select(k => k.Id).ToListAsync(ct);
        if (offered.Any(k => !active.Contains(k)))
            ModelState.AddModelError($"{InputPrefix}.Services", l["Activity.InvalidChoice"]);
        if (input.Kind == ActivityKind.ServiceDay && offered.Count == 0 && ModelState.IsValid)
            ModelState.AddModelError($"{InputPrefix}.Services", l["Activity.ServicesRequired"]);

        if (input.CompoundId is not { } at || input.StartAt is not { } s || input.EndAt is not { } e || e <= s) return [];
        if (!ChinaTime.IsInRange(s) || !ChinaTime.IsInRange(e)) return []; // refused by [DateInRange]; not converted
        var startUtc = ChinaTime.ToUtc(s);
        var endUtc = ChinaTime.ToUtc(e);
        return await Rows(db.Activities.Where(a => a.CompoundId == at && a.Id != id && a.Status != ActivityStatus.Cancelled
                && a.StartUtc < endUtc && a.EndUtc > startUtc).OrderBy(a => a.StartUtc))
            .ToListAsync(ct);
    }

    private async Task<ActivityFormViewModel> FormAsync(ActivityInput input, int? id, string? copiedFrom, IReadOnlyList<ActivityRow> overlaps,
        CancellationToken ct, IEnumerable<int>? existingKinds = null)
    {
        var scope = User.Scope();
        var kindsOnActivity = (existingKinds ?? []).ToList();
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name).Select(c => new Choice(c.Id, c.Name)).ToListAsync(ct);
        var compounds = await db.Compounds.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Community!.Name).ThenBy(c => c.Name)
            .Select(c => new Choice(c.Id, c.Community!.Name + " · " + c.Name, c.CommunityId)).ToListAsync(ct);
        var units = await db.Pairings.AsNoTracking().VisibleTo(scope).Where(p => p.EndDate == null)
            .OrderBy(p => p.Community!.Name).ThenBy(p => p.MemberUnit!.Name)
            .Select(p => new Choice(p.MemberUnitId, p.Community!.Name + " · " + p.MemberUnit!.Name, p.CommunityId)).ToListAsync(ct);
        if (input.CommunityId > 0 && communities.Count > 1)
        {
            compounds = [.. compounds.Where(c => c.ParentId == input.CommunityId)];
            units = [.. units.Where(u => u.ParentId == input.CommunityId)];
        }
        else if (communities.Count == 1)
        {
            compounds = [.. compounds.Select(c => c with { Name = c.Name[(c.Name.IndexOf('·', StringComparison.Ordinal) + 2)..] })];
            units = [.. units.Select(c => c with { Name = c.Name[(c.Name.IndexOf('·', StringComparison.Ordinal) + 2)..] })];
        }
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var kinds = await db.ServiceKinds.AsNoTracking().Where(k => k.IsActive || kindsOnActivity.Contains(k.Id))
            .OrderBy(k => k.SortOrder).ThenBy(k => k.Name).Select(k => new { k.Id, k.Name, k.NameEn }).ToListAsync(ct);
        // One row per service kind, in the list's order, keeping what was entered.
        var entered = input.Services.GroupBy(s => s.ServiceKindId).ToDictionary(g => g.Key, g => g.First());
        input.Services = [.. kinds.Select(k => entered.TryGetValue(k.Id, out var s) ? s : new ServiceInput { ServiceKindId = k.Id, Volunteers = 1 })];
        return new ActivityFormViewModel
        {
            Id = id,
            Input = input,
            Communities = communities,
            Compounds = compounds,
            Units = units,
            ServiceNames = kinds.ToDictionary(k => k.Id, k => english ? k.NameEn : k.Name),
            Overlaps = overlaps,
            CommunityFixed = scope.CommunityId is not null || id is not null,
            CopiedFrom = copiedFrom,
        };
    }

    private async Task<IActionResult> ResultsViewAsync(Activity activity, ResultsInput input, CancellationToken ct)
    {
        ViewData["Title"] = l["Activities.RecordResults"];
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var ids = input.Served.Select(s => s.ServiceKindId).ToList();
        var names = await db.ServiceKinds.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => english ? k.NameEn : k.Name, ct);
        return View("Results", new ResultsViewModel { Id = activity.Id, Title = activity.Title, StartUtc = activity.StartUtc, ServiceNames = names, Input = input });
    }

    private async Task<IActionResult> StepAsync(Activity activity, Guid version, Action step, string successKey, CancellationToken ct)
    {
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            step();
            await db.SaveChangesAsync(ct);
            TempData["Success"] = l[successKey].Value;
        }
        catch (DomainException error)
        {
            TempData["Error"] = l[error.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Concurrency.Conflict"].Value;
        }
        return RedirectToAction(nameof(Details), new { id = activity.Id });
    }

    private async Task<ActivityDetailsViewModel?> DetailsAsync(int id, CancellationToken ct)
    {
        var scope = User.Scope();
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var a = await db.Activities.AsNoTracking().VisibleTo(scope).Where(x => x.Id == id)
            .Select(x => new
            {
                x.Id, x.Version, x.CommunityId, CommunityName = x.Community!.Name, CompoundName = x.Compound != null ? x.Compound.Name : null,
                x.Kind, x.Stream, x.Title, x.Place, x.StartUtc, x.EndUtc, x.Organiser,
                OrganiserUnit = x.OrganiserUnit != null ? x.OrganiserUnit.Name : null,
                Branch = x.Compound != null ? x.Compound.PartyBranchName : null,
                Committee = x.Community.PartyCommitteeName,
                x.Description, x.Status, x.CancelReason, x.CancelledAtUtc, x.DisputesMediated, x.ResultSummary,
            })
            .SingleOrDefaultAsync(ct);
        if (a is null) return null;

        var services = await db.ActivityServices.AsNoTracking().Where(s => s.ActivityId == id).OrderBy(s => s.ServiceKind!.SortOrder)
            .Select(s => new ServiceItem(s.Id, s.ServiceKindId, english ? s.ServiceKind!.NameEn : s.ServiceKind!.Name, s.VolunteersNeeded, s.ResidentsServed, s.IsOffered))
            .ToListAsync(ct);
        var units = await db.ActivityUnits.AsNoTracking().Where(u => u.ActivityId == id).OrderBy(u => u.MemberUnit!.Name)
            .Select(u => new UnitItem(u.MemberUnitId, u.MemberUnit!.Name, u.IsInvited, u.ConfirmedAtUtc, u.Commitment)).ToListAsync(ct);
        var staff = scope.Role is PortalRole.SubDistrictCommittee or PortalRole.CommunityCommittee;
        var difficulties = await db.ActivityDifficulties.AsNoTracking().Where(d => d.ActivityId == id).OrderBy(d => d.Id)
            .Select(d => new DifficultyItem(d.Id, d.ResidentName, d.ResidentPhone, d.Description, d.CaseId, d.Case != null ? d.Case.Number : null))
            .ToListAsync(ct);
        if (!staff)
            difficulties = [.. difficulties.Select(d => d with { ResidentName = "", ResidentPhone = ChinesePhone.Mask(d.ResidentPhone), CaseNumber = null })];

        var key = id.ToString(CultureInfo.InvariantCulture);
        var audits = await db.AuditEntries.AsNoTracking()
            .Where(e => (e.EntityType == nameof(Activity) && e.EntityId == key)
                        || (e.EntityType == nameof(ActivityService) && db.ActivityServices.Where(s => s.ActivityId == id).Select(s => s.Id.ToString()).Contains(e.EntityId)))
            .OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id)
            .Select(e => new { e.AtUtc, e.EntityType, e.EntityId, e.Action, e.Changes, User = db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .Take(100)
            .ToListAsync(ct);
        var serviceNames = services.ToDictionary(s => s.Id.ToString(CultureInfo.InvariantCulture), s => s.Name);
        var history = audits.Select(e => new HistoryItem(e.AtUtc, e.User, e.EntityType == nameof(Activity) ? l[$"Activities.History.{e.Action}"] : l["Activities.History.Service"],
            DescribeChanges(e.Changes, e.EntityType == nameof(ActivityService) ? serviceNames.GetValueOrDefault(e.EntityId) : null))).Where(h => h.Changes.Count > 0).ToList();

        var categories = staff
            ? await db.CaseCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).Select(c => new Choice(c.Id, english ? c.NameEn : c.Name)).ToListAsync(ct)
            : [];
        var mine = scope.Role == PortalRole.PairedUnit ? units.FirstOrDefault(u => u.MemberUnitId == scope.MemberUnitId && u.IsInvited) : null;
        return new ActivityDetailsViewModel
        {
            Id = a.Id, Version = a.Version, CommunityId = a.CommunityId, CommunityName = a.CommunityName, CompoundName = a.CompoundName,
            Kind = a.Kind, Stream = a.Stream, Title = a.Title, Place = a.Place, StartUtc = a.StartUtc, EndUtc = a.EndUtc,
            Organiser = a.Organiser,
            OrganiserName = a.Organiser switch
            {
                ActivityOrganiser.MemberUnit => a.OrganiserUnit,
                ActivityOrganiser.CompoundPartyBranch => a.Branch ?? a.CompoundName,
                _ => a.Committee,
            },
            Description = a.Description, Status = a.Status, CancelReason = a.CancelReason, CancelledAtUtc = a.CancelledAtUtc,
            DisputesMediated = a.DisputesMediated, ResultSummary = a.ResultSummary,
            Services = services, Units = units, Difficulties = difficulties, History = history, Categories = categories,
            CanEdit = staff && a.Status != ActivityStatus.Cancelled,
            CanCopy = staff,
            CanCancel = staff && a.Status == ActivityStatus.Planned,
            CanRecordResults = staff && a.Status != ActivityStatus.Cancelled && a.StartUtc <= Now,
            HasStarted = a.StartUtc <= Now,
            MyUnit = mine,
            CanConfirm = mine is not null && a.Status == ActivityStatus.Planned,
        };
    }

    /// <summary>The audit's JSON (property → [before, after]) as "field: before → after" lines, in the user's language.</summary>
    private List<string> DescribeChanges(string json, string? service)
    {
        var lines = new List<string>();
        using var doc = JsonDocument.Parse(json);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            if (!ShownFields.Contains(property.Name) || property.Value.ValueKind != JsonValueKind.Array || property.Value.GetArrayLength() != 2) continue;
            var before = Value(property.Value[0]);
            var after = Value(property.Value[1]);
            if (before == after) continue; // a new record lists its empty fields as null → null: nothing to read
            var label = l[$"Activities.Change.{property.Name}"].Value;
            lines.Add(service is null ? $"{label}: {before} → {after}" : $"{service} · {label}: {before} → {after}");
        }
        return lines;

        string Value(JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.Null => "—",
            JsonValueKind.String when e.TryGetDateTime(out var t) && e.GetString()!.Contains('T', StringComparison.Ordinal) => Display.ChinaDateTime(t),
            JsonValueKind.String when Enum.TryParse<ActivityStatus>(e.GetString(), out var s) => l[$"ActivityStatus.{s}"],
            _ => e.ToString(),
        };
    }

    private static readonly HashSet<string> ShownFields =
    [
        nameof(Activity.Title), nameof(Activity.Place), nameof(Activity.StartUtc), nameof(Activity.EndUtc), nameof(Activity.Status),
        nameof(Activity.CancelReason), nameof(Activity.DisputesMediated), nameof(Activity.ResultSummary),
        nameof(ActivityService.VolunteersNeeded), nameof(ActivityService.ResidentsServed),
    ];
}
