namespace TongkuangAlliance.Core.Structure;

public enum PairingStatus
{
    Active = 1,
    Ended = 2,
}

/// <summary>
/// 结对共建: a member unit paired with a community. Several units may pair with one community
/// (多对一); a pairing is ended, never deleted, so its history stays.
/// </summary>
public class Pairing : AuditableEntity
{
    public int MemberUnitId { get; set; }
    public MemberUnit? MemberUnit { get; set; }
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; private set; }
    public string? EndReason { get; private set; }
    public string? Note { get; set; }

    public PairingStatus Status => EndDate is null ? PairingStatus.Active : PairingStatus.Ended;

    public static Pairing Start(MemberUnit unit, Community community, DateOnly startDate, bool alreadyActivelyPaired, string? note)
    {
        if (unit.SubDistrictId != community.SubDistrictId)
            throw new DomainException("Pairing.DifferentSubDistrict");
        if (alreadyActivelyPaired)
            throw new DomainException("Pairing.AlreadyActive");
        return new Pairing { MemberUnitId = unit.Id, CommunityId = community.Id, StartDate = startDate, Note = note };
    }

    public void End(DateOnly endDate, string reason, DateOnly today)
    {
        if (Status == PairingStatus.Ended) throw new DomainException("Pairing.AlreadyEnded");
        if (endDate < StartDate) throw new DomainException("Pairing.EndBeforeStart", nameof(EndDate));
        if (endDate > today) throw new DomainException("Pairing.EndInFuture", nameof(EndDate));
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Validation.ReasonRequired", nameof(EndReason));
        EndDate = endDate;
        EndReason = reason.Trim();
    }
}
