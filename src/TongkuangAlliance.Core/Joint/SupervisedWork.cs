namespace TongkuangAlliance.Core.Joint;

/// <summary>
/// 督办: what a joint project and an action item share — a due date, a status, a progress percentage and an
/// append-only history of dated updates. Only the owner reports progress; only the sub-district sends back.
/// </summary>
public abstract class SupervisedWork : AuditableEntity
{
    public DateOnly DueDate { get; protected set; }
    public WorkStatus Status { get; protected set; } = WorkStatus.Open;
    public int Progress { get; protected set; }
    public List<WorkUpdate> Updates { get; } = [];

    /// <summary>Not done and due before today (China calendar day). Sent-back work counts as open.</summary>
    public bool IsOverdue(DateOnly today) => Status != WorkStatus.Done && DueDate < today;

    /// <summary>The owner reports progress; 100 % means done. A sent-back item is open again after this.</summary>
    public void RecordProgress(int progress, string note, DateTime nowUtc, string? userId)
    {
        if (progress is < 0 or > 100) throw new DomainException("Work.ProgressRange", nameof(Progress));
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Work.NoteRequired", "Note");
        if (Status == WorkStatus.Done) throw new DomainException("Work.AlreadyDone");
        Progress = progress;
        Status = progress == 100 ? WorkStatus.Done : WorkStatus.Open;
        Updates.Add(new WorkUpdate(nowUtc, userId, Status == WorkStatus.Done ? WorkUpdateKind.Done : WorkUpdateKind.Progress, progress, note.Trim()));
        if (Status == WorkStatus.Done) Raise(new WorkCompleted(this, nowUtc, userId));
    }

    /// <summary>The sub-district refuses the work as reported (open or done): the owner sees the comment and must update again.</summary>
    public void SendBack(string comment, DateTime nowUtc, string? userId)
    {
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Work.CommentRequired", "Comment");
        if (Status == WorkStatus.SentBack) throw new DomainException("Work.AlreadySentBack");
        Status = WorkStatus.SentBack;
        Updates.Add(new WorkUpdate(nowUtc, userId, WorkUpdateKind.SentBack, Progress, comment.Trim()));
        Raise(new WorkSentBack(this, comment.Trim(), nowUtc, userId));
    }
}
