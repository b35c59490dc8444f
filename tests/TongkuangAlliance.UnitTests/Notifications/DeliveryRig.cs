using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications;
using TongkuangAlliance.Web.Infrastructure.Notifications.Email;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>The delivery side wired as the app wires it: the real processor, renderer, secrets and email channel.</summary>
public sealed class DeliveryRig : IDisposable
{
    public const string BaseUrl = "https://portal.tongkuang.example";

    private readonly ServiceProvider _services;

    public DeliveryRig(TimeProvider clock, Func<AppDbContext> contexts, int smtpPort, params INotificationChannel[] otherChannels)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        Secrets = new NotificationSecrets(new EphemeralDataProtectionProvider());
        Renderer = new MessageRenderer(services.BuildServiceProvider().GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>());
        _services = services.BuildServiceProvider();
        Email = new SmtpEmailChannel(Options.Create(new EmailOptions { Host = "127.0.0.1", Port = smtpPort, Security = "None", TimeoutSeconds = 5 }), new Environment(), Renderer);
        Clock = clock;
        Contexts = contexts;
        Channels = [Email, .. otherChannels];
    }

    public NotificationSecrets Secrets { get; }
    public MessageRenderer Renderer { get; }
    public SmtpEmailChannel Email { get; }
    public TimeProvider Clock { get; }
    public Func<AppDbContext> Contexts { get; }
    public INotificationChannel[] Channels { get; }
    public ListLogger<DeliveryProcessor> Log { get; } = new();

    /// <summary>One dispatcher round with a fresh context, as the hosted dispatcher does it.</summary>
    public async Task<int> RunOnceAsync(string owner = "test-1", int batchSize = 50)
    {
        await using var db = Contexts();
        var processor = new DeliveryProcessor(db, Channels, Clock, Renderer, Secrets,
            Options.Create(new DeliveryOptions { PublicBaseUrl = BaseUrl, BatchSize = batchSize }), Log);
        return await processor.RunOnceAsync(owner, CancellationToken.None);
    }

    /// <summary>Rounds until nothing is due.</summary>
    public async Task DrainAsync(string owner = "test-1")
    {
        while (await RunOnceAsync(owner) > 0) { }
    }

    public void Dispose()
    {
        Email.Dispose();
        _services.Dispose();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "TongkuangAlliance.Web";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}

/// <summary>A robot channel stand-in: keeps what it is handed (the real adapters are another helper's work).</summary>
public sealed class RecordingChannel(DeliveryChannel channel) : INotificationChannel
{
    public DeliveryChannel Channel => channel;
    public ConcurrentQueue<OutgoingMessage> Sent { get; } = new();
    public ChannelResult Answer { get; set; } = ChannelResult.Sent();

    public Task<ChannelResult> SendAsync(OutgoingMessage message, CancellationToken cancellationToken)
    {
        if (Answer.Succeeded) Sent.Enqueue(message);
        return Task.FromResult(Answer);
    }
}
