using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.Supervision;

public enum WorkKind
{
    Project = 1,
    ActionItem = 2,
}

/// <summary>
/// One joint project or action item in a supervision list. Both kinds come from one query (UNION ALL), which EF
/// translates only from member-initialised projections with the same members in the same order.
/// </summary>
public sealed class WorkRow
{
    public WorkKind Kind { get; init; }
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string OwnerName { get; init; } = "";
    public ActivityStream? Stream { get; init; }
    public DateOnly DueDate { get; init; }
    public WorkStatus Status { get; init; }
    public int Progress { get; init; }
    public int ContextId { get; init; }
}

public sealed class WorkListViewModel
{
    public required PagedList<WorkRow> Items { get; init; }
    public required DateOnly Today { get; init; }
    public string? Owner { get; init; }
    public bool OverdueOnly { get; init; }

    /// <summary>"My commitments" narrowed to the unfinished ones, or to one kind (issue 19: the dashboard's count opens exactly its list).</summary>
    public bool OpenOnly { get; init; }
    public WorkKind? Kind { get; init; }
    public ActivityStream? Stream { get; init; }
    public required IReadOnlyList<SelectListItem> Owners { get; init; }
    public required IReadOnlyList<SelectListItem> Streams { get; init; }

    /// <summary>For "my commitments": whose they are; null on the sub-district's supervision page.</summary>
    public string? OwnerName { get; init; }
    public int? UnitId { get; init; }

    public WorkState State(WorkRow r) => new(r.Status, r.Progress, r.DueDate, Today);
}

public sealed record WorkUpdateRow(DateTime AtUtc, WorkUpdateKind Kind, int Progress, string Note, string? By);

/// <summary>A joint project's or an action item's page: facts, history, and the forms the user may use.</summary>
public sealed class WorkItemViewModel
{
    public required WorkKind Kind { get; init; }
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required string OwnerName { get; init; }
    public ActivityStream? Stream { get; init; }
    public string? Target { get; init; }
    public required DateOnly DueDate { get; init; }
    public required WorkStatus Status { get; init; }
    public required int Progress { get; init; }
    public required Guid Version { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>The pairing (projects) or the meeting (action items) it belongs to.</summary>
    public required int ContextId { get; init; }
    public required string ContextName { get; init; }
    public int? Year { get; init; }
    public string? NeedTitle { get; init; }
    public string? ResourceTitle { get; init; }
    public string? DecisionText { get; init; }
    public required IReadOnlyList<WorkUpdateRow> Updates { get; init; }
    public bool CanUpdate { get; init; }
    public bool CanSendBack { get; init; }
    public ProgressInput? ProgressForm { get; init; }
    public SendBackInput? SendBack { get; init; }

    public WorkState State => new(Status, Progress, DueDate, Today);

    /// <summary>The sub-district's comment the owner must answer, while the item stays sent back.</summary>
    public string? SentBackComment => Status == WorkStatus.SentBack ? Updates.FirstOrDefault(u => u.Kind == WorkUpdateKind.SentBack)?.Note : null;
}

/// <summary>Field names match <see cref="SupervisedWork.RecordProgress"/>'s domain errors.</summary>
public sealed class ProgressInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 100, ErrorMessage = "Work.ProgressRange")]
    [Display(Name = "Field.Progress")]
    public int? Progress { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ProgressNote")]
    public string? Note { get; set; }

    public Guid Version { get; set; }
}

public sealed class SendBackInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.SendBackComment")]
    public string? Comment { get; set; }

    public Guid Version { get; set; }
}
