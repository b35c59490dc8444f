using TongkuangAlliance.Core.Identity;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// 案件: a dispute (矛盾纠纷) or a resident's request/difficulty (群众诉求/困难), and the aggregate of everything
/// done about it — parties, mediation sessions, agreement terms, follow-ups and its timeline.
/// <para>
/// Its state changes only through the methods below. Each one checks everything first and throws a
/// <see cref="DomainException"/> (a localization key, with the input field when there is one) before
/// changing anything; each change appends one <see cref="CaseEvent"/> and bumps <see cref="Revision"/>, so
/// the case row itself is always modified and its <see cref="AuditableEntity.Version"/> renewed: two people
/// working on the same case (even on different terms) cannot silently overwrite each other.
/// </para>
/// <para>
/// Methods that look at children need them loaded: <see cref="AddParty"/>, <see cref="AddTerm(CaseParty, AgreementTermKind, string, decimal?, DateOnly, DateTime, string?)"/>,
/// <see cref="MarkTermFulfilled(AgreementTerm, DateOnly, string?, DateTime, string?)"/>, <see cref="Resolve"/>,
/// <see cref="Close"/>, <see cref="UpdateDetails"/>, <see cref="WithdrawTerm(AgreementTerm, string?, DateTime, string?)"/> and
/// <see cref="RemoveParty(CaseParty, string?, DateTime, string?)"/> need <see cref="Parties"/> and <see cref="Terms"/>
/// (and <see cref="Sessions"/> for <see cref="UpdateDetails"/>) — load the case with
/// <see cref="CaseQueries.IncludeForRules"/>. Events are only appended and need not be loaded.
/// </para>
/// </summary>
public partial class Case : AuditableEntity
{
    public const string NumberPrefix = "JF";

    private readonly List<CaseParty> _parties = [];
    private readonly List<MediationSession> _sessions = [];
    private readonly List<AgreementTerm> _terms = [];
    private readonly List<FollowUp> _followUps = [];
    private readonly List<CaseEvent> _events = [];

    private Case() { }

