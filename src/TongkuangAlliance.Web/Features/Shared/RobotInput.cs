using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>
/// The group-robot fields of a community's or a unit's form (issue 17). The secret is write-only: the form never
/// shows it, only whether one is stored; left empty it keeps the stored one, and removing the address removes both.
/// </summary>
public sealed class RobotInput
{
    [RobotAddress]
    [StringLength(RobotAddress.MaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.RobotWebhookUrl")]
    public string? WebhookUrl { get; set; }

    [StringLength(200, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.RobotSecret")]
    public string? Secret { get; set; }

    /// <summary>Shown only: whether a secret is stored.</summary>
    public bool HasSecret { get; set; }

    public static RobotInput From(IHasGroupRobot organisation) =>
        new() { WebhookUrl = organisation.RobotWebhookUrl, HasSecret = organisation.RobotSecretProtected is not null };

    public void ApplyTo(IHasGroupRobot organisation, NotificationSecrets secrets)
    {
        var url = string.IsNullOrWhiteSpace(WebhookUrl) ? null : WebhookUrl.Trim();
        organisation.RobotWebhookUrl = url;
        if (url is null) organisation.RobotSecretProtected = null;
        else if (!string.IsNullOrWhiteSpace(Secret)) organisation.RobotSecretProtected = secrets.ProtectRobotSecret(Secret.Trim());
        Secret = null;
    }
}
