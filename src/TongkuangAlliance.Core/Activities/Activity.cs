using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.Core.Activities;

/// <summary>What scheduling (or editing) an activity records. The web layer checks that the community,
/// compound, organising unit and participating units exist within the user's scope and belong together.</summary>
public sealed record ActivityDetails(
    int CommunityId,
    int? CompoundId,
    ActivityKind Kind,
    ActivityStream? Stream,
    string? Title,
    string? Place,
    DateTime StartUtc,
    DateTime EndUtc,
    ActivityOrganiser Organiser,
    int? OrganiserUnitId,
    string? Description,
    IReadOnlyList<PlannedService> Services,
    IReadOnlyList<int> UnitIds);

/// <summary>A service offered and how many volunteers it needs.</summary>
public sealed record PlannedService(int ServiceKindId, int VolunteersNeeded);

/// <summary>
/// 活动: a service day (便民接待日) at a compound, or an activity of one of the "1+6" streams. Scheduled, edited
/// and cancelled (with a reason, never deleted) by the community committee; after it took place the organiser
/// records its results, which can be corrected later (the audit log keeps every before/after).
/// Methods check everything first and throw a <see cref="DomainException"/> before changing anything.
/// Load <see cref="Services"/>, <see cref="Units"/> and <see cref="Difficulties"/> before calling them.
/// </summary>
public class Activity : AuditableEntity
{
    /// <summary>A new activity may start at most this many days ago (results of older ones go on existing activities).</summary>
    public const int MaxDaysInPast = 7;
    public const int MaxCount = 100_000;
    public const int MaxServices = 30;

    private readonly List<ActivityService> _services = [];
    private readonly List<ActivityUnit> _units = [];
    private readonly List<ActivityDifficulty> _difficulties = [];

    private Activity() { }

    public int CommunityId { get; private set; }
    public Community? Community { get; private set; }
    public int? CompoundId { get; private set; }
    public Compound? Compound { get; private set; }
    public ActivityKind Kind { get; private set; }
    public ActivityStream? Stream { get; private set; }
    public string Title { get; private set; } = "";
    public string Place { get; private set; } = "";
    public DateTime StartUtc { get; private set; }
    public DateTime EndUtc { get; private set; }
    public ActivityOrganiser Organiser { get; private set; }
    public int? OrganiserUnitId { get; private set; }
    public MemberUnit? OrganiserUnit { get; private set; }
    public string? Description { get; private set; }

