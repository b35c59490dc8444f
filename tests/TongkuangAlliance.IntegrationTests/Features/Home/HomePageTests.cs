namespace TongkuangAlliance.IntegrationTests.Features.Home;

[Collection(SharedPortal.Name)]
public sealed class HomePageTests(PortalFactory factory)
{
    [Fact]
    public async Task Sub_district_committee_sees_the_alliance_at_a_glance_with_real_counts()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync("/");

        // Counted independently of the page's queries, for the demo sub-district only (other tests may add another).
        const string Tongkuang = TongkuangAlliance.Web.Infrastructure.DemoData.DemoSeeder.SubDistrictName;
        var expected = await factory.WithDbAsync(db => Task.FromResult(new[]
        {
            db.Communities.Count(c => c.SubDistrict!.Name == Tongkuang),
            db.Compounds.Count(c => c.Community!.SubDistrict!.Name == Tongkuang),
            db.Grids.Count(g => g.Community!.SubDistrict!.Name == Tongkuang),
            db.Buildings.Count(b => b.Grid!.Community!.SubDistrict!.Name == Tongkuang),
            db.MemberUnits.Count(u => u.SubDistrict!.Name == Tongkuang),
            db.Pairings.Count(p => p.EndDate == null && p.Community!.SubDistrict!.Name == Tongkuang),
        }));
        var figures = document.QuerySelectorAll("#figures .figure-value").Select(f => int.Parse(f.TextContent, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(expected, figures);
        Assert.Equal([6, 10], expected[..2]);
        Assert.Contains("铜矿街道党建联盟概览", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(6, document.QuerySelectorAll("#communities-at-a-glance tbody tr").Length);
    }

    [Fact]
    public async Task Community_committee_sees_its_compounds_grids_and_paired_units()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var document = await client.GetDocumentAsync("/");
        var text = HtmlAssert.MainText(document);

        Assert.Contains("南区社区工作台", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("建安小区", text, StringComparison.Ordinal);
        Assert.Contains("铜矿工程部", text, StringComparison.Ordinal);
        Assert.Contains("德兴铜矿党委", text, StringComparison.Ordinal);
        Assert.DoesNotContain("北苑小区", text, StringComparison.Ordinal);
        Assert.DoesNotContain("铜矿中学", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paired_unit_sees_its_pairings()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var document = await client.GetDocumentAsync("/");
        var rows = document.QuerySelectorAll("main table tbody tr").Select(r => r.TextContent).ToList();

        Assert.Contains("铜矿工程部", document.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Single(rows);
        Assert.Contains("南区社区", rows[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_top_bar_shows_who_is_signed_in_and_for_which_scope()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var document = await client.GetDocumentAsync("/");
        var badge = document.QuerySelector(".portal-scope")!.TextContent;
        Assert.Contains("社区党委", badge, StringComparison.Ordinal);
        Assert.Contains("南区社区", badge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_menu_shows_only_what_the_role_can_use()
    {
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var unitMenu = (await unit.GetDocumentAsync("/")).QuerySelectorAll("#portal-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/Accounts", unitMenu);
        Assert.DoesNotContain("/Pairings", unitMenu);
        Assert.DoesNotContain("/Cases", unitMenu);
        Assert.Contains("/Terms", unitMenu);

        using var subDistrict = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var fullMenu = (await subDistrict.GetDocumentAsync("/")).QuerySelectorAll("#portal-menu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/Accounts", fullMenu);
        Assert.Contains("/Pairings", fullMenu);
    }
}
