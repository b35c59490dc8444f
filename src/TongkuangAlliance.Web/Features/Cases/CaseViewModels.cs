using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>The list's filters (query string), shared by Index and Export.</summary>
public sealed class CaseFilter
{
    public CaseKind? Kind { get; set; }
    /// <summary>The state filter, in the one vocabulary (<see cref="CaseStates"/>).</summary>
    public CaseState? State { get; set; }

    /// <summary>A stored status from a link made before the states (?status=Closed); no form offers it.</summary>
    public CaseStatus? Status { get; set; }
    public int? CommunityId { get; set; }
    public int? CategoryId { get; set; }
    public bool Overdue { get; set; }

    /// <summary>即将超期: not overdue yet, but its deadline falls in the next three days (<see cref="Case.DueSoonAt"/>).</summary>
    public bool DueSoon { get; set; }
    public bool Escalated { get; set; }

    /// <summary>What the sub-district watches: open escalated cases and overdue ones (either, not both).</summary>
    public bool Attention { get; set; }
    public bool Mine { get; set; }
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }

    // The dashboards' filters (DashboardRules): each dashboard number links to the list with these.
    public int? GridId { get; set; }
    public int? CompoundId { get; set; }
    public DateOnly? ResolvedFrom { get; set; }
    public DateOnly? ResolvedTo { get; set; }

    /// <summary>Still to be resolved (registered, accepted, in mediation).</summary>
    public bool Open { get; set; }

    /// <summary>Registered without a grid (no building): the community's own queue (issue 20 #7).</summary>
    public bool NoGrid { get; set; }

    /// <summary>Not closed yet: what the grid summary counts as 未结.</summary>
    public bool Unclosed { get; set; }

    /// <summary>Has a standing resolution.</summary>
    public bool Resolved { get; set; }
    public bool NeverEscalated { get; set; }
    public DateOnly? FollowedFrom { get; set; }
    public DateOnly? FollowedTo { get; set; }

    /// <summary>With FollowedFrom/To: none of the period's follow-ups says dissatisfied.</summary>
    public bool Satisfied { get; set; }

    /// <summary>Whether any dashboard filter is set (the list then says which figure it shows).</summary>
    public bool HasDashboardFilter => GridId is not null || CompoundId is not null || ResolvedFrom is not null || ResolvedTo is not null
        || Open || NoGrid || Unclosed || Resolved || NeverEscalated || FollowedFrom is not null || FollowedTo is not null || Satisfied;

    [StringLength(100)]
    public string? Q { get; set; }

    /// <summary>newest (default), oldest, due.</summary>
    public string? Sort { get; set; }
}

public sealed record CaseListItem(
    int Id, string Number, CaseKind Kind, string Title, string CommunityName, string CategoryName, CaseState State,
    bool IsOverdue, bool IsStale, bool IsEscalated, string? HandlerName, DateTime RegisteredAtUtc, string ReporterName, string ReporterPhone,
    bool NoGrid)
{
    public string MaskedPhone => ChinesePhone.Mask(ReporterPhone);
}


public sealed class CaseIndexViewModel
{
    public required PagedList<CaseListItem> Cases { get; init; }
    public required CaseFilter Filter { get; init; }
    public required IReadOnlyList<Option> Communities { get; init; }
    public required IReadOnlyList<Option> Categories { get; init; }
    public bool ShowCommunityFilter { get; init; }

    /// <summary>The link to the categories and their deadlines (the sub-district's page).</summary>
    public bool CanManageCategories { get; init; }
}

/// <summary>The intake form (create and edit).</summary>
public sealed class CaseInput
{
    // A choice the form always sends: a crafted post without it is refused, never saved as the default.
    [BindRequired]
    [Display(Name = "Field.CaseKind")]
    public CaseKind Kind { get; set; } = CaseKind.Dispute;

