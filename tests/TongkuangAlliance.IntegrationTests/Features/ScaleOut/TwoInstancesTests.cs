using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using TongkuangAlliance.IntegrationTests.Features.Cases;
using TongkuangAlliance.Tests.Shared;

namespace TongkuangAlliance.IntegrationTests.Features.ScaleOut;

/// <summary>
/// Two instances of the app — separate hosts, each with its own services, caches and Data Protection key ring
/// in memory — on one PostgreSQL database, as behind a load balancer. One browser (one cookie jar) talks to
/// both in turn. Always PostgreSQL: it is the server database these machines can run.
/// </summary>
public sealed class TwoInstancesTests
{
    [SkippableFact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other_and_sees_what_it_saved()
    {
        PostgresTestDatabase.Require();
        var database = TestAppSettings.NewPostgresDatabaseName();
        using var first = PortalFactory.OnPostgres(database, ownsDatabase: true);
        using var second = PortalFactory.OnPostgres(database, ownsDatabase: false);
        _ = first.Services; // the first instance migrates the new database and seeds the demo…
        _ = second.Services; // …the second finds both done

        var cookies = new CookieContainer();
        using var viaFirst = Client(first, cookies);
        using var viaSecond = Client(second, cookies);

        await viaFirst.SignedInAsAsync(PortalClient.Users.SouthCommunity);

        // The authentication cookie the first instance issued is accepted by the second.
        var home = await viaSecond.GetDocumentAsync("/");
        Assert.NotNull(home.QuerySelector("form[action='/Account/SignOut']"));
        Assert.Contains("南区社区", home.QuerySelector("header")!.TextContent, StringComparison.Ordinal);

        // A form served by the second instance is posted to the first (the antiforgery token crosses too)…
        var token = await viaSecond.AntiforgeryTokenAsync("/Cases/Create");
        var form = await CaseTestKit.IntakeAsync(first, "两台实例之间登记的案件");
        form["__RequestVerificationToken"] = token;
        using var created = await viaFirst.Http.PostAsync("/Cases/Create", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var casePage = created.Headers.Location!.OriginalString;

        // …and the case it saved is read back through the second.
        var page = await viaSecond.GetDocumentAsync(casePage);
        Assert.Contains("两台实例之间登记的案件", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var stored = await second.WithDbAsync(db => db.Cases.CountAsync(c => c.Title == "两台实例之间登记的案件"));
        Assert.Equal(1, stored);

        // Both instances keep their Data Protection keys in the database, not on their own disks.
        Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    private static PortalClient Client(PortalFactory factory, CookieContainer cookies) =>
        new(factory.CreateDefaultClient(new Uri("https://localhost"), new CookieContainerHandler(cookies)));
}
