using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Razor;
using Serilog;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Web;
using TongkuangAlliance.Web.Features.Account;
using TongkuangAlliance.Web.Features.Dashboards;
using TongkuangAlliance.Web.Features.Residents;
using TongkuangAlliance.Web.Infrastructure;
using TongkuangAlliance.Web.Infrastructure.Database;
using TongkuangAlliance.Web.Infrastructure.DemoData;
using TongkuangAlliance.Web.Infrastructure.Localization;
using TongkuangAlliance.Web.Infrastructure.Logging;
using TongkuangAlliance.Web.Infrastructure.Notifications.Channels;
using TongkuangAlliance.Web.Infrastructure.Scheduling;
using TongkuangAlliance.Web.Infrastructure.Notifications;
using TongkuangAlliance.Web.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);

// preserveStaticLogger: each host keeps its own logger instead of the process-wide Log.Logger, so that
// several app instances in one process (the tests) each log where their own configuration says.
builder.Host.UseSerilog((context, services, logger) => logger
    .ReadFrom.Configuration(context.Configuration)
    .ReadFrom.Services(services), preserveStaticLogger: true);

builder.Services.Configure<DatabaseOptions>(builder.Configuration.GetSection(DatabaseOptions.Section));
builder.Services.Configure<DemoDataOptions>(builder.Configuration.GetSection(DemoDataOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, HttpCurrentUser>();
builder.Services.AddSingleton<IPersonalNumberProtector, TongkuangAlliance.Web.Infrastructure.Security.PersonalNumberProtector>();
builder.Services.AddPortalDatabase();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<TongkuangAlliance.Web.Features.Volunteers.VolunteerActions>();
builder.Services.AddScoped<TongkuangAlliance.Web.Features.Volunteers.VolunteerAccounts>();
builder.Services.AddScoped<TongkuangAlliance.Web.Features.Volunteers.MemberImport>();
builder.Services.AddResidentChannel(builder.Configuration);
builder.Services.AddNotificationChannels(builder.Configuration);
builder.Services.AddSignInThrottle(builder.Configuration);
builder.Services.AddNotificationDelivery(builder.Configuration);
builder.Services.Configure<DashboardOptions>(builder.Configuration.GetSection(DashboardOptions.Section));
builder.Services.AddScoped<DashboardQueries>();
builder.Services.AddSingleton<DashboardCache>();
builder.Services.AddPortalScheduler(builder.Configuration);

builder.Services.AddPortalLocalization();
// Razor would otherwise escape every Chinese character as &#x...; — valid, but pages triple in size.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
    o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

builder.Services
    .AddIdentityCore<AppUser>(o =>
    {
        o.Password.RequiredLength = 10;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true; // the counts and times: AddSignInThrottle ("SignIn" settings)
        o.User.RequireUniqueEmail = false;
        o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._";
    })
    .AddSignInManager()
    .AddEntityFrameworkStores<AppDbContext>()
    .AddDefaultTokenProviders()
    .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
    .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

builder.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/Account/SignIn";
    o.LogoutPath = "/Account/SignOut";
    o.AccessDeniedPath = "/Account/AccessDenied";
    o.Cookie.Name = "tk.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    o.SlidingExpiration = true;
});
// Zero interval: every request re-checks the account's security stamp, so deactivating, locking or
// re-scoping an account (each renews the stamp) signs it out everywhere on its next request.
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

builder.Services.AddAuthorization(o =>
{
    o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    o.AddPortalPolicies();
});
builder.Services.AddPortalAuthorizationHandlers();

// SameAsRequest, not Always: with Always, a form page reached over plain http (no proxy, no https port to
// redirect to) threw while writing its token — a 500. The token cookie is no credential on its own; the
// sign-in cookie stays Secure outside Development, and https requests still get a Secure token cookie.
builder.Services.AddAntiforgery(o =>
{
    o.Cookie.Name = "tk.af";
    o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddHsts(o =>
{
    o.MaxAge = TimeSpan.FromDays(365);
    o.IncludeSubDomains = false; // the portal does not own its parent domain's other hosts
});
builder.Services
    .AddControllersWithViews(o =>
    {
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.ModelBinderProviders.Insert(0, new TongkuangAlliance.Web.Infrastructure.ModelBinding.TolerantBooleanModelBinderProvider());
        o.Conventions.Add(new StaffOnlyConvention());
        o.Conventions.Add(new TongkuangAlliance.Web.Infrastructure.FeatureFolders.FeatureConvention());
        o.ModelMetadataDetailsProviders.Add(new LocalizedImplicitRequiredProvider());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
    .AddRazorOptions(o =>
    {
        // Feature folders: the controller's namespace folder (FeatureViewLocationExpander), then
        // Features/<Controller>/<View>.cshtml, shared views in Features/Shared.
        o.ViewLocationExpanders.Add(new TongkuangAlliance.Web.Infrastructure.FeatureFolders.FeatureViewLocationExpander());
        o.ViewLocationFormats.Clear();
        o.ViewLocationFormats.Add("/Features/{1}/{0}" + RazorViewEngine.ViewExtension);
        o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
    });

builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");

// Several instances behind a load balancer must read each other's cookies and antiforgery tokens: the keys
// live in the shared database, not in one machine's file system.
builder.Services.AddDataProtection()
    .SetApplicationName("TongkuangAlliance")
    .PersistKeysToDbContext<AppDbContext>();

// Behind a reverse proxy the client's address and scheme arrive in X-Forwarded-* headers. Only proxies named
// in ForwardedHeaders:KnownProxies / KnownNetworks (and loopback, by default) are believed.
builder.Services.Configure<ForwardedHeadersOptions>(o =>
{
    o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
    foreach (var proxy in builder.Configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
        o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    foreach (var network in builder.Configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
        o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    foreach (var host in builder.Configuration.GetSection("ForwardedHeaders:AllowedHosts").Get<string[]>() ?? [])
        o.AllowedHosts.Add(host);
});

var app = builder.Build();

if (PortalCommands.IsCommand(args))
    return await PortalCommands.RunAsync(app, args);

try
{
    await app.PrepareDatabaseAsync();
}
catch (DatabaseNotReadyException ex)
{
    app.Services.GetRequiredService<ILogger<Program>>().LogCritical("{Reason}", ex.Message);
    await Console.Error.WriteLineAsync(ex.Message);
    return 1;
}

app.UseForwardedHeaders();
app.UseMiddleware<SecurityHeadersMiddleware>();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error/500");
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseStatusCodePagesWithReExecute("/Error/{0}");
app.UseRequestLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<LogContextMiddleware>();
app.UseSerilogRequestLogging(o =>
{
    o.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    // The client's address and scheme as forwarded headers resolved them: behind a proxy, the real client.
    o.MessageTemplate = "HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms ({RequestScheme} from {ClientAddress})";
    o.EnrichDiagnosticContext = (diagnostics, http) =>
    {
        diagnostics.Set("RequestScheme", http.Request.Scheme);
        diagnostics.Set("ClientAddress", http.Connection.RemoteIpAddress?.ToString() ?? "-");
    };
});
app.UseAuthorization();
app.UseRateLimiter();

app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
app.MapControllerRoute("default", "{controller=Home}/{action=Index}/{id?}").WithStaticAssets();

await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the integration and browser tests.</summary>
public partial class Program;
