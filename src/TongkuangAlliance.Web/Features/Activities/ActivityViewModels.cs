using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>Calendar filters: month (yyyy-MM), month or list view, community, stream and type.</summary>
public sealed class ActivityFilter
{
    public string? Month { get; set; }
    public string? View { get; set; }
    public int? CommunityId { get; set; }
    public ActivityStream? Stream { get; set; }
    public ActivityKind? Kind { get; set; }

    // The dashboards' filters (list view): each dashboard number links to the list with these.
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public ActivityStatus? Status { get; set; }
    public int? CompoundId { get; set; }

    /// <summary>Activities a member unit took part in: invited, confirmed and held (<c>DashboardRules.JoinedBy</c>).</summary>
    public int? UnitId { get; set; }

    /// <summary>Planned activities an invited unit has not confirmed yet (with <see cref="UnitId"/>: that unit).</summary>
    public bool AwaitingUnits { get; set; }

    public bool HasDashboardFilter => From is not null || To is not null || Status is not null || CompoundId is not null || UnitId is not null || AwaitingUnits;

    public bool IsList => string.Equals(View, "list", StringComparison.OrdinalIgnoreCase);
}

public sealed record ActivityRow(int Id, string Title, DateTime StartUtc, DateTime EndUtc, string CommunityName, string? CompoundName,
    ActivityKind Kind, ActivityStream? Stream, ActivityStatus Status, string Place);

public sealed record CalendarDay(DateOnly Date, bool InMonth, bool IsToday, IReadOnlyList<ActivityRow> Activities);


public sealed class CalendarViewModel
{
    public required ActivityFilter Filter { get; init; }
    public required DateOnly Month { get; init; }
    public required IReadOnlyList<Option> Communities { get; init; }
    /// <summary>Weeks of 7 days, Monday first (month view).</summary>
    public IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks { get; init; } = [];
    /// <summary>A page of activities (list view).</summary>
    public PagedList<ActivityRow>? List { get; init; }
    public bool CanSchedule { get; init; }
    public int MonthCount { get; init; }
}

public static class ActivityStyle
{
    /// <summary>Bootstrap badge classes per status: the words always say it, the colour only helps.</summary>
    public static string Badge(ActivityStatus status) => status switch
    {
        ActivityStatus.Held => "text-bg-success",
        ActivityStatus.Cancelled => "text-bg-secondary",
        _ => "text-bg-primary",
    };

    public static string TypeKey(ActivityKind kind, ActivityStream? stream) =>
        kind == ActivityKind.StreamActivity && stream is { } s ? $"ActivityStream.{s}" : $"ActivityKind.{kind}";
}

public sealed class ServiceInput
{
    public int ServiceKindId { get; set; }
    public bool Offered { get; set; }

