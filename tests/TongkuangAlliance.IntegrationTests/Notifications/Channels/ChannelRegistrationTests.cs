using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

namespace TongkuangAlliance.IntegrationTests.Notifications.Channels;

/// <summary>The real app registers both external channels; with the repository's settings (no keys) SMS says so.</summary>
public sealed class ChannelRegistrationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_app_has_a_robot_channel_and_an_sms_channel_that_refuses_until_configured()
    {
        var channels = factory.Services.GetServices<INotificationChannel>().ToList();

        Assert.IsType<RobotChannel>(Assert.Single(channels, c => c.Channel == DeliveryChannel.Robot));
        var sms = Assert.IsType<SmsChannel>(Assert.Single(channels, c => c.Channel == DeliveryChannel.Sms));
        var result = await sms.SendAsync(new OutgoingMessage(1, DeliveryChannel.Sms, "13812345678", null, "zh-CN", "s", "b", null, null,
            "SMS_1", new Dictionary<string, string>()), CancellationToken.None);
        Assert.Equal(ChannelResult.Refused(SmsChannel.NotConfigured), result);
    }
}
