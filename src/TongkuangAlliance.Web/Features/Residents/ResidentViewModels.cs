using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TongkuangAlliance.Web.Features.Residents;

/// <summary>What a resident sends: what, where, a name to address them by and a phone to call back.</summary>
public sealed class ResidentReportInput
{
    // A choice the form always sends: a crafted post without it is refused (issue 20 #17), not filed as a request.
    [BindRequired]
    [Display(Name = "Field.ResidentKind")]
    public CaseKind Kind { get; set; } = CaseKind.Request;

    [Display(Name = "Field.Community")]
    public int? CommunityId { get; set; }

    /// <summary>From the stairwell QR code, or chosen on the form.</summary>
    [Display(Name = "Field.Building")]
    public int? BuildingId { get; set; }

    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ResidentPlace")]
    public string? PlaceDetail { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(1800, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ResidentDescription")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ResidentYourName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ResidentPhone")]
    public string? Phone { get; set; }

    /// <summary>Honeypot: hidden from people, filled in by bots. Anything in it refuses the submission.</summary>
    public string? Website { get; set; }
}

/// <summary>The place a QR code names, shown (never edited) on the form.</summary>
public sealed record ResidentPlace(int BuildingId, int CommunityId, string CommunityName, string CompoundName, string BuildingName);

public sealed class ResidentReportViewModel
{
    public required ResidentReportInput Input { get; init; }
    public ResidentPlace? Place { get; init; }
    public required IReadOnlyList<Option> Communities { get; init; }

    /// <summary>Buildings grouped by "community · compound" for the place picker.</summary>
    public required IReadOnlyList<GroupedOption> Buildings { get; init; }
}


public sealed class ResidentStatusInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.CaseNumber, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CaseNumber")]
    public string? Number { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ResidentPhone")]
    public string? Phone { get; set; }
}

/// <summary>All a resident learns about a case: its number, status and dates. Nothing else.</summary>
public sealed record ResidentStatusResult(string Number, CaseState State, DateTime RegisteredAtUtc, DateTime LastProgressAtUtc, DateTime? ClosedAtUtc);

public sealed class ResidentStatusViewModel
{
    public required ResidentStatusInput Input { get; init; }
    public ResidentStatusResult? Result { get; init; }
    public bool NotFound { get; init; }
}
