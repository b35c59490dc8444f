using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.GridWork;

public sealed record BuildingRow(int Id, string CompoundName, string Name, string? ChiefName, string? ChiefPhone);

public sealed record GridCaseRow(int Id, string Number, string Title, CaseState State, CaseUrgency Urgency, CaseSource Source, bool IsOverdue, bool IsStale, DateTime RegisteredAtUtc);

public sealed record MyGrid(int Id, string Name, string CommunityName, string? ChiefName, string? ChiefPhone, IReadOnlyList<BuildingRow> Buildings, IReadOnlyList<GridCaseRow> OpenCases);

public sealed class MyGridViewModel
{
    public required IReadOnlyList<MyGrid> Grids { get; init; }
    public int VisitsThisMonth { get; init; }

    /// <summary>This China month as yyyy-MM: the visits list's filter behind <see cref="VisitsThisMonth"/>.</summary>
    public string ThisMonth { get; init; } = "";
}

/// <summary>
/// The quick intake of a grid worker: what turning a visit into a case asks, plus the building (which fixes the
/// community, compound and grid) and a description.
/// </summary>
public sealed class QuickIntakeInput : VisitCaseInput
{
    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Building")]
    public int? BuildingId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Description, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }
}


public sealed class QuickIntakeViewModel
{
    public required QuickIntakeInput Input { get; init; }
    public required IReadOnlyList<GroupedOption> Buildings { get; init; }
    public required IReadOnlyList<Option> Categories { get; init; }
    public string? CommunityName { get; init; }
}

public sealed class VisitInput
{
    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Grid")]
    public int? GridId { get; set; }

    [Display(Name = "Field.Building")]
    public int? BuildingId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.VisitPlace")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.VisitedOn")]
    [DateInRange]
    public DateOnly? VisitedOn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Note, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Findings")]
    public string? Findings { get; set; }

    [Display(Name = "Field.FollowUpNeeded")]
    public bool FollowUpNeeded { get; set; }

    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.FollowUpNote")]
    public string? FollowUpNote { get; set; }
}

public sealed class VisitFormViewModel
{
    public required VisitInput Input { get; init; }
    public required IReadOnlyList<Option> Grids { get; init; }
    public required IReadOnlyList<GroupedOption> Buildings { get; init; }
}

public sealed class VisitFilter
{
    public int? GridId { get; set; }

    /// <summary>yyyy-MM.</summary>
    [StringLength(7)]
    public string? Month { get; set; }

    public bool FollowUp { get; set; }

    [StringLength(100)]
    public string? Q { get; set; }
}

public sealed record VisitRow(int Id, DateOnly VisitedOn, string CommunityName, string GridName, string? BuildingName, string Place, string Findings, bool FollowUpNeeded, int? CaseId, string? CaseNumber, string? VisitorName);

public sealed class VisitIndexViewModel
{
    public required PagedList<VisitRow> Visits { get; init; }
    public required VisitFilter Filter { get; init; }
    public required IReadOnlyList<Option> Grids { get; init; }
    public bool CanRecord { get; init; }
}

/// <summary>Turning a visit into a case: what the visit does not already say.</summary>
public class VisitCaseInput
{
    // Choices the form always sends: a crafted post without one is refused (issue 20 #17).
    [BindRequired]
    [Display(Name = "Field.CaseKind")]
    public CaseKind Kind { get; set; } = CaseKind.Request;

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Category")]
    public int? CategoryId { get; set; }

    [BindRequired]
    [Display(Name = "Field.Urgency")]
    public CaseUrgency Urgency { get; set; } = CaseUrgency.Normal;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ReporterName")]
    public string? ReporterName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ReporterPhone")]
    public string? ReporterPhone { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Title, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CaseTitle")]
    public string? Title { get; set; }

    public Guid Version { get; set; }
}

public sealed class VisitDetailsViewModel
{
    public required VisitRow Visit { get; init; }
    public string? FollowUpNote { get; init; }
    public required VisitCaseInput CaseInput { get; init; }
    public required IReadOnlyList<Option> Categories { get; init; }
    public bool CanMakeCase { get; init; }
}

public sealed record GridSummaryRow(int GridId, string CommunityName, string GridName, int OpenCases, int Cases, int SettledBelow, int WentUp, int VisitsThisMonth, IReadOnlyList<int> VisitsByMonth);

public sealed class GridSummaryViewModel
{
    public required IReadOnlyList<GridSummaryRow> Rows { get; init; }
    public required IReadOnlyList<string> Months { get; init; }

    /// <summary>Cases registered without a grid (at the community's door, or a resident's form without a building), per community: the community's own queue.</summary>
    public required IReadOnlyList<(int CommunityId, string CommunityName, int OpenCases, int Cases, int SettledBelow, int WentUp)> WithoutGrid { get; init; }
}

public sealed record SheetBuilding(int Id, string CommunityName, string CompoundName, string BuildingName, string GridName, string? ChiefName, string? ChiefPhone, string Url, string QrPngBase64);

public sealed class SheetViewModel
{
    public required IReadOnlyList<SheetBuilding> Buildings { get; init; }
    public string? GridName { get; init; }
}
