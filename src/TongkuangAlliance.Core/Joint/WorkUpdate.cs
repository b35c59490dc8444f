namespace TongkuangAlliance.Core.Joint;

/// <summary>
/// One dated entry of a joint project's or an action item's history: a progress report, its completion, or a
/// send-back by the sub-district. Appended by <see cref="SupervisedWork"/>'s methods, never changed or deleted.
/// Exactly one of <see cref="ProjectId"/> and <see cref="ActionItemId"/> is set.
/// </summary>
public class WorkUpdate
{
    private WorkUpdate() { }

    internal WorkUpdate(DateTime atUtc, string? userId, WorkUpdateKind kind, int progress, string note)
    {
        AtUtc = atUtc;
        UserId = userId;
        Kind = kind;
        Progress = progress;
        Note = note;
    }

    public long Id { get; private set; }
    public int? ProjectId { get; private set; }
    public int? ActionItemId { get; private set; }
    public DateTime AtUtc { get; private set; }
    public string? UserId { get; private set; }
    public WorkUpdateKind Kind { get; private set; }

    /// <summary>The progress (0–100) after this entry.</summary>
    public int Progress { get; private set; }
    public string Note { get; private set; } = "";
}