    [BindRequired]
    [Display(Name = "Field.CaseSource")]
    public CaseSource Source { get; set; } = CaseSource.WalkIn;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ReporterName")]
    public string? ReporterName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ReporterPhone")]
    public string? ReporterPhone { get; set; }

    [Display(Name = "Field.Community")]
    public int CommunityId { get; set; }

    [Display(Name = "Field.Compound")]
    public int? CompoundId { get; set; }

    [Display(Name = "Field.Grid")]
    public int? GridId { get; set; }

    [Display(Name = "Field.Building")]
    public int? BuildingId { get; set; }

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Category")]
    public int? CategoryId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Title, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CaseTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Description, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    /// <summary>China time, from a datetime-local input.</summary>
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.OccurredAt")]
    [DateInRange]
    public DateTime? OccurredAt { get; set; }

    [BindRequired]
    [Display(Name = "Field.Urgency")]
    public CaseUrgency Urgency { get; set; } = CaseUrgency.Normal;

    public Guid Version { get; set; }
}

public sealed class CaseFormViewModel
{
    public required CaseInput Input { get; init; }
    public int? Id { get; init; }

    /// <summary>Editing: the stored phone, masked; the phone field starts empty and, left empty, keeps it.</summary>
    public string? CurrentPhoneMasked { get; init; }
    public string? Number { get; init; }
    public required IReadOnlyList<Option> Communities { get; init; }
    public bool CommunityFixed { get; init; }
    public string? CommunityName { get; init; }
    public required IReadOnlyList<Option> Compounds { get; init; }
    public required IReadOnlyList<Option> Grids { get; init; }
    public required IReadOnlyList<Option> Buildings { get; init; }
    public required IReadOnlyList<Option> Categories { get; init; }
}

/// <param name="Removed">When and why the party was taken off the case as added by mistake; null while it is a party.</param>
public sealed record PartyItem(int Id, CasePartyKind Kind, string Name, string? Phone, CasePartyRole Role, bool PhoneShown = false, Correction? Removed = null)
{
    /// <summary>Basic information (issue 18); the ID number masked unless <see cref="IdNumberShown"/>.</summary>
    public PartyInfo Info { get; init; } = PartyInfo.None;
    public bool IdNumberShown { get; init; }
}

