namespace TongkuangAlliance.Core.Joint;

/// <summary>
/// 联席会议: a meeting of the alliance, convened by the sub-district or a community, with its attending units and
/// communities, topics, minutes and decisions; each decision assigns action items.
/// </summary>
public class JointMeeting : AuditableEntity
{
    public int SubDistrictId { get; set; }
    public DateOnly MeetingDate { get; set; }
    public required string Place { get; set; }
    public required string ConvenedBy { get; set; }

    /// <summary>Set when a community convened (and recorded) the meeting; null when the sub-district did.</summary>
    public int? ConvenerCommunityId { get; set; }
    public required string Topics { get; set; }
    public string? Minutes { get; set; }
    public List<JointMeetingAttendee> Attendees { get; } = [];
    public List<JointDecision> Decisions { get; } = [];
    public List<ActionItem> ActionItems { get; } = [];

    /// <summary>
    /// Records a decision of the meeting (or adds to one) and the action item it creates; its owner is told
    /// (<paramref name="nowUtc"/> default: when it is saved).
    /// </summary>
    public ActionItem AddActionItem(JointDecision decision, int? ownerUnitId, int? ownerCommunityId, string what, DateOnly dueDate, ActivityStream? stream,
        DateTime nowUtc = default, string? userId = null)
    {
        if ((ownerUnitId is null) == (ownerCommunityId is null)) throw new DomainException("Joint.OwnerNotInAlliance", "Owner");
        if (dueDate < MeetingDate) throw new DomainException("Joint.DueBeforeMeeting", nameof(ActionItem.DueDate));
        if (stream is { } s && !Enum.IsDefined(s)) throw new DomainException("Validation.UnknownValueInvalid", nameof(ActionItem.Stream));
        if (!Decisions.Contains(decision)) Decisions.Add(decision);
        var item = new ActionItem(this, decision, ownerUnitId, ownerCommunityId, what.Trim(), dueDate, stream);
        ActionItems.Add(item);
        decision.ActionItems.Add(item);
        Raise(new Notifications.ActionItemAssigned(item, nowUtc, userId));
        return item;
    }
}

/// <summary>A unit or a community that attended a joint meeting (exactly one of the two ids).</summary>
public class JointMeetingAttendee
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int? MemberUnitId { get; set; }
    public Structure.MemberUnit? MemberUnit { get; set; }
    public int? CommunityId { get; set; }
    public Structure.Community? Community { get; set; }
}

/// <summary>One decision of a joint meeting.</summary>
public class JointDecision : AuditableEntity
{
    public int MeetingId { get; set; }
    public JointMeeting? Meeting { get; set; }
    public required string Text { get; set; }
    public List<ActionItem> ActionItems { get; } = [];
}
