using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>What the _WorkStatus partial shows for a joint project or an action item.</summary>
public sealed record WorkState(WorkStatus Status, int Progress, DateOnly DueDate, DateOnly Today)
{
    public bool Overdue => Status != WorkStatus.Done && DueDate < Today;
}
