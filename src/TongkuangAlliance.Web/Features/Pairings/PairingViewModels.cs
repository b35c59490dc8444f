using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Pairings;

/// <summary>Which pairings the list shows; active ones by default.</summary>
public enum PairingListStatus
{
    Active,
    Ended,
    All,
}

public sealed record PairingListItem(int Id, int MemberUnitId, string UnitName, int CommunityId, string CommunityName, DateOnly StartDate, DateOnly? EndDate, string? EndReason);

public sealed class PairingIndexViewModel
{
    public required PagedList<PairingListItem> Pairings { get; init; }

    /// <summary>Text searched in the unit's and the community's names.</summary>
    public string? Query { get; init; }
    public required PairingListStatus Status { get; init; }
    public int? CommunityId { get; init; }
    public int? UnitId { get; init; }
    public required IReadOnlyList<SelectListItem> Communities { get; init; }
    public required IReadOnlyList<SelectListItem> Units { get; init; }
}

public sealed class PairingInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MemberUnit")]
    public int? MemberUnitId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Community")]
    public int? CommunityId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.StartDate")]
    [DateInRange]
    public DateOnly? StartDate { get; set; }

    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Note")]
    public string? Note { get; set; }
}

/// <summary>The pairing being ended, shown above the form.</summary>
public sealed record PairingSummary(int Id, int MemberUnitId, string UnitName, int CommunityId, string CommunityName, DateOnly StartDate, DateOnly? EndDate, string? EndReason, string? Note, Guid Version);

/// <summary>Field names match <see cref="Core.Structure.Pairing.End"/>'s domain errors, so they land next to their inputs.</summary>
public sealed class PairingEndInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EndDate")]
    [DateInRange]
    public DateOnly? EndDate { get; set; }

    [Required(ErrorMessage = "Validation.ReasonRequired")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.EndReason")]
    public string? EndReason { get; set; }

    /// <summary>The concurrency token of the pairing as it was when the form was opened.</summary>
    public Guid Version { get; set; }
}
