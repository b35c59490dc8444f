namespace TongkuangAlliance.Core.Activities;

// Stored by name (string columns) and shown through the resource key "<EnumName>.<Member>".

/// <summary>A service day (便民接待日), or an activity of one of the "1+6" streams.</summary>
public enum ActivityKind
{
    ServiceDay = 1,
    StreamActivity = 2,
}

/// <summary>Planned → held (results recorded) or cancelled (with a reason). Nothing is deleted.</summary>
public enum ActivityStatus
{
    Planned = 1,
    Held = 2,
    Cancelled = 3,
}

/// <summary>Who organises the activity: the community's party committee, a compound's party branch, or a member unit.</summary>
public enum ActivityOrganiser
{
    CommunityCommittee = 1,
    CompoundPartyBranch = 2,
    MemberUnit = 3,
}
