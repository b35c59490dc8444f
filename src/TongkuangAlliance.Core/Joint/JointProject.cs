using System.Linq.Expressions;

namespace TongkuangAlliance.Core.Joint;

/// <summary>
/// 项目清单: a joint project of a pairing for a year, owned by one side, in one "1+6" stream. When made from a
/// need matched to a resource, it keeps both links (need → resource → project).
/// </summary>
public class JointProject : SupervisedWork
{
    private JointProject() { }

    public int PairingId { get; private set; }
    public Pairing? Pairing { get; private set; }
    public int Year { get; private set; }
    public string Title { get; private set; } = "";
    public ActivityStream Stream { get; private set; }
    public PairingSide OwnerSide { get; private set; }
    public string Target { get; private set; } = "";
    public int? NeedId { get; private set; }
    public PairingNeed? Need { get; private set; }
    public int? ResourceId { get; private set; }
    public PairingResource? Resource { get; private set; }

    /// <summary>
    /// Starts a project. A need and a resource, when given, must belong to the same pairing and year, and a need
    /// becomes at most one project (<paramref name="needAlreadyUsed"/>).
    /// </summary>
    public static JointProject Create(Pairing pairing, int year, string title, ActivityStream stream, PairingSide owner, string target, DateOnly dueDate,
        PairingNeed? need, PairingResource? resource, bool needAlreadyUsed)
    {
        if (!Enum.IsDefined(stream)) throw new DomainException("Validation.UnknownValueInvalid", nameof(Stream));
        if (!Enum.IsDefined(owner)) throw new DomainException("Validation.UnknownValueInvalid", nameof(OwnerSide));
        if (need is not null && (need.PairingId != pairing.Id || need.Year != year)) throw new DomainException("Joint.NeedOtherList", nameof(NeedId));
        if (resource is not null && (resource.PairingId != pairing.Id || resource.Year != year)) throw new DomainException("Joint.ResourceOtherList", nameof(ResourceId));
        if (need is not null && needAlreadyUsed) throw new DomainException("Joint.NeedAlreadyProject", nameof(NeedId));
        if (dueDate.Year < year) throw new DomainException("Joint.DueBeforeYear", nameof(DueDate));
        return new JointProject
        {
            PairingId = pairing.Id, Year = year, Title = title.Trim(), Stream = stream, OwnerSide = owner, Target = target.Trim(), DueDate = dueDate,
            NeedId = need?.Id, ResourceId = resource?.Id,
        };
    }

    /// <summary>The same rule as <see cref="SupervisedWork.IsOverdue"/>, for queries.</summary>
    public static Expression<Func<JointProject, bool>> OverdueOn(DateOnly today) => p => p.Status != WorkStatus.Done && p.DueDate < today;
}
