using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Joint;

/// <summary>督办事项: a task a joint meeting's decision assigns to one unit or one community, with a due date.</summary>
public class ActionItem : SupervisedWork
{
    private ActionItem() { }

    internal ActionItem(JointMeeting meeting, JointDecision decision, int? ownerUnitId, int? ownerCommunityId, string what, DateOnly dueDate, ActivityStream? stream)
    {
        Meeting = meeting;
        Decision = decision;
        OwnerUnitId = ownerUnitId;
        OwnerCommunityId = ownerCommunityId;
        What = what;
        DueDate = dueDate;
        Stream = stream;
    }

    public int MeetingId { get; private set; }
    public JointMeeting? Meeting { get; private set; }
    public int DecisionId { get; private set; }
    public JointDecision? Decision { get; private set; }
    public int? OwnerUnitId { get; private set; }
    public MemberUnit? OwnerUnit { get; private set; }
    public int? OwnerCommunityId { get; private set; }
    public Community? OwnerCommunity { get; private set; }
    public string What { get; private set; } = "";
    public ActivityStream? Stream { get; private set; }

    /// <summary>The same rule as <see cref="SupervisedWork.IsOverdue"/>, for queries.</summary>
    public static Expression<Func<ActionItem, bool>> OverdueOn(DateOnly today) => a => a.Status != WorkStatus.Done && a.DueDate < today;
}
