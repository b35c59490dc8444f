namespace TongkuangAlliance.Core.Structure;

/// <summary>街道: the top of the tree. One deployment may hold several.</summary>
public class SubDistrict : AuditableEntity
{
    public required string Name { get; set; }
    public required string City { get; set; }
    public string? WorkingCommitteeName { get; set; }

    public List<Community> Communities { get; } = [];
    public List<MemberUnit> MemberUnits { get; } = [];
}
