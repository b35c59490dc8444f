using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TongkuangAlliance.Web.Features.Grids;

public sealed record GridListItem(int Id, string Name, int CommunityId, string CommunityName, string? ChiefName, string? ChiefPhone, int Buildings, int VacantBuildingChiefs)
{
    public bool HasVacancy => ChiefName is null || VacantBuildingChiefs > 0;
}

public sealed class GridIndexViewModel
{
    public required PagedList<GridListItem> Grids { get; init; }
    public string? Query { get; init; }
    public int? CommunityId { get; init; }
    public bool VacantOnly { get; init; }

    /// <summary>The community filter, offered to the sub-district committee only (others see one community or a few).</summary>
    public IReadOnlyList<SelectListItem>? Communities { get; init; }

    /// <summary>Set when the user may add grids to its own community (the community committee: CommunityAuthorizationHandler).</summary>
    public int? CreateForCommunityId { get; init; }

    public bool IsFiltered => !string.IsNullOrWhiteSpace(Query) || CommunityId is not null || VacantOnly;
}

public sealed record GridBuildingItem(int Id, string Name, int CompoundId, string CompoundName, string? ChiefName, string? ChiefPhone);

public sealed class GridDetailsViewModel
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required int CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public string? ChiefName { get; init; }
    public string? ChiefPhone { get; init; }
    public required IReadOnlyList<GridBuildingItem> Buildings { get; init; }
    public bool CanEdit { get; init; }

    public int VacantBuildingChiefs => Buildings.Count(b => b.ChiefName is null);
}

/// <summary>
/// What an edit form shows around its input: where the record sits (for breadcrumbs and the cancel link),
/// which action the form posts to, and the choices of its selects.
/// </summary>
public sealed class StructureFormContext
{
    /// <summary>The controller the form posts to (Grids, Compounds or Buildings; the URLs all start with /Grids).</summary>
    public required string Controller { get; init; }

    public required string Action { get; init; }
    public int? Id { get; init; }
    public required int CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public int? GridId { get; init; }
    public string? GridName { get; init; }

    /// <summary>Query-string values the form posts back with (communityId or gridId on create).</summary>
    public Dictionary<string, string> RouteValues { get; init; } = [];

    public IReadOnlyList<SelectListItem> Compounds { get; init; } = [];
    public IReadOnlyList<SelectListItem> Grids { get; init; } = [];
}

/// <summary>A chief post: both name and phone, or both empty when the post is vacant.</summary>
public sealed class ContactInput
{
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ChiefName")]
    public string? Name { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ChiefPhone")]
    public string? Phone { get; set; }
}

public sealed class GridInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.GridName")]
    public string? Name { get; set; }

    public ContactInput Chief { get; set; } = new();

    /// <summary>The concurrency token of the record as it was when the form was opened.</summary>
    public Guid Version { get; set; }
}

public sealed class CompoundInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.CompoundName")]
    public string? Name { get; set; }

    [StringLength(FieldLengths.Address, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Address")]
    public string? Address { get; set; }

    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PartyBranchName")]
    public string? PartyBranchName { get; set; }

    public Guid Version { get; set; }
}

public sealed class BuildingInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.BuildingName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Compound")]
    public int? CompoundId { get; set; }

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Grid")]
    public int? GridId { get; set; }

    public ContactInput Chief { get; set; } = new();

    public Guid Version { get; set; }
}
