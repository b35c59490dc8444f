namespace TongkuangAlliance.Core.Structure;

public enum MemberUnitKind
{
    Enterprise = 1,
    Institution = 2,
    School = 3,
    Hospital = 4,
    GovernmentBody = 5,
}

/// <summary>成员单位 / 共建单位: an enterprise or institution party organisation in the alliance.</summary>
public class MemberUnit : AuditableEntity
{
    public int SubDistrictId { get; set; }
    public SubDistrict? SubDistrict { get; set; }
    public required string Name { get; set; }
    public MemberUnitKind Kind { get; set; }
    public required string PartyOrganisationName { get; set; }
    public Contact? Contact { get; set; }

    public List<Pairing> Pairings { get; } = [];
}
