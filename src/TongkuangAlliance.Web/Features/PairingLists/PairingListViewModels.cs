using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.PairingLists;

public sealed record PairingHeader(int Id, int MemberUnitId, string UnitName, int CommunityId, string CommunityName, DateOnly StartDate, DateOnly? EndDate, int SubDistrictId)
{
    /// <summary>What decides who writes the pairing's lists.</summary>
    public Authorization.PairingListResource Resource => new(SubDistrictId, CommunityId, MemberUnitId);
}

public sealed record NeedRow(int Id, string Title, string? Description);

public sealed record ResourceRow(int Id, string Title, string? Description);

public sealed record ProjectRow(
    int Id, string Title, ActivityStream Stream, PairingSide OwnerSide, string Target, DateOnly DueDate, WorkStatus Status, int Progress,
    int? NeedId, string? NeedTitle, int? ResourceId, string? ResourceTitle);

public sealed record ActionItemRow(int Id, int MeetingId, DateOnly MeetingDate, string What, string OwnerName, DateOnly DueDate, WorkStatus Status, int Progress);

/// <summary>A pairing's page for one year: its three lists (需求/资源/项目) and the action items of its two sides.</summary>
public sealed class PairingListsViewModel
{
    public required PairingHeader Pairing { get; init; }
    public required int Year { get; init; }
    public required IReadOnlyList<int> Years { get; init; }
    public required DateOnly Today { get; init; }
    public required IReadOnlyList<NeedRow> Needs { get; init; }
    public required IReadOnlyList<ResourceRow> Resources { get; init; }
    public required IReadOnlyList<ProjectRow> Projects { get; init; }
    public required IReadOnlyList<ActionItemRow> ActionItems { get; init; }
    public bool CanAddNeed { get; init; }
    public bool CanAddResource { get; init; }
    public bool CanCreateProject { get; init; }

    public ProjectRow? ProjectOfNeed(int needId) => Projects.FirstOrDefault(p => p.NeedId == needId);

    public IEnumerable<ProjectRow> ProjectsOfResource(int resourceId) => Projects.Where(p => p.ResourceId == resourceId);

    public WorkState State(ProjectRow p) => new(p.Status, p.Progress, p.DueDate, Today);

    public WorkState State(ActionItemRow a) => new(a.Status, a.Progress, a.DueDate, Today);
}

/// <summary>A need or a resource: a short title and an optional description.</summary>
public sealed class ListEntryInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Title, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ListEntryName")]
    public string? Title { get; set; }

    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }
}

/// <summary>
/// A new joint project. Field names match <see cref="JointProject.Create"/>'s domain errors. From a need, with a
/// resource matched to it, in one step.
/// </summary>
public sealed class ProjectInput
{
    [Display(Name = "Field.Need")]
    public int? NeedId { get; set; }

    [Display(Name = "Field.Resource")]
    public int? ResourceId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Title, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ProjectTitle")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Stream")]
    public ActivityStream? Stream { get; set; }

    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.OwnerSide")]
    public PairingSide? OwnerSide { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Target")]
    public string? Target { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.WorkDueDate")]
    [DateInRange]
    public DateOnly? DueDate { get; set; }
}

public sealed class ListEntryViewModel
{
    public required PairingHeader Pairing { get; init; }
    public required int Year { get; init; }

    /// <summary>"Need" or "Resource": picks the page title and the action.</summary>
    public required string Kind { get; init; }
    public required ListEntryInput Input { get; init; }
}

public sealed class ProjectFormViewModel
{
    public required PairingHeader Pairing { get; init; }
    public required int Year { get; init; }
    public required ProjectInput Input { get; init; }
    public required IReadOnlyList<SelectListItem> Needs { get; init; }
    public required IReadOnlyList<SelectListItem> Resources { get; init; }
    public required IReadOnlyList<SelectListItem> Streams { get; init; }
    public required IReadOnlyList<SelectListItem> Sides { get; init; }
}
