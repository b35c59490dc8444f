using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.MemberUnits;

/// <summary>Paging, on an app of its own to which 22 more units are added (36 in all: two pages of 20).</summary>
public sealed class MemberUnitPagingTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Added = 22;

    public async Task InitializeAsync() => await factory.WithDbAsync(async db =>
    {
        var subDistrict = await db.SubDistricts.Select(s => s.Id).SingleAsync();
        if (await db.MemberUnits.AnyAsync(u => u.Name.StartsWith("测试分页单位"))) return;
        for (var i = 1; i <= Added; i++)
            db.MemberUnits.Add(new MemberUnit { SubDistrictId = subDistrict, Name = $"测试分页单位{i:00}", Kind = MemberUnitKind.Institution, PartyOrganisationName = $"测试分页单位{i:00}党支部" });
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_list_shows_twenty_units_a_page_and_the_second_page_the_rest()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var first = await client.GetDocumentAsync("/MemberUnits");
        var second = await client.GetDocumentAsync("/MemberUnits?page=2");

        var all = await factory.WithDbAsync(db => db.MemberUnits.Select(u => u.Name).ToListAsync());
        var expected = all.Order(StringComparer.Ordinal).ToList();
        Assert.Equal(14 + Added, expected.Count);
        Assert.Equal(expected[..20], FormValues.FirstCells(first));
        Assert.Equal(expected[20..], FormValues.FirstCells(second));
        Assert.Contains("第 1/2 页，共 36 条", HtmlAssert.MainText(first), StringComparison.Ordinal);
        Assert.Contains("第 2/2 页，共 36 条", HtmlAssert.MainText(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_keeps_the_search_and_the_kind()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var first = await client.GetDocumentAsync("/MemberUnits?q=测试分页&kind=Institution");
        Assert.Equal(20, FormValues.FirstCells(first).Count);

        var next = first.QuerySelectorAll(".pagination a.page-link").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("page=2", StringComparison.Ordinal));
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(["测试分页单位21", "测试分页单位22"], FormValues.FirstCells(second));
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync("/MemberUnits?page=99");
        Assert.Equal(16, FormValues.FirstCells(document).Count);
    }
}
