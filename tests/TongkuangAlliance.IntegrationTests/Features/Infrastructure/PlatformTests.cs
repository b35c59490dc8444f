using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.IntegrationTests.Features.Infrastructure;

[Collection(SharedPortal.Name)]
public sealed class PlatformTests(PortalFactory factory)
{
    [Fact]
    public async Task Health_reports_the_database_without_signing_in()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
    }

    [Theory]
    [InlineData("/lib/bootstrap/css/bootstrap.min.css", "text/css")]
    [InlineData("/lib/bootstrap/js/bootstrap.bundle.min.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task Styles_and_scripts_are_served_to_anyone(string path, string contentType)
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task The_demo_matches_the_source_report()
    {
        var counts = await factory.WithDbAsync(async db => new
        {
            Communities = await db.Communities.CountAsync(c => c.SubDistrict!.Name == DemoSeeder.SubDistrictName),
            Compounds = await db.Compounds.CountAsync(c => c.Community!.SubDistrict!.Name == DemoSeeder.SubDistrictName),
            Units = await db.MemberUnits.CountAsync(u => u.SubDistrict!.Name == DemoSeeder.SubDistrictName),
            SouthUnits = await db.Pairings.CountAsync(p => p.Community!.Name == DemoCatalog.SouthCommunity && p.EndDate == null),
            Jianan = await db.Compounds.Where(c => c.Name == "建安小区").Select(c => c.PartyBranchName).SingleAsync(),
            Engineering = await db.MemberUnits.CountAsync(u => u.Name == DemoCatalog.MineEngineering),
            EndedPairings = await db.Pairings.CountAsync(p => p.EndDate != null),
        });
        Assert.Equal(6, counts.Communities);
        Assert.Equal(10, counts.Compounds);
        Assert.Equal(14, counts.Units);
        Assert.True(counts.SouthUnits >= 2, "南区社区 is paired many-to-one");
        Assert.Equal("建安小区党支部", counts.Jianan);
        Assert.Equal(1, counts.Engineering);
        Assert.True(counts.EndedPairings >= 1, "the demo keeps an ended pairing in its history");
    }

    [Fact]
    public async Task Seeding_twice_changes_nothing()
    {
        async Task<string> Snapshot() => await factory.WithDbAsync(async db => string.Join(",",
            await db.SubDistricts.CountAsync(), await db.Communities.CountAsync(), await db.Compounds.CountAsync(), await db.Grids.CountAsync(),
            await db.Buildings.CountAsync(), await db.MemberUnits.CountAsync(), await db.Pairings.CountAsync(), await db.Users.CountAsync(),
            await db.AuditEntries.CountAsync(a => a.UserId == null)));

        var before = await Snapshot();
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        Assert.Equal(before, await Snapshot());
    }

    [Fact]
    public async Task An_unknown_page_is_a_localized_404()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.GetAsync("/NoSuchPage/Anywhere");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    /// <summary>
    /// LogContextMiddleware pushes the user's id and scope onto every event of a request; the rolling file's
    /// output template must write them (Serilog's default file template drops every property).
    /// </summary>
    [Fact]
    public async Task A_signed_in_requests_line_in_the_log_file_carries_its_user_id_role_and_community()
    {
        var ids = await factory.DemoIdsAsync();
        var userId = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == PortalClient.Users.SouthCommunity).Select(u => u.Id).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var path = $"/Grids/Details/{ids.SouthGrid}";
        using (var page = await client.GetAsync(path)) Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The request line is written just after the response reaches the client: look for it for up to 5 s.
        bool IsOurs(string line) => line.Contains($"GET {path} responded 200", StringComparison.Ordinal)
            && Regex.IsMatch(line, $"\"UserId\":\\s*\"{userId}\"");
        var text = "";
        for (var attempt = 0; attempt < 50 && !text.Split('\n').Any(IsOurs); attempt++)
        {
            await Task.Delay(100);
            text = await LogFiles.ReadAllAsync(factory.WorkDirectory);
        }
        var line = text.Split('\n').FirstOrDefault(IsOurs);
        Assert.True(line is not null, $"no line of GET {path} with the user's id in LOG:" + text[^Math.Min(3000, text.Length)..]);
        Assert.Matches("\"Role\":\\s*\"CommunityCommittee\"", line);
        Assert.Matches($"\"CommunityId\":\\s*{ids.SouthCommunity}\\b", line);
    }

    [Fact]
    public async Task Personal_phone_numbers_never_reach_the_log()
    {
        var ids = await factory.DemoIdsAsync();
        var phone = await factory.WithDbAsync(db => db.Grids.Where(g => g.Id == ids.SouthGrid).Select(g => g.Chief!.Phone).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using (await client.GetAsync($"/Communities/Details/{ids.SouthCommunity}")) { }
        using (await client.GetAsync("/Communities?q=" + phone)) { }
        using (var anonymous = factory.CreatePortalClient())
        using (await anonymous.SignInAsync(phone, phone)) { }

        var text = await LogFiles.WaitForAsync(factory.WorkDirectory, "/Communities/Details");
        Assert.True(text.Contains("/Communities/Details", StringComparison.Ordinal), "LOG:" + text[..Math.Min(3000, text.Length)]);
        Assert.DoesNotContain(phone, text, StringComparison.Ordinal);
    }
}
