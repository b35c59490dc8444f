using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.IntegrationTests.Notifications;

/// <summary>Notifications:Enabled (default true) decides whether saving a change writes notifications; the audit stays either way.</summary>
public sealed class NotificationSwitchTests
{
    private static List<Type> Interceptors(string? enabled)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Default"] = "Data Source=:memory:",
            ["Database:Provider"] = "Sqlite",
        };
        if (enabled is not null)
            settings["Notifications:Enabled"] = enabled;
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new Environment());
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<ICurrentUser, SystemUser>();
        services.AddPortalDatabase();
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var core = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!;
        return core.Interceptors!.Select(i => i.GetType()).ToList();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("true")]
    public void By_default_and_when_enabled_saving_writes_notifications(string? enabled) =>
        Assert.Equal([typeof(AuditSaveChangesInterceptor), typeof(NotificationWriter)], Interceptors(enabled));

    [Fact]
    public void When_disabled_saving_is_audited_but_writes_no_notification() =>
        Assert.Equal([typeof(AuditSaveChangesInterceptor)], Interceptors("false"));

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "TongkuangAlliance.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