/// <summary>A party's basic information as the case page shows it (the ID number masked unless revealed).</summary>
public sealed record PartyInfo(
    PartyGender? Gender, DateOnly? BirthDate, int? Age, string? Ethnicity, string? Occupation, string? Address, string? IdNumber,
    string? RepresentativeName, string? RepresentativeTitle, string? ContactPerson, string? AgentName)
{
    public static PartyInfo None { get; } = new(null, null, null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// Parties entered at registration (issue 18): the reporter as the applying resident, with basic information, and the
/// other side (a resident or an outside organisation; member units are added on the case page). Added with the case
/// before it is saved: a refused party leaves nothing registered.
/// </summary>
public sealed class IntakeParties
{
    public bool ReporterIsParty { get; set; }
    public PartyProfileInput Reporter { get; set; } = new();
    public CasePartyKind OtherKind { get; set; } = CasePartyKind.OutsideOrganisation;
    public string? OtherName { get; set; }
    public string? OtherPhone { get; set; }
    public PartyProfileInput Other { get; set; } = new();

    public void AddTo(Case kase, DateTime nowUtc, string? userId, IPersonalNumberProtector protector)
    {
        try
        {
            if (ReporterIsParty)
                kase.AddParty(CasePartyKind.Resident, kase.ReporterName, kase.ReporterPhone, null, CasePartyRole.Complainant, nowUtc, userId, Reporter.ToProfile(), protector);
            if (!string.IsNullOrWhiteSpace(OtherName))
            {
                if (OtherKind == CasePartyKind.MemberUnit) throw new DomainException("Case.InvalidChoice");
                kase.AddParty(OtherKind, OtherName, OtherPhone, null, CasePartyRole.Respondent, nowUtc, userId, Other.ToProfile(), protector);
            }
        }
        catch (DomainException error) when (error.Field is not null)
        {
            // The form's party fields are not the case's: the message goes to the form's summary.
            throw new DomainException(error.MessageKey);
        }
    }
}

/// <summary>The basic-information fields of a party form (<see cref="CasePartyProfile"/>); the Core checks them.</summary>
public sealed class PartyProfileInput
{
    public PartyGender? Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public int? Age { get; set; }
    public string? Ethnicity { get; set; }
    public string? Occupation { get; set; }
    public string? Address { get; set; }
    public string? IdNumber { get; set; }
    public string? RepresentativeName { get; set; }
    public string? RepresentativeTitle { get; set; }
    public string? ContactPerson { get; set; }
    public string? AgentName { get; set; }

    public CasePartyProfile ToProfile() => new(Gender, BirthDate, Age, Ethnicity, Occupation, Address, IdNumber,
        RepresentativeName, RepresentativeTitle, ContactPerson, AgentName);
}
public sealed record SessionItem(DateTime HeldAtUtc, string Place, string ConvenedBy, string Attendees, string? Minutes, string? Outcome);
/// <param name="Withdrawn">When and why the term was withdrawn as entered by mistake; null while it is in force.</param>
public sealed record TermItem(int Id, string ObligatedParty, AgreementTermKind Kind, string Description, decimal? Amount, DateOnly DueDate, AgreementTermStatus Status, bool IsOverdue, DateOnly? FulfilledOn, string? ProofNote, Correction? Withdrawn = null);
public sealed record FollowUpItem(DateOnly Date, FollowUpMethod Method, Satisfaction Satisfaction, bool? AgreementHonoured, string? Note);
public sealed record EventItem(CaseEventKind Kind, string Summary, string? UserName, DateTime AtUtc);

public sealed class CaseDetailsViewModel
{
    public required int Id { get; init; }
    public required string Number { get; init; }
    public required Guid Version { get; init; }
    public required CaseKind Kind { get; init; }
    public required CaseSource Source { get; init; }
    public required CaseStatus Status { get; init; }
    public required CaseState State { get; init; }
    public required CaseUrgency Urgency { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string ReporterName { get; init; }
    public required string ReporterPhone { get; init; }
    public bool PhoneRevealed { get; init; }
    public required string CommunityName { get; init; }
    public string? CompoundName { get; init; }
    public string? GridName { get; init; }
    public string? BuildingName { get; init; }
    public required string CategoryName { get; init; }
    public required DateTime OccurredAtUtc { get; init; }
    public required DateTime RegisteredAtUtc { get; init; }
    public DateTime? AcceptedAtUtc { get; init; }
    public required DateTime AcceptDueAtUtc { get; init; }
    public required DateTime ResolveDueAtUtc { get; init; }
    public required DateTime UpdateDueAtUtc { get; init; }
    public string? HandlerName { get; init; }
    public bool IsOverdue { get; init; }
    public bool IsStale { get; init; }
    public bool IsEscalated { get; init; }
    public bool TakenOverBySubDistrict { get; init; }
    public CaseResolution? Resolution { get; init; }
    public string? ResolutionNote { get; init; }
    public CaseCloseKind? CloseKind { get; init; }
    public string? CloseReason { get; init; }
    public required IReadOnlyList<PartyItem> Parties { get; init; }
    public required IReadOnlyList<SessionItem> Sessions { get; init; }

    /// <summary>Sessions held that this user may not read (a grid worker not handling the case): only their number shows.</summary>
    public int SessionsWithheld { get; init; }

    public bool CanPrintAgreement { get; init; }

    /// <summary>The newest timeline entry's id, carried by the step forms to tell, after a conflict, what changed since.</summary>
    public long LastEventId { get; init; }

    /// <summary>After a step refused because the case changed meanwhile: the entries added since the user's page.</summary>
    public IReadOnlyList<EventItem>? ChangedMeanwhile { get; init; }
    public required IReadOnlyList<TermItem> Terms { get; init; }
    public required IReadOnlyList<FollowUpItem> FollowUps { get; init; }
    public required IReadOnlyList<EventItem> Events { get; init; }
    public required IReadOnlyList<SelectListItem> Handlers { get; init; }
    public required IReadOnlyList<Option> MemberUnits { get; init; }
    public required CaseSteps Steps { get; init; }

    /// <summary>The grid worker's visit this case came from (issue 9), if any.</summary>
    public int? FromVisitId { get; init; }
    public string? FromVisit { get; init; }

    /// <summary>Withdrawn terms, removed parties and the correction steps (<see cref="CaseCorrections"/>).</summary>
    public CaseCorrections Corrections { get; init; } = CaseCorrections.None;
}

/// <summary>
/// Which step forms the page shows: the steps the case's state allows (<see cref="Case.AvailableSteps"/>) that the user may
/// take (the case authorization handler), both decided by <see cref="CaseDetailsQuery"/>.
/// </summary>
public sealed record CaseSteps(IReadOnlySet<CaseStep> Shown)
{
    public bool Edit => Shown.Contains(CaseStep.Edit);
    public bool Accept => Shown.Contains(CaseStep.Accept);
    public bool StartMediation => Shown.Contains(CaseStep.StartMediation);
    public bool AddParty => Shown.Contains(CaseStep.AddParty);
    public bool RecordSession => Shown.Contains(CaseStep.RecordSession);
    public bool AddTerm => Shown.Contains(CaseStep.AddTerm);
    public bool FulfilTerm => Shown.Contains(CaseStep.FulfilTerm);
    public bool Resolve => Shown.Contains(CaseStep.Resolve);
    public bool FollowUp => Shown.Contains(CaseStep.FollowUp);
    public bool Close => Shown.Contains(CaseStep.Close);
    public bool CloseEarly => Shown.Contains(CaseStep.CloseEarly);
    public bool Escalate => Shown.Contains(CaseStep.Escalate);
    public bool TakeOver => Shown.Contains(CaseStep.TakeOver);
    public bool HandBack => Shown.Contains(CaseStep.HandBack);
    public bool Reopen => Shown.Contains(CaseStep.Reopen);
    public bool AddNote => Shown.Contains(CaseStep.AddNote);

    /// <summary>Any step form at all under "next steps" (editing and the corrections are elsewhere on the page).</summary>
    public bool Any => Accept || StartMediation || AddParty || RecordSession || AddTerm || FulfilTerm || Resolve
                       || FollowUp || Close || CloseEarly || Escalate || TakeOver || HandBack || Reopen || AddNote;
}

/// <summary>When and why a party was removed or a term withdrawn (entered by mistake).</summary>
public sealed record Correction(DateTime AtUtc, string Reason);

/// <summary>
/// Correcting what was entered by mistake on a case: which correction steps the user may take now and the handler
/// picker's current value. Removed parties and withdrawn terms carry their <see cref="Correction"/> themselves.
/// </summary>
public sealed class CaseCorrections(IReadOnlySet<CaseStep> shown)
{
    public static CaseCorrections None { get; } = new(new HashSet<CaseStep>());

    /// <summary>Withdraw a pending term: the case is not closed and has one.</summary>
    public bool WithdrawTerm => shown.Contains(CaseStep.WithdrawTerm);

    /// <summary>Remove a party: the case is not closed and has a party that was not removed.</summary>
    public bool RemoveParty => shown.Contains(CaseStep.RemoveParty);

    /// <summary>Change the handler: accepted, not closed, and the user is of the committees (the sub-district only once it took the case over).</summary>
    public bool ChangeHandler => shown.Contains(CaseStep.ChangeHandler);

    public string? HandlerUserId { get; init; }

    public bool Any => WithdrawTerm || RemoveParty || ChangeHandler;
}
