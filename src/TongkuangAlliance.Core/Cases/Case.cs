using System.Linq.Expressions;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Structure;

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
public class Case : AuditableEntity
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

    /// <summary>Registered, accepted or in mediation: still to be resolved.</summary>
    public bool IsUnresolved => Status is CaseStatus.Registered or CaseStatus.Accepted or CaseStatus.InMediation;

    // ---- deadlines -------------------------------------------------------------------------------------

    /// <summary>Unresolved and past a deadline: not accepted in time, or not resolved in time (red in lists).</summary>
    public bool IsOverdue(DateTime nowUtc) =>
        IsUnresolved && ((Status == CaseStatus.Registered && AcceptDueAtUtc < nowUtc) || ResolveDueAtUtc < nowUtc);

    /// <summary>Unresolved and nothing recorded for <see cref="UpdateEveryDays"/> (amber in lists).</summary>
    public bool IsStale(DateTime nowUtc) => IsUnresolved && UpdateDueAtUtc < nowUtc;

    /// <summary><see cref="IsUnresolved"/> for queries.</summary>
    public static Expression<Func<Case, bool>> Unresolved =>
        c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation;

    /// <summary><see cref="IsOverdue"/> for queries: <c>db.Cases.Where(Case.OverdueAt(now))</c>.</summary>
    public static Expression<Func<Case, bool>> OverdueAt(DateTime nowUtc) =>
        c => (c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation)
             && ((c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < nowUtc) || c.ResolveDueAtUtc < nowUtc);

    /// <summary><see cref="IsStale"/> for queries.</summary>
    public static Expression<Func<Case, bool>> StaleAt(DateTime nowUtc) =>
        c => (c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation)
             && c.UpdateDueAtUtc < nowUtc;

    /// <summary>What the sub-district watches: open escalated cases and overdue ones.</summary>
    public static Expression<Func<Case, bool>> EscalatedOrOverdueAt(DateTime nowUtc) =>
        c => (c.IsEscalated && c.Status != CaseStatus.Closed)
             || ((c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation)
                 && ((c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < nowUtc) || c.ResolveDueAtUtc < nowUtc));

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
        return kase;
    }

    /// <summary>
    /// Corrects the intake details while the case is open. Changing the category recomputes the deadlines
    /// from the registration time. Returns false (and records nothing) when nothing changed.
    /// </summary>
    public bool UpdateDetails(CaseDetails details, CaseCategory category, DateTime nowUtc, string? userId)
    {
        if (!IsOpen) throw new DomainException("Case.Step.Edit");
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

    // ---- handling --------------------------------------------------------------------------------------

    /// <summary>Registered → Accepted: the handler takes the case on.</summary>
    public void Accept(string? handlerUserId, DateTime nowUtc, string? userId)
    {
        if (Status != CaseStatus.Registered) throw new DomainException("Case.Step.Accept");
        var handler = RequiredHandler(handlerUserId);
        HandlerUserId = handler;
        AcceptedAtUtc = nowUtc;
        Status = CaseStatus.Accepted;
        Record(CaseEventKind.Accepted, nowUtc, userId, "");
    }

    /// <summary>
    /// Gives an accepted, still open case to another handler, with an optional handover note. Returns false, and
    /// records nothing, when it is the same one. The case knows its handler by id only: <paramref name="handlerNames"/>
    /// (e.g. "张三 → 李四") is what the timeline shows of the change.
    /// </summary>
    public bool AssignHandler(string? handlerUserId, DateTime nowUtc, string? userId, string? note = null, string? handlerNames = null)
    {
        if (!CanAssignHandler) throw new DomainException("Case.Step.AssignHandler");
        var handler = RequiredHandler(handlerUserId);
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        if (handler == HandlerUserId) return false;
        HandlerUserId = handler;
        Record(CaseEventKind.HandlerChanged, nowUtc, userId, CaseText.Summary(handlerNames, text));
        return true;
    }

    /// <summary>Accepted and not closed: <see cref="AssignHandler"/> is allowed.</summary>
    public bool CanAssignHandler => Status is not (CaseStatus.Registered or CaseStatus.Closed);

    private static string RequiredHandler(string? handlerUserId) =>
        string.IsNullOrWhiteSpace(handlerUserId) ? throw new DomainException("Case.HandlerRequired", nameof(HandlerUserId)) : handlerUserId.Trim();

    /// <summary>Accepted → InMediation.</summary>
    public void StartMediation(DateTime nowUtc, string? userId)
    {
        if (Status != CaseStatus.Accepted) throw new DomainException("Case.Step.StartMediation");
        Status = CaseStatus.InMediation;
        Record(CaseEventKind.MediationStarted, nowUtc, userId, "");
    }

    /// <summary>
    /// Adds a resident, member unit or outside organisation in a role, while the case is unresolved.
    /// A member unit needs <paramref name="memberUnitId"/> (and its name); only a resident may have a phone.
    /// </summary>
    public CaseParty AddParty(CasePartyKind kind, string? name, string? phone, int? memberUnitId, CasePartyRole role, DateTime nowUtc, string? userId)
    {
        if (!IsUnresolved) throw new DomainException("Case.Step.AddParty");
        kind = CaseText.Choice(kind, nameof(CaseParty.Kind));
        role = CaseText.Choice(role, nameof(CaseParty.Role));
        var partyName = CaseText.Required(name, FieldLengths.Name, "Case.Party.NameRequired", nameof(CaseParty.Name));
        if (kind == CasePartyKind.MemberUnit)
        {
            if (memberUnitId is null or <= 0) throw new DomainException("Case.Party.MemberUnitRequired", nameof(CaseParty.MemberUnitId));
        }
        else if (memberUnitId is not null)
        {
            throw new DomainException("Case.Party.MemberUnitOnlyForUnits", nameof(CaseParty.MemberUnitId));
        }

        var partyPhone = CaseText.Optional(phone, FieldLengths.Phone, nameof(CaseParty.Phone));
        if (partyPhone is not null)
        {
            if (kind != CasePartyKind.Resident) throw new DomainException("Case.Party.PhoneOnlyForResidents", nameof(CaseParty.Phone));
            if (!ChinesePhone.IsValid(partyPhone)) throw new DomainException("Validation.Phone", nameof(CaseParty.Phone));
        }

        var duplicate = _parties.Any(p => !p.IsRemoved && p.Kind == kind && p.Role == role
            && (kind == CasePartyKind.MemberUnit ? p.MemberUnitId == memberUnitId : string.Equals(p.Name, partyName, StringComparison.Ordinal)));
        if (duplicate) throw new DomainException("Case.Party.Duplicate", nameof(CaseParty.Name));

        var party = new CaseParty(this, kind, partyName, partyPhone, memberUnitId, role);
        _parties.Add(party);
        Record(CaseEventKind.PartyAdded, nowUtc, userId, partyName);
        return party;
    }

    /// <summary>
    /// Records a mediation session (调解会). Allowed in mediation; on an accepted case it starts mediation first
    /// (two events). Held not in the future and not before the case occurred.
    /// </summary>
    public MediationSession RecordSession(DateTime heldAtUtc, string? place, string? convenedBy, string? attendees, string? minutes, string? outcome, DateTime nowUtc, string? userId)
    {
        if (Status is not (CaseStatus.Accepted or CaseStatus.InMediation)) throw new DomainException("Case.Step.RecordSession");
        if (heldAtUtc == default) throw new DomainException("Case.Session.HeldAtRequired", nameof(MediationSession.HeldAtUtc));
        if (heldAtUtc > nowUtc) throw new DomainException("Case.Session.InFuture", nameof(MediationSession.HeldAtUtc));
        if (heldAtUtc < OccurredAtUtc) throw new DomainException("Case.Session.BeforeOccurrence", nameof(MediationSession.HeldAtUtc));
        var validPlace = CaseText.Required(place, FieldLengths.Address, "Case.Session.PlaceRequired", nameof(MediationSession.Place));
        var validConvenedBy = CaseText.Required(convenedBy, FieldLengths.Name, "Case.Session.ConvenedByRequired", nameof(MediationSession.ConvenedBy));
        var validAttendees = CaseText.Required(attendees, FieldLengths.Note, "Case.Session.AttendeesRequired", nameof(MediationSession.Attendees));
        var validMinutes = CaseText.Optional(minutes, FieldLengths.Minutes, nameof(MediationSession.Minutes));
        var validOutcome = CaseText.Optional(outcome, FieldLengths.Note, nameof(MediationSession.Outcome));

        if (Status == CaseStatus.Accepted) StartMediation(nowUtc, userId);
        var session = new MediationSession(this, heldAtUtc, validPlace, validConvenedBy, validAttendees, validMinutes, validOutcome);
        _sessions.Add(session);
        var heldAt = ChinaTime.FromUtc(heldAtUtc).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Record(CaseEventKind.SessionRecorded, nowUtc, userId, CaseText.Summary(heldAt, validPlace, validOutcome));
        return session;
    }

    /// <summary>Adds a term to the agreement, in mediation, owed by <paramref name="obligatedPartyId"/> (a party of this case).</summary>
    public AgreementTerm AddTerm(int obligatedPartyId, AgreementTermKind kind, string? description, decimal? amount, DateOnly dueDate, DateTime nowUtc, string? userId)
    {
        var party = _parties.SingleOrDefault(p => p.Id == obligatedPartyId && obligatedPartyId != 0 && !p.IsRemoved)
            ?? throw new DomainException("Case.Party.Unknown", nameof(AgreementTerm.ObligatedPartyId));
        return AddTerm(party, kind, description, amount, dueDate, nowUtc, userId);
    }

    /// <summary>
    /// Adds a term to the agreement, in mediation, owed by a party of the case that was not removed. Compensation
    /// needs an amount; any amount is positive with at most two decimals. The due date is not before the day the case occurred.
    /// </summary>
    public AgreementTerm AddTerm(CaseParty obligatedParty, AgreementTermKind kind, string? description, decimal? amount, DateOnly dueDate, DateTime nowUtc, string? userId)
    {
        if (Status != CaseStatus.InMediation) throw new DomainException("Case.Step.AddTerm");
        if (!_parties.Contains(obligatedParty) || obligatedParty.IsRemoved) throw new DomainException("Case.Party.Unknown", nameof(AgreementTerm.ObligatedPartyId));
        kind = CaseText.Choice(kind, nameof(AgreementTerm.Kind));
        var text = CaseText.Required(description, FieldLengths.Reason, "Case.Term.DescriptionRequired", nameof(AgreementTerm.Description));
        CheckAmount(kind, amount);
        if (dueDate < CaseText.ChinaDate(OccurredAtUtc)) throw new DomainException("Case.Term.DueBeforeOccurrence", nameof(AgreementTerm.DueDate));

        var term = new AgreementTerm(this, obligatedParty, kind, text, amount, dueDate);
        _terms.Add(term);
        Record(CaseEventKind.TermAdded, nowUtc, userId,
            CaseText.Summary(obligatedParty.Name, text, amount is { } a ? CaseText.Yuan(a) : null, CaseText.Date(dueDate)));
        return term;
    }

    private const decimal MaxAmount = 9_999_999_999_999_999.99m; // decimal(18,2)

    private static void CheckAmount(AgreementTermKind kind, decimal? amount)
    {
        const string field = nameof(AgreementTerm.Amount);
        if (amount is null)
        {
            if (kind == AgreementTermKind.Compensation) throw new DomainException("Case.Term.AmountRequired", field);
            return;
        }
        if (amount <= 0) throw new DomainException("Case.Term.AmountNotPositive", field);
        if (amount > MaxAmount) throw new DomainException("Case.Term.AmountTooLarge", field);
        if (decimal.Round(amount.Value, 2) != amount.Value) throw new DomainException("Case.Term.AmountPrecision", field);
    }

    /// <summary>Marks the term with this id fulfilled (see the other overload).</summary>
    public void MarkTermFulfilled(int termId, DateOnly fulfilledOn, string? proofNote, DateTime nowUtc, string? userId)
    {
        var term = _terms.SingleOrDefault(t => t.Id == termId && termId != 0)
            ?? throw new DomainException("Case.Term.Unknown");
        MarkTermFulfilled(term, fulfilledOn, proofNote, nowUtc, userId);
    }

    /// <summary>
    /// A pending term was carried out on <paramref name="fulfilledOn"/> (not in the future, not before the case
    /// was registered), with a note of proof. Allowed in mediation, resolved and followed up.
    /// </summary>
    public void MarkTermFulfilled(AgreementTerm term, DateOnly fulfilledOn, string? proofNote, DateTime nowUtc, string? userId)
    {
        if (!_terms.Contains(term)) throw new DomainException("Case.Term.Unknown");
        if (Status is not (CaseStatus.InMediation or CaseStatus.Resolved or CaseStatus.FollowedUp)) throw new DomainException("Case.Step.FulfilTerm");
        if (term.Status == AgreementTermStatus.Withdrawn) throw new DomainException("Case.Term.Withdrawn");
        if (term.Status != AgreementTermStatus.Pending) throw new DomainException("Case.Term.AlreadyFulfilled");
        if (fulfilledOn > CaseText.ChinaDate(nowUtc)) throw new DomainException("Case.Term.FulfilledInFuture", nameof(AgreementTerm.FulfilledOn));
        if (fulfilledOn < CaseText.ChinaDate(RegisteredAtUtc)) throw new DomainException("Case.Term.FulfilledBeforeRegistration", nameof(AgreementTerm.FulfilledOn));
        var proof = CaseText.Required(proofNote, FieldLengths.Reason, "Case.Term.ProofRequired", nameof(AgreementTerm.ProofNote));

        term.Fulfil(fulfilledOn, proof);
        Record(CaseEventKind.TermFulfilled, nowUtc, userId,
            CaseText.Summary(term.ObligatedParty?.Name, term.Description, CaseText.Date(fulfilledOn), proof));
    }

    /// <summary>
    /// InMediation → Resolved. With an agreement the case needs at least one term in force (withdrawn ones do not
    /// count); without one, no term may be pending. The note says how it was resolved.
    /// </summary>
    public void Resolve(bool agreementReached, string? note, DateTime nowUtc, string? userId)
    {
        if (Status != CaseStatus.InMediation) throw new DomainException("Case.Step.Resolve");
        var text = CaseText.Required(note, FieldLengths.Note, "Case.Resolve.NoteRequired", nameof(ResolutionNote));
        if (agreementReached && !_terms.Any(t => t.IsInForce)) throw new DomainException("Case.Resolve.NoTerms");
        if (!agreementReached && _terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Resolve.PendingTermsWithoutAgreement");

        Status = CaseStatus.Resolved;
        Resolution = agreementReached ? CaseResolution.AgreementReached : CaseResolution.ResolvedWithoutAgreement;
        ResolutionNote = text;
        ResolvedAtUtc = nowUtc;
        var day = CaseText.ChinaDate(nowUtc);
        ResolvedDay = day.DayNumber;
        ResolvedMonth = MonthKey(day);
        Record(CaseEventKind.Resolved, nowUtc, userId, text);
    }

    /// <summary>
    /// 回访 after resolution (also a further one after a follow-up): status FollowedUp. With an agreement,
    /// whether it was honoured must be said; without one, it must not. A dissatisfied resident or an agreement
    /// not honoured (a note is then required) reopens the case: back to mediation, with a Reopened event.
    /// </summary>
    public FollowUp RecordFollowUp(DateOnly date, FollowUpMethod method, Satisfaction satisfaction, bool? agreementHonoured, string? note, DateTime nowUtc, string? userId)
    {
        if (Status is not (CaseStatus.Resolved or CaseStatus.FollowedUp)) throw new DomainException("Case.Step.FollowUp");
        method = CaseText.Choice(method, nameof(FollowUp.Method));
        satisfaction = CaseText.Choice(satisfaction, nameof(FollowUp.Satisfaction));
        if (date > CaseText.ChinaDate(nowUtc)) throw new DomainException("Case.FollowUp.InFuture", nameof(FollowUp.Date));
        if (ResolvedAtUtc is { } resolvedAt && date < CaseText.ChinaDate(resolvedAt)) throw new DomainException("Case.FollowUp.BeforeResolution", nameof(FollowUp.Date));
        if (Resolution == CaseResolution.AgreementReached && agreementHonoured is null) throw new DomainException("Case.FollowUp.HonouredRequired", nameof(FollowUp.AgreementHonoured));
        if (Resolution != CaseResolution.AgreementReached && agreementHonoured is not null) throw new DomainException("Case.FollowUp.NoAgreement", nameof(FollowUp.AgreementHonoured));
        var text = CaseText.Optional(note, FieldLengths.Note, nameof(FollowUp.Note));
        var reopens = satisfaction == Satisfaction.Dissatisfied || agreementHonoured == false;
        if (reopens && text is null) throw new DomainException("Case.FollowUp.NoteRequired", nameof(FollowUp.Note));

        var followUp = new FollowUp(this, date, method, satisfaction, agreementHonoured, text);
        _followUps.Add(followUp);
        Status = CaseStatus.FollowedUp;
        Record(CaseEventKind.FollowedUp, nowUtc, userId, CaseText.Summary(CaseText.Date(date), text));
        if (reopens) ReopenNow(text!, nowUtc, userId);
        return followUp;
    }

    /// <summary>FollowedUp → Closed (结案), once every term is fulfilled.</summary>
    public void Close(DateTime nowUtc, string? userId)
    {
        if (Status != CaseStatus.FollowedUp) throw new DomainException("Case.Step.Close");
        if (_terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Close.TermsPending");
        Status = CaseStatus.Closed;
        ClosedAtUtc = nowUtc;
        Record(CaseEventKind.Closed, nowUtc, userId, "");
    }

    /// <summary>Closes an unresolved case as a duplicate, withdrawn or referred elsewhere, with a reason.</summary>
    public void CloseEarly(CaseCloseKind kind, string? reason, DateTime nowUtc, string? userId)
    {
        if (!IsUnresolved) throw new DomainException("Case.Step.CloseEarly");
        // A term still owed would stay on the unit's list, overdue for ever, on a case nobody works any more.
        if (_terms.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.CloseEarly.PendingTerms");
        kind = CaseText.Choice(kind, nameof(CloseKind));
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        Status = CaseStatus.Closed;
        CloseKind = kind;
        CloseReason = text;
        ClosedAtUtc = nowUtc;
        Record(CaseEventKind.ClosedEarly, nowUtc, userId, text);
    }

    /// <summary>Reports an unresolved case to the sub-district (上报街道), with a reason. Its handling goes on meanwhile.</summary>
    public void Escalate(string? reason, DateTime nowUtc, string? userId)
    {
        if (!IsUnresolved) throw new DomainException("Case.Step.Escalate");
        if (IsEscalated) throw new DomainException("Case.Step.AlreadyEscalated");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        IsEscalated = true;
        EscalatedAtUtc = nowUtc;
        EscalationReason = text;
        Record(CaseEventKind.Escalated, nowUtc, userId, text);
    }

    /// <summary>The sub-district takes an escalated open case over, optionally naming its own handler.</summary>
    public void TakeOver(string? handlerUserId, string? note, DateTime nowUtc, string? userId)
    {
        if (!IsOpen || !IsEscalated || TakenOverBySubDistrict) throw new DomainException("Case.Step.TakeOver");
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        TakenOverBySubDistrict = true;
        if (!string.IsNullOrWhiteSpace(handlerUserId)) HandlerUserId = handlerUserId.Trim();
        Record(CaseEventKind.TakenOver, nowUtc, userId, text ?? "");
    }

    /// <summary>
    /// The sub-district hands an escalated open case (taken over or not) back to the community: the escalation
    /// ends. Optionally names the community handler.
    /// </summary>
    public void HandBack(string? handlerUserId, string? note, DateTime nowUtc, string? userId)
    {
        if (!IsOpen || !IsEscalated) throw new DomainException("Case.Step.HandBack");
        var text = CaseText.Optional(note, FieldLengths.Reason, "Note");
        IsEscalated = false;
        TakenOverBySubDistrict = false;
        if (!string.IsNullOrWhiteSpace(handlerUserId)) HandlerUserId = handlerUserId.Trim();
        Record(CaseEventKind.HandedBack, nowUtc, userId, text ?? "");
    }

    /// <summary>
    /// Back to mediation from Resolved, FollowedUp or a normal Closed (not an early close), e.g. when a term is
    /// not honoured. The resolution is cleared (the timeline keeps it); the resolve deadline stays.
    /// </summary>
    public void Reopen(string? reason, DateTime nowUtc, string? userId)
    {
        var reopenable = Status is CaseStatus.Resolved or CaseStatus.FollowedUp || (Status == CaseStatus.Closed && CloseKind is null);
        if (!reopenable) throw new DomainException("Case.Step.Reopen");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        ReopenNow(text, nowUtc, userId);
    }

    private void ReopenNow(string reason, DateTime nowUtc, string? userId)
    {
        Status = CaseStatus.InMediation;
        Resolution = null;
        ResolutionNote = null;
        ResolvedAtUtc = null;
        ResolvedDay = null;
        ResolvedMonth = null;
        ClosedAtUtc = null;
        ReopenCount++;
        Record(CaseEventKind.Reopened, nowUtc, userId, reason);
    }

    // ---- corrections ------------------------------------------------------------------------------------

    /// <summary>Withdraws the term with this id (see the other overload).</summary>
    public void WithdrawTerm(int termId, string? reason, DateTime nowUtc, string? userId)
    {
        var term = _terms.SingleOrDefault(t => t.Id == termId && termId != 0)
            ?? throw new DomainException("Case.Term.Unknown", "TermId");
        WithdrawTerm(term, reason, nowUtc, userId);
    }

    /// <summary>
    /// Withdraws a pending term entered by mistake (¥20,000 typed for ¥2,000), with a reason, while the case is not
    /// closed. Nothing is deleted: the term stays stored with status Withdrawn, but it is no part of the agreement any
    /// more — not printed, not owed, never pending or overdue, so it no longer holds up resolving or closing. The
    /// corrected term is added again with AddTerm (in mediation). A fulfilled term was carried out and cannot be
    /// withdrawn. A case resolved with an agreement keeps at least one term in force: reopen it to replace its last one.
    /// </summary>
    public void WithdrawTerm(AgreementTerm term, string? reason, DateTime nowUtc, string? userId)
    {
        if (!_terms.Contains(term)) throw new DomainException("Case.Term.Unknown", "TermId");
        if (!IsOpen) throw new DomainException("Case.Step.WithdrawTerm");
        if (term.Status == AgreementTermStatus.Withdrawn) throw new DomainException("Case.Term.AlreadyWithdrawn", "TermId");
        if (term.Status == AgreementTermStatus.Fulfilled) throw new DomainException("Case.Term.FulfilledCannotBeWithdrawn", "TermId");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");
        if (Resolution == CaseResolution.AgreementReached && !_terms.Any(t => t != term && t.IsInForce))
            throw new DomainException("Case.Term.LastOfAgreement", "TermId");

        term.Withdraw(nowUtc, text);
        Record(CaseEventKind.TermWithdrawn, nowUtc, userId,
            CaseText.Summary(term.ObligatedParty?.Name, term.Description, term.Amount is { } a ? CaseText.Yuan(a) : null, text));
    }

    /// <summary>Removes the party with this id (see the other overload).</summary>
    public void RemoveParty(int partyId, string? reason, DateTime nowUtc, string? userId)
    {
        var party = _parties.SingleOrDefault(p => p.Id == partyId && partyId != 0)
            ?? throw new DomainException("Case.Party.Unknown", "PartyId");
        RemoveParty(party, reason, nowUtc, userId);
    }

    /// <summary>
    /// Takes a party added by mistake off the case, with a reason, while the case is not closed. Nothing is deleted:
    /// the party stays stored, marked removed, shown as such on the case page, and is no party to the agreement (not
    /// printed, no signature line, not offered for new terms); it may be added again correctly. Refused while the
    /// party owes a pending term (withdraw the term first) or has fulfilled one (it really was a party to the agreement).
    /// </summary>
    public void RemoveParty(CaseParty party, string? reason, DateTime nowUtc, string? userId)
    {
        if (!_parties.Contains(party)) throw new DomainException("Case.Party.Unknown", "PartyId");
        if (!IsOpen) throw new DomainException("Case.Step.RemoveParty");
        if (party.IsRemoved) throw new DomainException("Case.Party.AlreadyRemoved", "PartyId");
        var owed = _terms.Where(t => ReferenceEquals(t.ObligatedParty, party) || (party.Id != 0 && t.ObligatedPartyId == party.Id)).ToList();
        if (owed.Any(t => t.Status == AgreementTermStatus.Pending)) throw new DomainException("Case.Party.OwesPendingTerm", "PartyId");
        if (owed.Any(t => t.Status == AgreementTermStatus.Fulfilled)) throw new DomainException("Case.Party.FulfilledTerm", "PartyId");
        var text = CaseText.Required(reason, FieldLengths.Reason, "Validation.ReasonRequired", "Reason");

        party.Remove(nowUtc, text);
        Record(CaseEventKind.PartyRemoved, nowUtc, userId, CaseText.Summary(party.Name, text));
    }

    /// <summary>A progress note (进展) on an open case; it counts as an update for the staleness rule.</summary>
    public void AddProgressNote(string? text, DateTime nowUtc, string? userId)
    {
        if (!IsOpen) throw new DomainException("Case.Step.AddNote");
        var note = CaseText.Required(text, FieldLengths.Note, "Case.NoteRequired", "Text");
        Record(CaseEventKind.Note, nowUtc, userId, note);
    }

    private void Record(CaseEventKind kind, DateTime nowUtc, string? userId, string summary)
    {
        _events.Add(new CaseEvent(this, nowUtc, userId, kind, CaseText.Summary(summary)));
        if (nowUtc > LastProgressAtUtc) LastProgressAtUtc = nowUtc;
        UpdateDueAtUtc = LastProgressAtUtc.AddDays(UpdateEveryDays);
        Revision++;
    }
}
