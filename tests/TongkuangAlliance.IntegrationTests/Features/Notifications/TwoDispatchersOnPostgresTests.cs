using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Tests.Shared;
using TongkuangAlliance.UnitTests.Notifications;
using TongkuangAlliance.Web.Infrastructure.Notifications;
using TongkuangAlliance.Web.Infrastructure.Notifications.Email;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>
/// Issue 17's exactly-once test: two app instances (two hosts, each with its own services and connections) on one
/// PostgreSQL database dispatch 1,000 queued emails at the same time to a real SMTP server in the test process;
/// each message arrives once, counted by the delivery id each carries. Always PostgreSQL (the claim there is
/// FOR UPDATE SKIP LOCKED).
/// </summary>
public sealed class TwoDispatchersOnPostgresTests
{
    private const int Messages = 1000;

    [SkippableFact]
    public async Task Two_instances_deliver_a_thousand_queued_emails_each_exactly_once()
    {
        PostgresTestDatabase.Require();
        var database = TestAppSettings.NewPostgresDatabaseName();
        using var first = PortalFactory.OnPostgres(database, ownsDatabase: true);
        using var second = PortalFactory.OnPostgres(database, ownsDatabase: false);
        _ = first.Services;
        _ = second.Services;
        using var smtp = new TestSmtpServer();
        var ids = await first.DemoIdsAsync();

        var queued = await first.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var users = Enumerable.Range(0, Messages).Select(i =>
            {
                var user = new AppUser { UserName = $"bulk{i:D4}", DisplayName = $"批量{i}", Email = $"bulk{i:D4}@tongkuang.example", EmailConfirmed = true };
                user.AssignScope(PortalRole.CommunityCommittee, ids.SubDistrict, ids.SouthCommunity, null);
                return user;
            }).ToList();
            db.Users.AddRange(users);
            await db.SaveChangesAsync();
            var notifications = users.Select(u => new Notification(u.Id, NotificationKind.CaseNew, new NotificationSubject(NotificationSubjectKind.Case, ids.SouthCase), ["TEST-1", "并发投递"], now)).ToList();
            db.Notifications.AddRange(notifications);
            await db.SaveChangesAsync();
            var deliveries = notifications.Select((n, i) => NotificationDelivery.Email(n, users[i].Email!, ids.SubDistrict, now)).ToList();
            db.NotificationDeliveries.AddRange(deliveries);
            await db.SaveChangesAsync();
            return deliveries.Select(d => d.Id).ToHashSet();
        });

        var perInstance = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(Task.Run(() => DispatchAsync(first, "instance-1")), Task.Run(() => DispatchAsync(second, "instance-2")));

        var received = smtp.Received.Select(m => long.Parse(m.Headers[SmtpEmailChannel.DeliveryIdHeader]!, CultureInfo.InvariantCulture)).Where(queued.Contains).ToList();
        Assert.Equal(Messages, received.Count);
        Assert.Equal(Messages, received.Distinct().Count());
        Assert.True(perInstance.Values.All(n => n > 0) && perInstance.Count == 2, "both instances sent: " + string.Join(", ", perInstance));
        var states = await first.WithDbAsync(db => db.NotificationDeliveries.Where(d => queued.Contains(d.Id)).GroupBy(d => new { d.Status, d.Attempts }).Select(g => new { g.Key.Status, g.Key.Attempts, Count = g.Count() }).ToListAsync());
        var only = Assert.Single(states);
        Assert.Equal((DeliveryStatus.Sent, 1, Messages), (only.Status, only.Attempts, only.Count));

        async Task DispatchAsync(PortalFactory host, string owner)
        {
            var renderer = host.Services.GetRequiredService<MessageRenderer>();
            using var email = new SmtpEmailChannel(Options.Create(new EmailOptions { Host = "127.0.0.1", Port = smtp.Port, Security = "None" }),
                host.Services.GetRequiredService<IHostEnvironment>(), renderer);
            var counting = new CountingChannel(email, () => perInstance.AddOrUpdate(owner, 1, (_, n) => n + 1));
            while (true)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var processor = new DeliveryProcessor(scope.ServiceProvider.GetRequiredService<AppDbContext>(), [counting], TimeProvider.System, renderer,
                    scope.ServiceProvider.GetRequiredService<NotificationSecrets>(), Options.Create(new DeliveryOptions { BatchSize = 20 }), NullLogger<DeliveryProcessor>.Instance);
                if (await processor.RunOnceAsync(owner, CancellationToken.None) == 0) return;
            }
        }
    }

    private sealed class CountingChannel(INotificationChannel inner, Action sent) : INotificationChannel
    {
        public DeliveryChannel Channel => inner.Channel;

        public async Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
        {
            var result = await inner.SendAsync(message, cancellationToken);
            if (result.Succeeded) sent();
            return result;
        }
    }
}
