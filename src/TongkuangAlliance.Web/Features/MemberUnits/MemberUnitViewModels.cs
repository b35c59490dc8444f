using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Features.MemberUnits;

public sealed record MemberUnitListItem(int Id, string Name, MemberUnitKind Kind, string PartyOrganisationName, string? ContactName, string? ContactPhone, int ActivePairings);

public sealed class MemberUnitIndexViewModel
{
    public required PagedList<MemberUnitListItem> Units { get; init; }
    public string? Query { get; init; }
    public MemberUnitKind? Kind { get; init; }
    public bool CanCreate { get; init; }
}

/// <summary>One pairing of the unit. <see cref="CanOpenCommunity"/> is true only when the user may see the community's page.</summary>
public sealed record UnitPairingItem(int PairingId, int CommunityId, string CommunityName, DateOnly StartDate, DateOnly? EndDate, string? EndReason, string? Note, bool CanOpenCommunity);

public sealed class MemberUnitDetailsViewModel
{
    public required int Id { get; init; }
    public required string Name { get; init; }
    public required MemberUnitKind Kind { get; init; }
    public required string PartyOrganisationName { get; init; }
    public string? ContactName { get; init; }
    public string? ContactPhone { get; init; }
    public required IReadOnlyList<UnitPairingItem> Pairings { get; init; }
    public bool CanEdit { get; init; }
    public bool CanManagePairings { get; init; }
}

/// <summary>The unit's contact person: both fields or neither (checked by <see cref="Contact.FromInput"/>).</summary>
public sealed class ContactInput
{
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ContactName")]
    public string? Name { get; set; }

    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [RegularExpression(ChinesePhone.Pattern, ErrorMessage = "Validation.Phone")]
    [Display(Name = "Field.ContactPhone")]
    public string? Phone { get; set; }
}

public sealed class MemberUnitInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.UnitName")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.UnitKind")]
    public MemberUnitKind? Kind { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PartyOrganisationName")]
    public string? PartyOrganisationName { get; set; }

    public ContactInput Contact { get; set; } = new();

    public RobotInput Robot { get; set; } = new();

    /// <summary>The concurrency token of the record as it was when the form was opened.</summary>
    public Guid Version { get; set; }
}
