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
public class MemberUnit : AuditableEntity, Notifications.Delivery.IHasGroupRobot
{
    public int SubDistrictId { get; set; }
    public SubDistrict? SubDistrict { get; set; }
    public required string Name { get; set; }
    public MemberUnitKind Kind { get; set; }
    public required string PartyOrganisationName { get; set; }
    public Contact? Contact { get; set; }

    /// <summary>The unit's WeChat Work or DingTalk group robot (issue 17); valid by <see cref="Notifications.Delivery.RobotAddress"/>.</summary>
    public string? RobotWebhookUrl { get; set; }

    /// <summary>The robot's signing secret, protected by ASP.NET Core Data Protection; never shown or logged.</summary>
    public string? RobotSecretProtected { get; set; }

    public List<Pairing> Pairings { get; } = [];
}
