namespace TongkuangAlliance.Core.Structure;

/// <summary>社区, with its party committee (社区党委) and secretary.</summary>
public class Community : AuditableEntity, Notifications.Delivery.IHasGroupRobot
{
    public int SubDistrictId { get; set; }
    public SubDistrict? SubDistrict { get; set; }
    public required string Name { get; set; }
    public required string PartyCommitteeName { get; set; }
    public string? SecretaryName { get; set; }
    public string? OfficePhone { get; set; }
    public string? Address { get; set; }
    public int? Households { get; set; }

    /// <summary>The community's WeChat Work or DingTalk group robot (issue 17); valid by <see cref="Notifications.Delivery.RobotAddress"/>.</summary>
    public string? RobotWebhookUrl { get; set; }

    /// <summary>The robot's signing secret, protected by ASP.NET Core Data Protection; never shown or logged.</summary>
    public string? RobotSecretProtected { get; set; }

    public List<Compound> Compounds { get; } = [];
    public List<Grid> Grids { get; } = [];
    public List<Pairing> Pairings { get; } = [];
}
