using System.ComponentModel.DataAnnotations;

namespace TongkuangAlliance.Web.Features.CaseCategories;

public sealed record CaseCategoryRow(int Id, string Name, string NameEn, int AcceptWithinDays, int UpdateEveryDays, int ResolveWithinDays, int SortOrder, bool IsActive, int Cases);

public sealed class CaseCategoryInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CaseCategories.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "CaseCategories.NameEn")]
    public string? NameEn { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, CaseCategory.MaxDays, ErrorMessage = "Validation.Range")]
    [Display(Name = "CaseCategories.AcceptWithinDays")]
    public int? AcceptWithinDays { get; set; } = CaseCategory.DefaultAcceptWithinDays;

    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, CaseCategory.MaxDays, ErrorMessage = "Validation.Range")]
    [Display(Name = "CaseCategories.UpdateEveryDays")]
    public int? UpdateEveryDays { get; set; } = CaseCategory.DefaultUpdateEveryDays;

    [Required(ErrorMessage = "Validation.Required")]
    [Range(1, CaseCategory.MaxDays, ErrorMessage = "Validation.Range")]
    [Display(Name = "CaseCategories.ResolveWithinDays")]
    public int? ResolveWithinDays { get; set; } = CaseCategory.DefaultResolveWithinDays;

    [Range(0, 1000, ErrorMessage = "Validation.Range")]
    [Display(Name = "CaseCategories.SortOrder")]
    public int SortOrder { get; set; }

    [Display(Name = "CaseCategories.IsActive")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}
