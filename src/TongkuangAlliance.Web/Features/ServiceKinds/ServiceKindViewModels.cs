using System.ComponentModel.DataAnnotations;

namespace TongkuangAlliance.Web.Features.ServiceKinds;

public sealed record ServiceKindRow(int Id, string Name, string NameEn, int SortOrder, bool IsActive, int Activities);

public sealed class ServiceKindInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ServiceKinds.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "ServiceKinds.NameEn")]
    public string? NameEn { get; set; }

    [Range(0, 1000, ErrorMessage = "Validation.Range")]
    [Display(Name = "ServiceKinds.SortOrder")]
    public int SortOrder { get; set; }

    [Display(Name = "ServiceKinds.IsActive")]
    public bool IsActive { get; set; } = true;

    public Guid Version { get; set; }
}