    /// <summary>一案一码, e.g. JF2026-0001; given when the case is first saved, by <see cref="CaseNumbers.SaveNewCaseAsync"/>.</summary>
    public string Number { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public CaseSource Source { get; private set; }

    /// <summary>Personal data: shown whole only to the handling staff.</summary>
    public string ReporterName { get; private set; } = "";

    /// <summary>Personal data: masked in lists and exports (<see cref="ChinesePhone.Mask"/>).</summary>
    public string ReporterPhone { get; private set; } = "";

    public int CommunityId { get; private set; }
    public Community? Community { get; private set; }
    public int? CompoundId { get; private set; }
    public Compound? Compound { get; private set; }
    public int? BuildingId { get; private set; }
    public Building? Building { get; private set; }
    public int? GridId { get; private set; }
    public Grid? Grid { get; private set; }
    public int CategoryId { get; private set; }
    public CaseCategory? Category { get; private set; }
    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";
    public DateTime OccurredAtUtc { get; private set; }
    public CaseUrgency Urgency { get; private set; }

    public CaseStatus Status { get; private set; }
    public string? HandlerUserId { get; private set; }
    public AppUser? Handler { get; private set; }

    public DateTime RegisteredAtUtc { get; private set; }
    public DateTime? AcceptedAtUtc { get; private set; }

    /// <summary>When anything last happened on the case (every method refreshes it).</summary>
    public DateTime LastProgressAtUtc { get; private set; }
    public DateTime? ResolvedAtUtc { get; private set; }
    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>
    /// The China calendar day of registration as <see cref="DateOnly.DayNumber"/>. With <see cref="ResolvedDay"/> and
    /// <see cref="ResolvedMonth"/> it lets the dashboards count days to resolve and group by month with integer
    /// arithmetic in the database instead of date functions on every row (issue 6: city scale). Derived from the
    /// timestamps by the entity itself, never entered.
    /// </summary>
    public int RegisteredDay { get; private set; }

    /// <summary>The China calendar day of resolution (<see cref="DateOnly.DayNumber"/>), while resolved.</summary>
    public int? ResolvedDay { get; private set; }

    /// <summary>The China calendar month of resolution as yyyymm (202611), while resolved.</summary>
    public int? ResolvedMonth { get; private set; }

    /// <summary>A China calendar month as the integer <see cref="ResolvedMonth"/> stores.</summary>
    public static int MonthKey(DateOnly date) => date.Year * 100 + date.Month;

    /// <summary>Registration + the category's AcceptWithinDays. Stored so lists can filter on it.</summary>
    public DateTime AcceptDueAtUtc { get; private set; }

    /// <summary>Registration + the category's ResolveWithinDays (kept when the case is reopened).</summary>
    public DateTime ResolveDueAtUtc { get; private set; }

    /// <summary>Last progress + <see cref="UpdateEveryDays"/>: past it, an unresolved case is stale.</summary>
    public DateTime UpdateDueAtUtc { get; private set; }

    /// <summary>The category's update interval when the case was registered (or its category changed).</summary>
    public int UpdateEveryDays { get; private set; }

    public CaseResolution? Resolution { get; private set; }
    public string? ResolutionNote { get; private set; }

    public bool IsEscalated { get; private set; }
    public DateTime? EscalatedAtUtc { get; private set; }
    public string? EscalationReason { get; private set; }
    public bool TakenOverBySubDistrict { get; private set; }

    public CaseCloseKind? CloseKind { get; private set; }
    public string? CloseReason { get; private set; }
    public int ReopenCount { get; private set; }

    /// <summary>Number of recorded changes; every method bumps it so the case row changes with its children.</summary>
    public int Revision { get; private set; }

    public IReadOnlyList<CaseParty> Parties => _parties;
    public IReadOnlyList<MediationSession> Sessions => _sessions;
    public IReadOnlyList<AgreementTerm> Terms => _terms;
    public IReadOnlyList<FollowUp> FollowUps => _followUps;

    /// <summary>The timeline. Only the events appended since loading are here unless they were loaded.</summary>
    public IReadOnlyList<CaseEvent> Events => _events;

    /// <summary>Not closed (normally or early).</summary>
    public bool IsOpen => Status != CaseStatus.Closed;

    // ---- intake and details ----------------------------------------------------------------------------

    /// <summary>
    /// Registers a new case (status Registered, deadlines from the category). The number is given when it is
    /// saved: add it to the context and call <see cref="CaseNumbers.SaveNewCaseAsync"/>.
    /// </summary>
    public static Case Register(CaseDetails details, CaseCategory category, DateTime nowUtc, string? userId)
    {
        if (!category.IsActive) throw new DomainException("Case.CategoryInactive", nameof(CategoryId));
        var kase = new Case { Status = CaseStatus.Registered, RegisteredAtUtc = nowUtc, RegisteredDay = CaseText.ChinaDate(nowUtc).DayNumber, LastProgressAtUtc = nowUtc };
        var valid = kase.Validate(details, category);
        kase.Apply(valid, category);
        kase.Record(CaseEventKind.Registered, nowUtc, userId, kase.Title);
        kase.Raise(new CaseRegistered(kase, nowUtc, userId));
        return kase;
    }

    /// <summary>
    /// Corrects the intake details while the case is open. Changing the category recomputes the deadlines
    /// from the registration time. Returns false (and records nothing) when nothing changed.
    /// </summary>
    public bool UpdateDetails(CaseDetails details, CaseCategory category, DateTime nowUtc, string? userId)
    {
        Require(CaseStep.Edit);
        if (category.Id != CategoryId && !category.IsActive) throw new DomainException("Case.CategoryInactive", nameof(CategoryId));
        var valid = Validate(details, category);
        var occurredOn = CaseText.ChinaDate(valid.OccurredAtUtc);
        if (_terms.Any(t => t.IsInForce && t.DueDate < occurredOn)) throw new DomainException("Case.Term.DueBeforeOccurrence", nameof(OccurredAtUtc));
        if (_sessions.Any(s => s.HeldAtUtc < valid.OccurredAtUtc)) throw new DomainException("Case.Session.BeforeOccurrence", nameof(OccurredAtUtc));

        var changed = new List<string>();
        void Compare<T>(T before, T after, string name)
        {
            if (!EqualityComparer<T>.Default.Equals(before, after)) changed.Add(name);
        }
        Compare(Kind, valid.Kind, nameof(Kind));
        Compare(Source, valid.Source, nameof(Source));
        Compare(ReporterName, valid.ReporterName, nameof(ReporterName));
        Compare(ReporterPhone, valid.ReporterPhone, nameof(ReporterPhone));
        Compare(CommunityId, valid.CommunityId, nameof(CommunityId));
        Compare(CompoundId, valid.CompoundId, nameof(CompoundId));
        Compare(BuildingId, valid.BuildingId, nameof(BuildingId));
        Compare(GridId, valid.GridId, nameof(GridId));
        Compare(CategoryId, category.Id, nameof(CategoryId));
        Compare(Title, valid.Title, nameof(Title));
        Compare(Description, valid.Description, nameof(Description));
        Compare(OccurredAtUtc, valid.OccurredAtUtc, nameof(OccurredAtUtc));
        Compare(Urgency, valid.Urgency, nameof(Urgency));
        if (changed.Count == 0) return false;

        var categoryChanged = category.Id != CategoryId;
        Apply(valid, categoryChanged ? category : null);
        // The summary names the changed fields only: old and new values (phones included) stay in the audit table.
        Record(CaseEventKind.Edited, nowUtc, userId, string.Join(", ", changed));
        return true;
    }

    private CaseDetails Validate(CaseDetails d, CaseCategory category)
    {
        var kind = CaseText.Choice(d.Kind, nameof(Kind));
        var source = CaseText.Choice(d.Source, nameof(Source));
        var urgency = CaseText.Choice(d.Urgency, nameof(Urgency));
        var reporter = CaseText.Required(d.ReporterName, FieldLengths.PersonName, "Case.ReporterNameRequired", nameof(ReporterName));
        var phone = CaseText.Required(d.ReporterPhone, FieldLengths.Phone, "Case.ReporterPhoneRequired", nameof(ReporterPhone));
        if (!ChinesePhone.IsValid(phone)) throw new DomainException("Validation.Phone", nameof(ReporterPhone));
        if (d.CommunityId <= 0) throw new DomainException("Case.CommunityRequired", nameof(CommunityId));
        if (d.CompoundId <= 0) throw new DomainException("Case.InvalidChoice", nameof(CompoundId));
        if (d.BuildingId <= 0) throw new DomainException("Case.InvalidChoice", nameof(BuildingId));
        if (d.GridId <= 0) throw new DomainException("Case.InvalidChoice", nameof(GridId));
        var title = CaseText.Required(d.Title, FieldLengths.Title, "Case.TitleRequired", nameof(Title));
        var description = CaseText.Required(d.Description, FieldLengths.Description, "Case.DescriptionRequired", nameof(Description));
        if (d.OccurredAtUtc == default) throw new DomainException("Case.OccurredAtRequired", nameof(OccurredAtUtc));
        if (d.OccurredAtUtc > RegisteredAtUtc) throw new DomainException("Case.OccurredInFuture", nameof(OccurredAtUtc));
        return d with
        {
            Kind = kind, Source = source, Urgency = urgency, ReporterName = reporter, ReporterPhone = phone,
            Title = title, Description = description,
        };
    }

    private void Apply(CaseDetails valid, CaseCategory? newCategory)
    {
        Kind = valid.Kind;
        Source = valid.Source;
        ReporterName = valid.ReporterName!;
        ReporterPhone = valid.ReporterPhone!;
        CommunityId = valid.CommunityId;
        CompoundId = valid.CompoundId;
        BuildingId = valid.BuildingId;
        GridId = valid.GridId;
        Title = valid.Title!;
        Description = valid.Description!;
        OccurredAtUtc = valid.OccurredAtUtc;
        Urgency = valid.Urgency;
        if (newCategory is null) return;

        CategoryId = newCategory.Id;
        Category = newCategory;
        AcceptDueAtUtc = RegisteredAtUtc.AddDays(newCategory.AcceptWithinDays);
        ResolveDueAtUtc = RegisteredAtUtc.AddDays(newCategory.ResolveWithinDays);
        UpdateEveryDays = newCategory.UpdateEveryDays;
        UpdateDueAtUtc = LastProgressAtUtc.AddDays(UpdateEveryDays);
    }

    /// <summary>Only <see cref="CaseNumbers"/> numbers cases (again on a retried first save).</summary>
    internal void AssignNumber(string number) => Number = number;


    private void Record(CaseEventKind kind, DateTime nowUtc, string? userId, string summary)
    {
        _events.Add(new CaseEvent(this, nowUtc, userId, kind, CaseText.Summary(summary)));
        if (nowUtc > LastProgressAtUtc) LastProgressAtUtc = nowUtc;
        UpdateDueAtUtc = LastProgressAtUtc.AddDays(UpdateEveryDays);
        Revision++;
    }
}
