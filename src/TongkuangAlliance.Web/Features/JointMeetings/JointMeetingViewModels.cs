using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.JointMeetings;

public sealed record MeetingListItem(int Id, DateOnly MeetingDate, string Place, string ConvenedBy, string Topics, int DecisionCount, int OpenItemCount);

public sealed class MeetingIndexViewModel
{
    public required PagedList<MeetingListItem> Meetings { get; init; }
    public bool CanCreate { get; init; }
}

public sealed record MeetingItemRow(int Id, int DecisionId, string What, string OwnerName, ActivityStream? Stream, DateOnly DueDate, WorkStatus Status, int Progress);

public sealed record DecisionRow(int Id, string Text);

public sealed class MeetingDetailsViewModel
{
    public required int Id { get; init; }
    public required DateOnly MeetingDate { get; init; }
    public required string Place { get; init; }
    public required string ConvenedBy { get; init; }
    public required string Topics { get; init; }
    public string? Minutes { get; init; }
    public required IReadOnlyList<string> AttendingUnits { get; init; }
    public required IReadOnlyList<string> AttendingCommunities { get; init; }
    public required IReadOnlyList<DecisionRow> Decisions { get; init; }
    public required IReadOnlyList<MeetingItemRow> ActionItems { get; init; }
    public required DateOnly Today { get; init; }

    /// <summary>Set when the user may add decisions (the sub-district, or the community that convened it).</summary>
    public DecisionFormViewModel? DecisionForm { get; init; }

    public WorkState State(MeetingItemRow a) => new(a.Status, a.Progress, a.DueDate, Today);
}

public sealed class DecisionFormViewModel
{
    public required int MeetingId { get; init; }
    public required DateOnly MeetingDate { get; init; }
    public required DecisionInput Input { get; init; }
    public required IReadOnlyList<SelectListItem> Decisions { get; init; }
    public required IReadOnlyList<SelectListItem> Owners { get; init; }
    public required IReadOnlyList<SelectListItem> Streams { get; init; }
}

/// <summary>A meeting as recorded. Attendance is a set of unit and community ids of the sub-district.</summary>
public sealed class MeetingInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.MeetingDate")]
    [DateInRange]
    public DateOnly? MeetingDate { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Address, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Place")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Name, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ConvenedBy")]
    public string? ConvenedBy { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Note, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Topics")]
    public string? Topics { get; set; }

    [StringLength(FieldLengths.Minutes, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Minutes")]
    public string? Minutes { get; set; }

    [Display(Name = "Field.AttendingUnits")]
    public List<int> UnitIds { get; set; } = [];

    [Display(Name = "Field.AttendingCommunities")]
    public List<int> CommunityIds { get; set; } = [];
}

public sealed record AttendeeOption(int Id, string Name, bool Selected);

public sealed class MeetingFormViewModel
{
    public required MeetingInput Input { get; init; }
    public required IReadOnlyList<AttendeeOption> Units { get; init; }
    public required IReadOnlyList<AttendeeOption> Communities { get; init; }
    public bool ConvenerFixed { get; init; }
}

/// <summary>A decision of the meeting (new, or one already recorded) and the action item it creates.</summary>
public sealed class DecisionInput
{
    [Display(Name = "Field.Decision")]
    public int? DecisionId { get; set; }

    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DecisionText")]
    public string? DecisionText { get; set; }

    /// <summary>"u:&lt;unit id&gt;" or "c:&lt;community id&gt;".</summary>
    [Required(ErrorMessage = "Validation.Choose")]
    [Display(Name = "Field.Owner")]
    public string? Owner { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Reason, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.What")]
    public string? What { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.WorkDueDate")]
    [DateInRange]
    public DateOnly? DueDate { get; set; }

    [Display(Name = "Field.Stream")]
    public ActivityStream? Stream { get; set; }
}
