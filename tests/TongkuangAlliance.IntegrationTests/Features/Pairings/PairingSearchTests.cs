using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.Pairings;

/// <summary>
/// The pairings list's text search (unit or community name), on an app of its own to which 22 units paired with
/// 北区社区 are added (two pages of 20 when searched for).
/// </summary>
public sealed class PairingSearchTests(PortalFactory factory) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private const int Added = 22;
    private const string Prefix = "测试搜索单位";

    public async Task InitializeAsync() => await factory.WithDbAsync(async db =>
    {
        if (await db.MemberUnits.AnyAsync(u => u.Name.StartsWith(Prefix))) return;
        var north = await db.Communities.SingleAsync(c => c.Name == "北区社区");
        for (var i = 1; i <= Added; i++)
        {
            var unit = new MemberUnit { SubDistrictId = north.SubDistrictId, Name = $"{Prefix}{i:00}", Kind = MemberUnitKind.Enterprise, PartyOrganisationName = $"{Prefix}{i:00}党支部" };
            db.MemberUnits.Add(unit);
            var pairing = Pairing.Start(unit, north, new DateOnly(2024, 1, 1), alreadyActivelyPaired: false, null);
            pairing.MemberUnit = unit; // the unit has no id until saved: the navigation carries the link
            db.Pairings.Add(pairing);
        }
        await db.SaveChangesAsync();
    });

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<PortalClient> SubDistrictAsync() => await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

    [Fact]
    public async Task Search_finds_pairings_by_community_name_or_unit_name_and_keeps_the_other_filters()
    {
        using var client = await SubDistrictAsync();

        var south = await client.GetDocumentAsync("/Pairings?q=" + Uri.EscapeDataString("南区"));
        Assert.Equal(["德兴铜矿党委", "德兴铜矿职工医院", "铜矿工程部"], FormValues.FirstCells(south).Order(StringComparer.Ordinal));
        Assert.All(FormValues.RowTexts(south), r => Assert.Contains("南区社区", r, StringComparison.Ordinal));
        Assert.Equal("南区", south.QuerySelector("main form[role=search] input#q")!.GetAttribute("value"));

        // By unit name: the transport department's active pairing, and with status=all its ended one too.
        var transport = FormValues.RowTexts(await client.GetDocumentAsync("/Pairings?q=" + Uri.EscapeDataString(" 运输部 ")));
        Assert.Contains("西区社区", Assert.Single(transport), StringComparison.Ordinal);
        Assert.Equal(2, FormValues.RowTexts(await client.GetDocumentAsync("/Pairings?status=all&q=" + Uri.EscapeDataString("运输部"))).Count);

        var none = await client.GetDocumentAsync("/Pairings?q=" + Uri.EscapeDataString("不存在的单位"));
        Assert.Empty(FormValues.RowTexts(none));
        Assert.Contains("没有符合条件的结对关系。", HtmlAssert.MainText(none), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pager_keeps_the_search()
    {
        using var client = await SubDistrictAsync();
        var first = await client.GetDocumentAsync("/Pairings?q=" + Uri.EscapeDataString(Prefix));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"{Prefix}{i:00}"), FormValues.FirstCells(first));

        var next = first.QuerySelectorAll(".pagination a.page-link").Select(a => a.GetAttribute("href")!).Single(h => h.Contains("page=2", StringComparison.Ordinal));
        Assert.Contains("q=" + Uri.EscapeDataString(Prefix), next, StringComparison.OrdinalIgnoreCase);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal([$"{Prefix}21", $"{Prefix}22"], FormValues.FirstCells(second));
    }
}
