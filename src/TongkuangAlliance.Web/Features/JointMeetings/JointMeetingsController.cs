using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.JointMeetings;

/// <summary>
/// 联席会商: joint meetings of the alliance. The sub-district records any meeting; a community records the meetings
/// it convenes. Each decision assigns an action item to one unit or community of the alliance. Meetings are read
/// by their convener, attendees and action-item owners; each reader sees only the action items in its scope.
/// </summary>
[Authorize(Policy = Policies.AllianceMembers)]
public sealed class JointMeetingsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var meetings = await db.JointMeetings.AsNoTracking().VisibleTo(scope)
            .OrderByDescending(m => m.MeetingDate).ThenByDescending(m => m.Id)
            .Select(m => new MeetingListItem(m.Id, m.MeetingDate, m.Place, m.ConvenedBy, m.Topics, m.Decisions.Count,
                m.ActionItems.Count(a => a.Status != WorkStatus.Done)))
            .ToPagedListAsync(page, cancellationToken: cancellationToken);
        ViewData["Title"] = l["JointMeetings.Title"];
        var canCreate = (await authorization.AuthorizeAsync(User, Policies.CommunityOrSubDistrict)).Succeeded;
        return View(new MeetingIndexViewModel { Meetings = meetings, CanCreate = canCreate });
    }

    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, null, cancellationToken);
        return model is null ? NotFound() : DetailsView(model);
    }

    [HttpGet]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var input = new MeetingInput { MeetingDate = ChinaTime.Today(clock), ConvenedBy = await ConvenerNameAsync(scope, cancellationToken) };
        if (scope.CommunityId is { } c) input.CommunityIds.Add(c);
        return await CreateViewAsync(input, cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> Create([Bind(Prefix = "Input")] MeetingInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var convener = JointMeetingOperations.ConvenerCommunityOf(scope);
        if (convener is { } own)
        {
            // A community records the meetings it convenes: it is the convener and it attends.
            input.ConvenedBy = await ConvenerNameAsync(scope, cancellationToken);
            ModelState.Remove("Input.ConvenedBy");
            if (!input.CommunityIds.Contains(own)) input.CommunityIds.Add(own);
        }
        if (input.MeetingDate > ChinaTime.Today(clock)) ModelState.AddModelError("Input.MeetingDate", l["Joint.MeetingInFuture"]);
        var unitIds = input.UnitIds.Distinct().ToList();
        var communityIds = input.CommunityIds.Distinct().ToList();
        var knownUnits = await db.MemberUnits.CountAsync(u => u.SubDistrictId == scope.SubDistrictId && unitIds.Contains(u.Id), cancellationToken);
        if (knownUnits != unitIds.Count) ModelState.AddModelError("Input.UnitIds", l["Joint.AttendeeNotInAlliance"]);
        var knownCommunities = await db.Communities.CountAsync(c => c.SubDistrictId == scope.SubDistrictId && communityIds.Contains(c.Id), cancellationToken);
        if (knownCommunities != communityIds.Count) ModelState.AddModelError("Input.CommunityIds", l["Joint.AttendeeNotInAlliance"]);
        if (!ModelState.IsValid) return await CreateViewAsync(input, cancellationToken);

        var meeting = new JointMeeting
        {
            SubDistrictId = scope.SubDistrictId,
            MeetingDate = input.MeetingDate!.Value,
            Place = input.Place!.Trim(),
            ConvenedBy = input.ConvenedBy!.Trim(),
            ConvenerCommunityId = convener,
            Topics = input.Topics!.Trim(),
            Minutes = string.IsNullOrWhiteSpace(input.Minutes) ? null : input.Minutes.Trim(),
        };
        meeting.Attendees.AddRange(unitIds.Select(u => new JointMeetingAttendee { MemberUnitId = u }));
        meeting.Attendees.AddRange(communityIds.Select(c => new JointMeetingAttendee { CommunityId = c }));
        db.JointMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["Joint.MeetingRecorded"].Value;
        return RedirectToAction(nameof(Details), new { id = meeting.Id });
    }

    /// <summary>A decision (new, or one already recorded) and its action item; only who may record the meeting's decisions (else 404).</summary>
    [HttpPost]
    [Authorize(Policy = Policies.CommunityOrSubDistrict)]
    public async Task<IActionResult> AddDecision(int id, [Bind(Prefix = "Input")] DecisionInput input, CancellationToken cancellationToken)
    {
        var resource = await ResourceAsync(id, cancellationToken);
        if (resource is null || !(await authorization.AuthorizeAsync(User, resource, JointMeetingOperations.RecordDecisions)).Succeeded) return NotFound();
        var meeting = await db.JointMeetings.Include(m => m.Decisions).SingleAsync(m => m.Id == id, cancellationToken);

        var decision = ValidateDecision(meeting, input);
        var (ownerUnitId, ownerCommunityId) = ParseOwner(input.Owner);
        if (input.Owner is not null && !await IsAllianceMemberAsync(meeting.SubDistrictId, ownerUnitId, ownerCommunityId, cancellationToken))
            ModelState.AddModelError("Input.Owner", l["Joint.OwnerNotInAlliance"]);
        if (!ModelState.IsValid) return await RedisplayAsync();

        try
        {
            decision ??= new JointDecision { Text = input.DecisionText!.Trim() };
            meeting.AddActionItem(decision, ownerUnitId, ownerCommunityId, input.What!, input.DueDate!.Value, input.Stream, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier));
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, "Input");
            return await RedisplayAsync();
        }
        await db.SaveChangesAsync(cancellationToken);
        TempData["Success"] = l["Joint.ActionItemAdded"].Value;
        return RedirectToAction(nameof(Details), null, new { id }, "decisions");

        async Task<IActionResult> RedisplayAsync() => DetailsView((await DetailsAsync(id, input, cancellationToken))!);
    }

    /// <summary>The meeting's decision the input names (null for a new one); an unknown one, or no text for a new one, is a model error.</summary>
    private JointDecision? ValidateDecision(JointMeeting meeting, DecisionInput input)
    {
        if (input.DecisionId is { } decisionId)
        {
            var decision = meeting.Decisions.SingleOrDefault(d => d.Id == decisionId);
            if (decision is null) ModelState.AddModelError("Input.DecisionId", l["Validation.UnknownValueInvalid", l["Field.Decision"]]);
            return decision;
        }
        if (string.IsNullOrWhiteSpace(input.DecisionText))
            ModelState.AddModelError("Input.DecisionText", l["Validation.Required", l["Field.DecisionText"]]);
        return null;
    }

    private async Task<bool> IsAllianceMemberAsync(int subDistrictId, int? unitId, int? communityId, CancellationToken cancellationToken) => unitId is { } u
        ? await db.MemberUnits.AnyAsync(x => x.Id == u && x.SubDistrictId == subDistrictId, cancellationToken)
        : communityId is { } c && await db.Communities.AnyAsync(x => x.Id == c && x.SubDistrictId == subDistrictId, cancellationToken);

    /// <summary>What decides who records the meeting's decisions; null when the meeting is outside the user's scope.</summary>
    private Task<JointMeetingResource?> ResourceAsync(int id, CancellationToken cancellationToken) =>
        db.JointMeetings.AsNoTracking().VisibleTo(User.Scope()).Where(m => m.Id == id)
            .Select(m => new JointMeetingResource(m.SubDistrictId, m.ConvenerCommunityId)).SingleOrDefaultAsync(cancellationToken);

    private ViewResult DetailsView(MeetingDetailsViewModel model)
    {
        ViewData["Title"] = l["JointMeetings.DetailsTitle", Display.Date(model.MeetingDate)];
        return View("Details", model);
    }

    private static (int? Unit, int? Community) ParseOwner(string? owner)
    {
        if (owner is null || owner.Length < 3 || owner[1] != ':') return (null, null);
        if (!int.TryParse(owner.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return (null, null);
        return owner[0] switch { 'u' => (id, null), 'c' => (null, id), _ => (null, null) };
    }

    private async Task<MeetingDetailsViewModel?> DetailsAsync(int id, DecisionInput? input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var meeting = await db.JointMeetings.AsNoTracking().VisibleTo(scope).Where(m => m.Id == id)
            .Select(m => new
            {
                m.Id, m.MeetingDate, m.Place, m.ConvenedBy, m.Topics, m.Minutes,
                Resource = new JointMeetingResource(m.SubDistrictId, m.ConvenerCommunityId),
                Units = m.Attendees.Where(a => a.MemberUnitId != null).OrderBy(a => a.MemberUnit!.Name).Select(a => a.MemberUnit!.Name).ToList(),
                Communities = m.Attendees.Where(a => a.CommunityId != null).OrderBy(a => a.Community!.Name).Select(a => a.Community!.Name).ToList(),
                Decisions = m.Decisions.OrderBy(d => d.Id).Select(d => new DecisionRow(d.Id, d.Text)).ToList(),
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(cancellationToken);
        if (meeting is null) return null;
        var items = await db.ActionItems.AsNoTracking().VisibleTo(scope).Where(a => a.MeetingId == id).OrderBy(a => a.Id)
            .Select(a => new MeetingItemRow(a.Id, a.DecisionId, a.What, a.OwnerUnitId != null ? a.OwnerUnit!.Name : a.OwnerCommunity!.Name,
                a.Stream, a.DueDate, a.Status, a.Progress))
            .ToListAsync(cancellationToken);
        var recordable = (await authorization.AuthorizeAsync(User, meeting.Resource, JointMeetingOperations.RecordDecisions)).Succeeded;

        DecisionFormViewModel? form = null;
        if (recordable)
        {
            input ??= new DecisionInput();
            static string S(int v) => v.ToString(CultureInfo.InvariantCulture);
            var units = await db.MemberUnits.AsNoTracking().Where(u => u.SubDistrictId == scope.SubDistrictId).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
            var communities = await db.Communities.AsNoTracking().Where(c => c.SubDistrictId == scope.SubDistrictId).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
            var unitGroup = new SelectListGroup { Name = l["Field.MemberUnit"] };
            var communityGroup = new SelectListGroup { Name = l["Field.Community"] };
            form = new DecisionFormViewModel
            {
                MeetingId = meeting.Id,
                MeetingDate = meeting.MeetingDate,
                Input = input,
                Decisions = meeting.Decisions.Select(d => new SelectListItem(d.Text, S(d.Id), d.Id == input.DecisionId)).ToList(),
                Owners = units.Select(u => new SelectListItem(u.Name, "u:" + S(u.Id), input.Owner == "u:" + S(u.Id)) { Group = unitGroup })
                    .Concat(communities.Select(c => new SelectListItem(c.Name, "c:" + S(c.Id), input.Owner == "c:" + S(c.Id)) { Group = communityGroup }))
                    .ToList(),
                Streams = Enum.GetValues<ActivityStream>().Select(s => new SelectListItem(l["ActivityStream." + s], s.ToString(), s == input.Stream)).ToList(),
            };
        }

        return new MeetingDetailsViewModel
        {
            Id = meeting.Id,
            MeetingDate = meeting.MeetingDate,
            Place = meeting.Place,
            ConvenedBy = meeting.ConvenedBy,
            Topics = meeting.Topics,
            Minutes = meeting.Minutes,
            AttendingUnits = meeting.Units,
            AttendingCommunities = meeting.Communities,
            Decisions = meeting.Decisions,
            ActionItems = items,
            Today = ChinaTime.Today(clock),
            DecisionForm = form,
        };
    }

    private async Task<string> ConvenerNameAsync(UserScope scope, CancellationToken cancellationToken) => JointMeetingOperations.ConvenerCommunityOf(scope) is { } community
        ? await db.Communities.Where(c => c.Id == community).Select(c => c.PartyCommitteeName).SingleAsync(cancellationToken)
        : await db.SubDistricts.Where(s => s.Id == scope.SubDistrictId).Select(s => s.WorkingCommitteeName ?? s.Name).SingleAsync(cancellationToken);

    private async Task<IActionResult> CreateViewAsync(MeetingInput input, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var units = await db.MemberUnits.AsNoTracking().Where(u => u.SubDistrictId == scope.SubDistrictId).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().Where(c => c.SubDistrictId == scope.SubDistrictId).OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        ViewData["Title"] = l["JointMeetings.Create"];
        return View("Create", new MeetingFormViewModel
        {
            Input = input,
            Units = units.Select(u => new AttendeeOption(u.Id, u.Name, input.UnitIds.Contains(u.Id))).ToList(),
            Communities = communities.Select(c => new AttendeeOption(c.Id, c.Name, input.CommunityIds.Contains(c.Id))).ToList(),
            ConvenerFixed = JointMeetingOperations.ConvenerCommunityOf(scope) is not null,
        });
    }
}
