using System.ComponentModel.DataAnnotations;

namespace TongkuangAlliance.Web.Features.Communities;

public sealed record CommunityListItem(int Id, string Name, string PartyCommitteeName, string? SecretaryName, int Compounds, int Grids, int ActivePairings);

public sealed class CommunityIndexViewModel
{
    public required PagedList<CommunityListItem> Communities { get; init; }
    public string? Query { get; init; }
    public bool CanCreate { get; init; }
}

public sealed record BuildingItem(int Id, string Name, string CompoundName, string? ChiefName, string? ChiefPhone);
public sealed record GridItem(int Id, string Name, string? ChiefName, string? ChiefPhone, IReadOnlyList<BuildingItem> Buildings);
public sealed record CompoundItem(int Id, string Name, string? PartyBranchName, string? Address, int Buildings);
public sealed record PairingItem(int PairingId, int MemberUnitId, string UnitName, string PartyOrganisationName, DateOnly StartDate, DateOnly? EndDate);

public sealed class CommunityDetailsViewModel
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required string PartyCommitteeName { get; init; }
    public string? SecretaryName { get; init; }
    public string? OfficePhone { get; init; }
    public string? Address { get; init; }
    public int? Households { get; init; }
    public required IReadOnlyList<CompoundItem> Compounds { get; init; }
    public required IReadOnlyList<GridItem> Grids { get; init; }
    public required IReadOnlyList<PairingItem> Pairings { get; init; }
    public bool CanEdit { get; init; }
    public bool CanManagePairings { get; init; }
}

public sealed class CommunityInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CommunityName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PartyCommitteeName")]
    public string? PartyCommitteeName { get; set; }

    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.SecretaryName")]
    public string? SecretaryName { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.OfficePhone")]
    public string? OfficePhone { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Address")]
    public string? Address { get; set; }

    [Range(0, 1_000_000, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.Households")]
    public int? Households { get; set; }

    public RobotInput Robot { get; set; } = new();

    /// <summary>The concurrency token of the record as it was when the form was opened.</summary>
    public Guid Version { get; set; }
}
