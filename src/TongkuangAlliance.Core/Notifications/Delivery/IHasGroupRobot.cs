namespace TongkuangAlliance.Core.Notifications.Delivery;

/// <summary>An organisation that may have a WeChat Work or DingTalk group robot (a community, a member unit).</summary>
public interface IHasGroupRobot
{
    string? RobotWebhookUrl { get; set; }

    /// <summary>The signing secret, protected by Data Protection.</summary>
    string? RobotSecretProtected { get; set; }
}
