namespace TongkuangAlliance.Core.Joint;

/// <summary>Where a supervised piece of work (a joint project or an action item) stands.</summary>
public enum WorkStatus
{
    Open = 1,
    Done = 2,

    /// <summary>The sub-district sent it back with a comment: the owner must update it again.</summary>
    SentBack = 3,
}

/// <summary>Which side of a pairing owns (and reports the progress of) a joint project.</summary>
public enum PairingSide
{
    Unit = 1,
    Community = 2,
}

/// <summary>What one entry of a work item's history records.</summary>
public enum WorkUpdateKind
{
    Progress = 1,
    Done = 2,
    SentBack = 3,
}