    public ActivityStatus Status { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTime? CancelledAtUtc { get; private set; }

    /// <summary>纠纷现场调解: disputes mediated on the spot.</summary>
    public int? DisputesMediated { get; private set; }
    public string? ResultSummary { get; private set; }
    public DateTime? ResultsRecordedAtUtc { get; private set; }

    /// <summary>Bumped by every change of the activity or its children, so its row (and version) always changes.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<ActivityService> Services => _services;
    public IReadOnlyList<ActivityUnit> Units => _units;
    public IReadOnlyList<ActivityDifficulty> Difficulties => _difficulties;

    /// <summary>Residents served in all (the sum over the services).</summary>
    public int ResidentsServed => _services.Sum(s => s.ResidentsServed ?? 0);

    public static Activity Schedule(ActivityDetails details, DateTime nowUtc)
    {
        var activity = new Activity { Status = ActivityStatus.Planned };
        if (details.StartUtc != default && details.StartUtc < nowUtc.AddDays(-MaxDaysInPast))
            throw new DomainException("Activity.StartTooFarInPast", nameof(StartUtc));
        var valid = Validate(details);
        activity.Apply(valid, nowUtc);
        return activity;
    }

    /// <summary>A copy of this activity's plan (not its results), to schedule again on a new date.</summary>
    public ActivityDetails CopyDetails() => new(CommunityId, CompoundId, Kind, Stream, Title, Place, StartUtc, EndUtc, Organiser, OrganiserUnitId,
        Description, [.. _services.Select(s => new PlannedService(s.ServiceKindId, s.VolunteersNeeded))], [.. _units.Select(u => u.MemberUnitId)]);

    public void UpdateDetails(ActivityDetails details, DateTime nowUtc)
    {
        if (Status == ActivityStatus.Cancelled) throw new DomainException("Activity.IsCancelled");
        if (details.StartUtc != StartUtc && details.StartUtc != default && Status == ActivityStatus.Planned
            && details.StartUtc < nowUtc.AddDays(-MaxDaysInPast))
            throw new DomainException("Activity.StartTooFarInPast", nameof(StartUtc));
        var valid = Validate(details);
        if (Status == ActivityStatus.Held && valid.StartUtc > nowUtc)
            throw new DomainException("Activity.HeldInFuture", nameof(StartUtc));
        Apply(valid, nowUtc);
    }

    public void Cancel(string? reason, DateTime nowUtc)
    {
        if (Status != ActivityStatus.Planned) throw new DomainException("Activity.OnlyPlannedCancel");
        CancelReason = ActivityText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", nameof(CancelReason));
        CancelledAtUtc = nowUtc;
        Status = ActivityStatus.Cancelled;
        Revision++;
        Raise(new ActivityCancelled(this, CancelReason, nowUtc, null));
    }

    /// <summary>
    /// Records (or corrects) the results: residents served per service, disputes mediated on the spot, a summary.
    /// The activity becomes Held. Only once it has started, and never for a cancelled one.
    /// </summary>
    public void RecordResults(IReadOnlyDictionary<int, int?> servedByServiceKind, int? disputesMediated, string? summary, DateTime nowUtc)
    {
        if (Status == ActivityStatus.Cancelled) throw new DomainException("Activity.IsCancelled");
        if (StartUtc > nowUtc) throw new DomainException("Activity.NotStartedYet");
        foreach (var (kindId, served) in servedByServiceKind)
        {
            if (_services.All(s => s.ServiceKindId != kindId)) throw new DomainException("Activity.InvalidChoice");
            if (served is < 0 or > MaxCount) throw new DomainException("Activity.CountOutOfRange", $"Served[{kindId}]");
        }
        if (disputesMediated is < 0 or > MaxCount) throw new DomainException("Activity.CountOutOfRange", nameof(DisputesMediated));
        var text = ActivityText.Optional(summary, FieldLengths.Description, nameof(ResultSummary));

        foreach (var service in _services)
            if (servedByServiceKind.TryGetValue(service.ServiceKindId, out var served)) service.SetServed(served ?? 0);
        DisputesMediated = disputesMediated ?? 0;
        ResultSummary = text;
        ResultsRecordedAtUtc ??= nowUtc;
        Status = ActivityStatus.Held;
        Revision++;
    }

    /// <summary>A difficulty a resident brought to the activity (收集困难诉求); it can become a case later.</summary>
    public ActivityDifficulty AddDifficulty(string? residentName, string? residentPhone, string? description, DateTime nowUtc)
    {
        if (Status == ActivityStatus.Cancelled) throw new DomainException("Activity.IsCancelled");
        if (StartUtc > nowUtc) throw new DomainException("Activity.NotStartedYet");
        var name = ActivityText.Required(residentName, FieldLengths.PersonName, "Activity.Required", nameof(ActivityDifficulty.ResidentName));
        var phone = ActivityText.Required(residentPhone, FieldLengths.Phone, "Activity.Required", nameof(ActivityDifficulty.ResidentPhone));
        if (!ChinesePhone.IsValid(phone)) throw new DomainException("Validation.Phone", nameof(ActivityDifficulty.ResidentPhone));
        var text = ActivityText.Required(description, FieldLengths.Description, "Activity.Required", nameof(ActivityDifficulty.Description));
        var difficulty = new ActivityDifficulty(name, phone, text);
        _difficulties.Add(difficulty);
        Revision++;
        return difficulty;
    }

    /// <summary>
    /// Turns a difficulty into a resident-request case (kind Request, source ServiceDay) in one step; the case and
    /// the difficulty are linked. Save with <see cref="CaseNumbers.SaveNewCaseAsync"/>.
    /// </summary>
    public Case RaiseCase(ActivityDifficulty difficulty, CaseCategory category, DateTime nowUtc, string? userId)
    {
        if (!_difficulties.Contains(difficulty)) throw new DomainException("Activity.InvalidChoice");
        if (difficulty.CaseId is not null || difficulty.Case is not null) throw new DomainException("Activity.DifficultyHasCase");
        var title = difficulty.Description.Length <= FieldLengths.Title ? difficulty.Description : string.Concat(difficulty.Description.AsSpan(0, FieldLengths.Title - 1), "…");
        var occurred = StartUtc <= nowUtc ? StartUtc : nowUtc;
        var kase = Case.Register(new CaseDetails(CaseKind.Request, CaseSource.ServiceDay, difficulty.ResidentName, difficulty.ResidentPhone,
            CommunityId, CompoundId, null, null, title, difficulty.Description, occurred, CaseUrgency.Normal), category, nowUtc, userId);
        difficulty.LinkCase(kase);
        Revision++;
        return kase;
    }

    /// <summary>
    /// Records a difficulty that was registered as a case straight away (a request brought to the service day and
    /// entered at the counter, or history brought in): the resident's words become the day's difficulty, linked to
    /// that case as <see cref="RaiseCase"/> links the cases it raises. The case must come from a service day of this
    /// activity's community.
    /// </summary>
    public ActivityDifficulty AddRaisedDifficulty(Case kase, DateTime nowUtc)
    {
        if (kase.CommunityId != CommunityId || kase.Source != CaseSource.ServiceDay || Kind != ActivityKind.ServiceDay)
            throw new DomainException("Activity.InvalidChoice");
        var difficulty = AddDifficulty(kase.ReporterName, kase.ReporterPhone, kase.Description, nowUtc);
        difficulty.LinkCase(kase);
        return difficulty;
    }

    public ActivityUnit? UnitOf(int memberUnitId) => _units.FirstOrDefault(u => u.MemberUnitId == memberUnitId);

    /// <summary>A participating unit confirms it will take part, optionally saying what it brings.</summary>
    public void ConfirmParticipation(int memberUnitId, string? commitment, DateTime nowUtc)
    {
        if (Status != ActivityStatus.Planned) throw new DomainException("Activity.OnlyPlannedConfirm");
        var unit = UnitOf(memberUnitId) ?? throw new DomainException("Activity.InvalidChoice");
        unit.Confirm(ActivityText.Optional(commitment, FieldLengths.Note, nameof(ActivityUnit.Commitment)), nowUtc);
        Revision++;
    }

    private static ActivityDetails Validate(ActivityDetails d)
    {
        if (d.CommunityId <= 0) throw new DomainException("Activity.CommunityRequired", nameof(CommunityId));
        if (d.CompoundId is <= 0) throw new DomainException("Activity.InvalidChoice", nameof(CompoundId));
        if (!Enum.IsDefined(d.Kind)) throw new DomainException("Activity.InvalidChoice", nameof(Kind));
        if (d.Stream is { } stream && !Enum.IsDefined(stream)) throw new DomainException("Activity.InvalidChoice", nameof(Stream));
        if (d.Kind == ActivityKind.StreamActivity && d.Stream is null) throw new DomainException("Activity.StreamRequired", nameof(Stream));
        if (d.Kind == ActivityKind.ServiceDay && d.CompoundId is null) throw new DomainException("Activity.CompoundRequired", nameof(CompoundId));
        var title = ActivityText.Required(d.Title, FieldLengths.Title, "Activity.Required", nameof(Title));
        var place = ActivityText.Required(d.Place, FieldLengths.Address, "Activity.Required", nameof(Place));
        if (d.StartUtc == default) throw new DomainException("Activity.Required", nameof(StartUtc));
        if (d.EndUtc == default) throw new DomainException("Activity.Required", nameof(EndUtc));
        if (d.EndUtc <= d.StartUtc) throw new DomainException("Activity.EndBeforeStart", nameof(EndUtc));
        if (d.EndUtc - d.StartUtc > TimeSpan.FromDays(7)) throw new DomainException("Activity.TooLong", nameof(EndUtc));
        if (!Enum.IsDefined(d.Organiser)) throw new DomainException("Activity.InvalidChoice", nameof(Organiser));
        if (d.Organiser == ActivityOrganiser.MemberUnit && d.OrganiserUnitId is null) throw new DomainException("Activity.OrganiserUnitRequired", nameof(OrganiserUnitId));
        if (d.Organiser == ActivityOrganiser.CompoundPartyBranch && d.CompoundId is null) throw new DomainException("Activity.CompoundRequired", nameof(CompoundId));
        var description = ActivityText.Optional(d.Description, FieldLengths.Description, nameof(Description));
        if (d.Services.Count > MaxServices) throw new DomainException("Activity.InvalidChoice", nameof(Services));
        if (d.Services.Select(s => s.ServiceKindId).Distinct().Count() != d.Services.Count) throw new DomainException("Activity.InvalidChoice", nameof(Services));
        foreach (var s in d.Services)
            if (s.VolunteersNeeded is < 0 or > MaxCount) throw new DomainException("Activity.CountOutOfRange", $"Volunteers[{s.ServiceKindId}]");
        if (d.Kind == ActivityKind.ServiceDay && d.Services.Count == 0) throw new DomainException("Activity.ServicesRequired", nameof(Services));
        return d with
        {
            Title = title, Place = place, Description = description,
            Stream = d.Stream,
            OrganiserUnitId = d.Organiser == ActivityOrganiser.MemberUnit ? d.OrganiserUnitId : null,
            UnitIds = [.. d.UnitIds.Distinct()],
        };
    }

    private void Apply(ActivityDetails valid, DateTime nowUtc)
    {
        CommunityId = valid.CommunityId;
        CompoundId = valid.CompoundId;
        Kind = valid.Kind;
        Stream = valid.Stream;
        Title = valid.Title!;
        Place = valid.Place!;
        StartUtc = valid.StartUtc;
        EndUtc = valid.EndUtc;
        Organiser = valid.Organiser;
        OrganiserUnitId = valid.OrganiserUnitId;
        Description = valid.Description;

        // Services: keep the rows (and their results) of services still offered, add new ones. A service no
        // longer offered keeps its row only when results were recorded for it (its volunteers drop to 0).
        foreach (var planned in valid.Services)
        {
            var existing = _services.FirstOrDefault(s => s.ServiceKindId == planned.ServiceKindId);
            if (existing is null) _services.Add(new ActivityService(planned.ServiceKindId, planned.VolunteersNeeded));
            else existing.SetVolunteersNeeded(planned.VolunteersNeeded);
        }
        foreach (var dropped in _services.Where(s => valid.Services.All(p => p.ServiceKindId != s.ServiceKindId)).ToList())
            dropped.Withdraw();

        foreach (var unitId in valid.UnitIds)
        {
            // A unit invited now (new, or taken off and invited again) is asked to confirm, while the activity is to come.
            var existing = _units.FirstOrDefault(u => u.MemberUnitId == unitId);
            var newlyInvited = existing is null || !existing.IsInvited;
            if (existing is null) _units.Add(new ActivityUnit(unitId));
            else existing.Invite();
            if (newlyInvited && Status == ActivityStatus.Planned && valid.EndUtc > nowUtc) Raise(new UnitInvited(this, unitId, nowUtc, null));
        }
        foreach (var dropped in _units.Where(u => !valid.UnitIds.Contains(u.MemberUnitId)))
            dropped.Withdraw();
        Revision++;
    }
}
