using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.Web.Infrastructure.Notifications;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>
    /// The delivery side of notifications (issue 17): the dispatcher, the email channel and the helpers they share.
    /// Other channels (robots, SMS) register themselves as <see cref="INotificationChannel"/>; the dispatcher uses
    /// whichever are registered.
    /// </summary>
    public static IServiceCollection AddNotificationDelivery(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.Configure<Email.EmailOptions>(configuration.GetSection(Email.EmailOptions.Section));
        services.AddSingleton<MessageRenderer>();
        services.AddSingleton<NotificationSecrets>();
        services.AddSingleton<Email.SmtpEmailChannel>();
        services.AddSingleton<INotificationChannel>(sp => sp.GetRequiredService<Email.SmtpEmailChannel>());
        services.AddScoped<DeliveryProcessor>();
        if (configuration.GetValue(DeliveryOptions.Section + ":" + nameof(DeliveryOptions.DispatcherEnabled), true))
            services.AddHostedService<DeliveryDispatcher>();
        return services;
    }
}
