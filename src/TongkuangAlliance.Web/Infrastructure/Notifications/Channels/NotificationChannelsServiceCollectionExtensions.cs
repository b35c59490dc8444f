using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications.Channels;

public static class NotificationChannelsServiceCollectionExtensions
{
    /// <summary>
    /// The external channels of issue 17 as <see cref="INotificationChannel"/>s: group robots (WeChat Work, DingTalk)
    /// and SMS (Alibaba Cloud). Both are always registered; an SMS channel without keys answers
    /// Refused("SMS not configured") instead of being left out or pretending to send.
    /// </summary>
    public static IServiceCollection AddNotificationChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<RobotOptions>(configuration.GetSection(RobotOptions.Section));
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));

        services.AddHttpClient(RobotChannel.HttpClientName, RobotHttpClient.Configure);
        services.AddHttpClient(AliyunSmsProvider.HttpClientName, (provider, client) =>
            client.Timeout = TimeSpan.FromSeconds(Math.Clamp(provider.GetRequiredService<IOptions<SmsOptions>>().Value.TimeoutSeconds, 1, 120)));

        services.AddSingleton<ISmsProvider, AliyunSmsProvider>();
        services.AddSingleton<INotificationChannel, RobotChannel>();
        services.AddSingleton<INotificationChannel, SmsChannel>();
        return services;
    }
}