    [Range(0, Activity.MaxCount, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.VolunteersNeeded")]
    public int? Volunteers { get; set; }
}

public sealed class ActivityInput
{
    [Display(Name = "Field.Community")]
    public int CommunityId { get; set; }

    [Display(Name = "Field.Compound")]
    public int? CompoundId { get; set; }

    // Choices the form always sends: a crafted post without one is refused (issue 20 #17).
    [BindRequired]
    [Display(Name = "Field.ActivityKind")]
    public ActivityKind Kind { get; set; } = ActivityKind.ServiceDay;

    [Display(Name = "Field.ActivityStream")]
    public ActivityStream? Stream { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Title, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.Address, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Place")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.StartAt")]
    [DateInRange]
    public DateTime? StartAt { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.EndAt")]
    [DateInRange]
    public DateTime? EndAt { get; set; }

    [BindRequired]
    [Display(Name = "Field.Organiser")]
    public ActivityOrganiser Organiser { get; set; } = ActivityOrganiser.CommunityCommittee;

    [Display(Name = "Field.OrganiserUnit")]
    public int? OrganiserUnitId { get; set; }

    [StringLength(FieldLengths.Description, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Description")]
    public string? Description { get; set; }

    public List<ServiceInput> Services { get; set; } = [];

    [Display(Name = "Field.ParticipatingUnits")]
    public List<int> UnitIds { get; set; } = [];

    /// <summary>Ticked after the overlap warning: save although another activity is at the same compound then.</summary>
    [Display(Name = "Activities.ConfirmOverlap")]
    public bool ConfirmOverlap { get; set; }

    public Guid Version { get; set; }

    /// <summary>The form filled from an activity (to edit it, or to copy it).</summary>
    public void Fill(Activity a)
    {
        CommunityId = a.CommunityId;
        CompoundId = a.CompoundId;
        Kind = a.Kind;
        Stream = a.Stream;
        Title = a.Title;
        Place = a.Place;
        StartAt = ChinaTime.FromUtc(a.StartUtc);
        EndAt = ChinaTime.FromUtc(a.EndUtc);
        Organiser = a.Organiser;
        OrganiserUnitId = a.OrganiserUnitId;
        Description = a.Description;
        Services = [.. a.Services.Where(s => s.IsOffered).Select(s => new ServiceInput { ServiceKindId = s.ServiceKindId, Offered = true, Volunteers = s.VolunteersNeeded })];
        UnitIds = [.. a.Units.Where(u => u.IsInvited).Select(u => u.MemberUnitId)];
        Version = a.Version;
    }

    /// <summary>What the form says, as the domain takes it (China times to UTC, only the services offered).</summary>
    public ActivityDetails ToDetails() => new(
        CommunityId, CompoundId, Kind, Stream, Title, Place,
        StartAt is { } start ? ChinaTime.ToUtc(start) : default,
        EndAt is { } end ? ChinaTime.ToUtc(end) : default,
        Organiser, OrganiserUnitId, Description,
        [.. Services.Where(s => s.Offered).Select(s => new PlannedService(s.ServiceKindId, s.Volunteers ?? 0))],
        UnitIds);
}

public sealed class ActivityFormViewModel
{
    public int? Id { get; init; }
    public required ActivityInput Input { get; init; }
    public required IReadOnlyList<Option> Communities { get; init; }
    public required IReadOnlyList<Option> Compounds { get; init; }
    public required IReadOnlyList<Option> Units { get; init; }
    public required IReadOnlyDictionary<int, string> ServiceNames { get; init; }
    public IReadOnlyList<ActivityRow> Overlaps { get; init; } = [];
    public bool CommunityFixed { get; init; }
    public string? CopiedFrom { get; init; }
}

public sealed record ServiceItem(int Id, int ServiceKindId, string Name, int VolunteersNeeded, int? ResidentsServed, bool IsOffered);

public sealed record UnitItem(int MemberUnitId, string Name, bool IsInvited, DateTime? ConfirmedAtUtc, string? Commitment);

public sealed record DifficultyItem(int Id, string ResidentName, string ResidentPhone, string Description, int? CaseId, string? CaseNumber);

public sealed record HistoryItem(DateTime AtUtc, string? UserName, string What, IReadOnlyList<string> Changes);

public sealed class ActivityDetailsViewModel
{
    public required int Id { get; init; }
    public required Guid Version { get; init; }
    public required int CommunityId { get; init; }
    public required string CommunityName { get; init; }
    public string? CompoundName { get; init; }
    public required ActivityKind Kind { get; init; }
    public ActivityStream? Stream { get; init; }
    public required string Title { get; init; }
    public required string Place { get; init; }
    public required DateTime StartUtc { get; init; }
    public required DateTime EndUtc { get; init; }
    public required ActivityOrganiser Organiser { get; init; }
    public string? OrganiserName { get; init; }
    public string? Description { get; init; }
    public required ActivityStatus Status { get; init; }
    public string? CancelReason { get; init; }
    public DateTime? CancelledAtUtc { get; init; }
    public int? DisputesMediated { get; init; }
    public string? ResultSummary { get; init; }
    public required IReadOnlyList<ServiceItem> Services { get; init; }
    public required IReadOnlyList<UnitItem> Units { get; init; }
    public required IReadOnlyList<DifficultyItem> Difficulties { get; init; }
    public required IReadOnlyList<HistoryItem> History { get; init; }
    public required IReadOnlyList<Option> Categories { get; init; }
    public int ResidentsServed => Services.Sum(s => s.ResidentsServed ?? 0);
    public int VolunteersNeeded => Services.Where(s => s.IsOffered).Sum(s => s.VolunteersNeeded);
    public bool CanEdit { get; init; }
    public bool CanCopy { get; init; }
    public bool CanRecordResults { get; init; }
    public bool CanCancel { get; init; }
    public bool HasStarted { get; init; }
    /// <summary>The signed-in unit's own participation, when it is one of the units.</summary>
    public UnitItem? MyUnit { get; init; }
    public bool CanConfirm { get; init; }
}

public sealed class ResultsInput
{
    public List<ServedInput> Served { get; set; } = [];

    [Range(0, Activity.MaxCount, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.DisputesMediated")]
    public int? DisputesMediated { get; set; }

    [StringLength(FieldLengths.Description, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.ResultSummary")]
    public string? Summary { get; set; }

    public Guid Version { get; set; }
}

public sealed class ServedInput
{
    public int ServiceKindId { get; set; }

    [Range(0, Activity.MaxCount, ErrorMessage = "Validation.Range")]
    [Display(Name = "Field.ResidentsServed")]
    public int? Count { get; set; }
}

public sealed class ResultsViewModel
{
    public required int Id { get; init; }
    public required string Title { get; init; }
    public required DateTime StartUtc { get; init; }
    public required IReadOnlyDictionary<int, string> ServiceNames { get; init; }
    public required ResultsInput Input { get; init; }
}

public sealed record MyActivityRow(int Id, string Title, DateTime StartUtc, DateTime EndUtc, string CommunityName, string Place,
    ActivityKind Kind, ActivityStream? Stream, ActivityStatus Status, DateTime? ConfirmedAtUtc, string? Commitment, bool IsOrganiser);

public sealed class FeedViewModel
{
    public required int CommunityId { get; init; }
    public string? Url { get; init; }
    public bool CanRegenerate { get; init; }
}
