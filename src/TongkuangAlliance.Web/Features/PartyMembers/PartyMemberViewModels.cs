using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.PartyMembers;

/// <summary>One party member's registry entry, as staff register or correct it by hand (the unit's file import does many at once).</summary>
public sealed class PartyMemberInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Name")]
    public string? Name { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Phone, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Phone")]
    public string? Phone { get; set; }

    [Display(Name = "Field.MemberUnit")]
    public int? MemberUnitId { get; set; }

    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Members.OtherEmployer")]
    public string? EmployerName { get; set; }

    [StringLength(PartyMember.BranchLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.PartyBranch")]
    public string? PartyBranch { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.HomeCommunity")]
    public int? HomeCommunityId { get; set; }

    [Display(Name = "Field.Compound")]
    public int? HomeCompoundId { get; set; }

    [StringLength(PartyMember.SkillsLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Skills")]
    public string? Skills { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.ReportedOn")]
    [DateInRange]
    public DateOnly? ReportedOn { get; set; }

    // Only the edit form has it (a new member is active): PartyMembersController refuses an edit without it (issue 20 #17).
    [Display(Name = "Field.MemberStatus")]
    public PartyMemberStatus Status { get; set; } = PartyMemberStatus.Active;

    public Guid Version { get; set; }
}



/// <summary>What the form offers within the user's scope: a community committee registers its own residents, a unit its own employees.</summary>
public sealed record PartyMemberFormOptions(IReadOnlyList<Option> Communities, IReadOnlyList<Option> Compounds, IReadOnlyList<Option> Units, bool IsNew);
