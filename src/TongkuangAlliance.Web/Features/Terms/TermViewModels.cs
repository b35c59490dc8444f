using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Terms;

/// <summary>
/// One agreement term as the terms list shows it: only what the obligation itself needs (no reporter, no
/// phone, no minutes, no other party's terms), so a paired unit can be shown it.
/// </summary>
public sealed record TermRow(
    int Id, int CaseId, string CaseNumber, string CommunityName, string ObligatedPartyName, AgreementTermKind Kind,
    string Description, decimal? Amount, DateOnly DueDate, AgreementTermStatus Status, DateOnly? FulfilledOn)
{
    public bool IsOverdue(DateOnly today) => Status == AgreementTermStatus.Pending && DueDate < today;
}

public static class TermFilters
{
    public const string Pending = "pending";
    public const string Overdue = "overdue";
    public const string Fulfilled = "fulfilled";
    public static readonly IReadOnlyList<string> All = [Pending, Overdue, Fulfilled];
}

public sealed class TermIndexViewModel
{
    public required PagedList<TermRow> Terms { get; init; }
    public string? Status { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Staff see a link to the case; a unit does not (it may not open cases).</summary>
    public bool CanOpenCases { get; init; }

    /// <summary>Opened from a dashboard number (filtered by unit or fulfilment period).</summary>
    public bool FromDashboard { get; init; }
}

public sealed class TermFulfilViewModel
{
    public required TermRow Term { get; init; }
    public required DateOnly Today { get; init; }
    public required TermFulfilInput Input { get; init; }
}

public sealed class TermFulfilInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Terms.FulfilledOnField")]
    [DateInRange]
    public DateOnly? FulfilledOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Terms.ProofNote")]
    public string? ProofNote { get; set; }

    /// <summary>The case's concurrency token when the form was opened: any change to the case since refuses the save.</summary>
    public Guid Version { get; set; }
}
