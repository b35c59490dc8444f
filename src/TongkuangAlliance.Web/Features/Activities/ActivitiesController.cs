using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// 活动日历 (issue 4), the calendar and scheduling: service days and "1+6" activities. Everyone signed in sees the
/// calendar of the communities in scope; community committees (and the sub-district) schedule, edit, copy and
/// cancel; paired units confirm their participation. Results are in <see cref="ActivityResultsController"/>, the
/// iCalendar feed in <see cref="CalendarFeedController"/>; who may do what is <see cref="ActivityAuthorizationHandler"/>'s.
/// </summary>
public sealed class ActivitiesController(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private ActivityForm Form => new(db, authorization, l);

    // ---- calendar --------------------------------------------------------------------------------------

    [HttpGet]
    public async Task<IActionResult> Index(ActivityFilter filter, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var today = ChinaTime.Today(clock);
        var month = ActivityCalendar.ParseMonth(filter.Month) ?? new DateOnly(today.Year, today.Month, 1);
        filter.Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        ViewData["Title"] = l["Activities.Title"];

        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
            .Select(c => new Option(c.Id, c.Name)).ToListAsync(cancellationToken);
        var activities = ActivityCalendar.Filtered(db.Activities.AsNoTracking().VisibleTo(scope), filter);
        var canSchedule = (await authorization.AuthorizeAsync(User, Policies.CommunityOrSubDistrict)).Succeeded;

        if (filter.IsList)
        {
            var list = await ActivityCalendar.Rows(activities.OrderByDescending(a => a.StartUtc).ThenBy(a => a.Id))
                .ToPagedListAsync(page, cancellationToken: cancellationToken);
            return View(new CalendarViewModel { Filter = filter, Month = month, Communities = communities, List = list, CanSchedule = canSchedule });
        }

        // One query for every activity that touches the weeks shown.
        var (first, last) = ActivityCalendar.GridOf(month);
        var fromUtc = ChinaTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await ActivityCalendar.Rows(activities.Where(a => a.StartUtc < toUtc && a.EndUtc > fromUtc).OrderBy(a => a.StartUtc).ThenBy(a => a.Id))
            .ToListAsync(cancellationToken);
        var monthStart = ChinaTime.ToUtc(month.ToDateTime(TimeOnly.MinValue));
        var monthEnd = ChinaTime.ToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        return View(new CalendarViewModel
        {
            Filter = filter, Month = month, Communities = communities, CanSchedule = canSchedule,
            Weeks = ActivityCalendar.Weeks(first, last, month, today, rows),
            MonthCount = rows.Count(r => r.StartUtc < monthEnd && r.EndUtc > monthStart),
        });
    }

    /// <summary>A paired unit's activities: those it takes part in or organises, with what it committed to.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.PairedUnitOnly)]
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
        var model = await new ActivityDetailsQuery(db, authorization, l).LoadAsync(User, id, Now, cancellationToken);
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
            input.Fill(source);
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
        return View("Edit", await Form.ModelAsync(scope, input, null, copiedFrom, [], cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Create(ActivityInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Activities.Create"];
        var scope = User.Scope();
        if (scope.CommunityId is { } own) input.CommunityId = own;
        var overlaps = await Form.CheckAsync(User, ModelState, input, null, [], cancellationToken);
        if (ModelState.IsValid)
        {
            try
            {
                var activity = Activity.Schedule(input.ToDetails(), Now);
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
        return View("Edit", await Form.ModelAsync(scope, input, null, null, overlaps, cancellationToken));
    }

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await authorization.MayActOnActivityAsync(User, db, id, ActivityOperations.Edit, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Activities.Edit"];
        var input = new ActivityInput();
        input.Fill(activity);
        return View(await Form.ModelAsync(User.Scope(), input, id, null, [], cancellationToken, activity.Services.Select(s => s.ServiceKindId)));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Edit(int id, ActivityInput input, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await authorization.MayActOnActivityAsync(User, db, id, ActivityOperations.Edit, cancellationToken)) return Forbid();
        ViewData["Title"] = l["Activities.Edit"];
        input.CommunityId = activity.CommunityId; // an activity stays in its community
        var existingKinds = activity.Services.Select(s => s.ServiceKindId).ToList();
        var overlaps = await Form.CheckAsync(User, ModelState, input, id, existingKinds, cancellationToken);
        if (ModelState.IsValid)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
            try
            {
                activity.UpdateDetails(input.ToDetails(), Now);
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
                await ShowConflictAsync(id, input, cancellationToken);
            }
        }
        return View(await Form.ModelAsync(User.Scope(), input, id, null, overlaps, cancellationToken, existingKinds));
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Cancel(int id, string? reason, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await authorization.MayActOnActivityAsync(User, db, id, ActivityOperations.Cancel, cancellationToken)) return Forbid();
        return await this.ActivityStepAsync(db, l, activity, version, () => activity.Cancel(reason, Now), "Activities.Cancelled", cancellationToken);
    }

    // ---- paired units ----------------------------------------------------------------------------------

    /// <summary>An invited unit confirms its participation; any other unit finds no such activity (404).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.PairedUnitOnly)]
    public async Task<IActionResult> Confirm(int id, string? commitment, Guid version, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var unitId = scope.MemberUnitId ?? 0;
        var activity = await db.Activities.VisibleTo(scope).IncludeForRules()
            .SingleOrDefaultAsync(a => a.Id == id && a.Units.Any(u => u.MemberUnitId == unitId && u.IsInvited), cancellationToken);
        if (activity is null) return NotFound();
        if (!await authorization.MayActOnActivityAsync(User, db, id, ActivityOperations.ConfirmParticipation, cancellationToken)) return Forbid();
        return await this.ActivityStepAsync(db, l, activity, version, () => activity.ConfirmParticipation(unitId, commitment, Now), "Activities.Confirmed", cancellationToken);
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    /// <summary>Someone saved the activity since the form was opened: show what it holds now, keep what was typed.</summary>
    private async Task ShowConflictAsync(int id, ActivityInput input, CancellationToken ct)
    {
        var current = await db.Activities.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new { a.Title, a.Place, a.StartUtc, a.EndUtc, a.Status, a.Version }).SingleAsync(ct);
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
        ModelState.AddModelError(field is null ? string.Empty : $"{ActivityForm.InputPrefix}.{field}", l[error.MessageKey]);
    }

    private void WarnOverlap() => ModelState.AddModelError($"{ActivityForm.InputPrefix}.ConfirmOverlap", l["Activities.OverlapWarning"]);
}
