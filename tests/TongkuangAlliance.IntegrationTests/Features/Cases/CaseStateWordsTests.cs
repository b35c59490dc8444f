using MiniExcelLibs;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>
/// Issue 18: one vocabulary for a case's states. A case resolved with terms still owed reads 履行中 on its page, in the
/// list, under the list's state filter and in the export; grid workers' 未结案件 hold exactly the cases not closed.
/// </summary>
public sealed class CaseStateWordsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Nanqu, int Id)> ResolvedWithTermOwedAsync(string title)
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, title));
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, id, "StartMediation");
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        var party = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Compensation", ["description"] = "赔偿医药费", ["amount"] = "2000", ["dueDate"] = ChinaToday(10) });
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "经调解达成协议，由施工方赔偿医药费" });
        return (nanqu, id);
    }

    [Fact]
    public async Task A_case_with_terms_owed_reads_performing_on_its_page_in_the_list_its_filter_and_the_export()
    {
        const string title = "状态用语：履行中";
        var (nanqu, id) = await ResolvedWithTermOwedAsync(title);
        using var client = nanqu;
        var q = Uri.EscapeDataString(title);

        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("履行中", page.QuerySelector(".case-status")!.TextContent.Trim());

        var list = await nanqu.GetDocumentAsync($"/Cases?q={q}");
        Assert.Equal(["履行中"], list.QuerySelectorAll("#cases tbody .case-status").Select(b => b.TextContent.Trim()));
        // The filter offers the states in the same words, and finds the case under 履行中 only.
        var options = list.QuerySelectorAll("select#state option").Select(o => o.TextContent.Trim()).ToList();
        Assert.Equal(["全部", "已登记", "已受理", "调解中", "履行中", "调解成功", "已化解", "已回访", "调解不成", "已结案"], options);
        Assert.Single((await nanqu.GetDocumentAsync($"/Cases?state=Performing&q={q}")).QuerySelectorAll("#cases tbody tr"));
        foreach (var other in new[] { "Succeeded", "ResolvedWithoutAgreement", "Closed", "InMediation" })
            Assert.Null((await nanqu.GetDocumentAsync($"/Cases?state={other}&q={q}")).QuerySelector("#cases tbody tr"));

        using var export = await nanqu.GetAsync($"/Cases/Export?q={q}");
        using var stream = new MemoryStream(await export.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal("履行中", Assert.Single(rows)["状态"]?.ToString());

        // Once the term is performed the same case reads 调解成功, green.
        var term = await factory.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == id).Select(t => t.Id).SingleAsync());
        await DoAsync(nanqu, id, "MarkTermFulfilled", new() { ["termId"] = $"{term}", ["fulfilledOn"] = ChinaToday(), ["proofNote"] = "收据已核对" });
        var badge = (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector(".case-status")!;
        Assert.Equal("调解成功", badge.TextContent.Trim());
        Assert.Contains("text-bg-success", badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_mediation_reads_mediation_failed_and_leaves_the_open_lists()
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var client = nanqu;
        const string title = "状态用语：调解不成";
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, title));
        await DoAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = "MediationFailed", ["reason"] = "双方分歧较大，已告知可向人民法院起诉" });

        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("调解不成", page.QuerySelector(".case-status")!.TextContent.Trim());
        Assert.Single((await nanqu.GetDocumentAsync($"/Cases?state=Failed&q={Uri.EscapeDataString(title)}")).QuerySelectorAll("#cases tbody tr"));
    }

    [Fact]
    public async Task The_grid_workers_open_cases_are_exactly_the_cases_of_its_grid_not_closed_most_urgent_first()
    {
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var expected = await factory.WithDbAsync(async db =>
        {
            var grids = await db.Users.Where(u => u.UserName == "wangge-nanqu1").SelectMany(u => u.GridLinks.Select(g => g.GridId)).ToListAsync();
            return await db.Cases.Where(c => c.GridId != null && grids.Contains(c.GridId.Value) && c.Status != CaseStatus.Closed)
                .Select(c => new { c.Number, c.Urgency }).ToListAsync();
        });
        Assert.NotEmpty(expected);

        var page = await worker.GetDocumentAsync("/GridWork");
        var shown = page.QuerySelectorAll(".grid-cases li").Select(li => li.QuerySelector("a")!.TextContent.Trim()).ToList();
        Assert.Equal(expected.Select(c => c.Number).Order(), shown.Order());
        var urgencies = shown.Select(n => expected.Single(c => c.Number == n).Urgency).ToList();
        Assert.Equal(urgencies.OrderByDescending(u => u), urgencies);
        Assert.DoesNotContain("已结案", page.QuerySelector(".grid-cases")!.TextContent, StringComparison.Ordinal);
    }
}
