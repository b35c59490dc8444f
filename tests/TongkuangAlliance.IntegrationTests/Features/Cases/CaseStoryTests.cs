using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>The source report's story, from intake to closed, through the pages as 南区社区 works it.</summary>
public sealed class CaseStoryTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_lamp_and_trench_injury_goes_from_intake_to_closed()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory));

        var registered = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var number = registered.QuerySelector(".case-number")!.TextContent.Trim();
        Assert.Matches(@"^JF\d{4}-\d{4}$", number);
        Assert.Contains(number, registered.QuerySelector(".alert-success")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("139****0606", registered.QuerySelector(".case-phone")!.TextContent.Trim());

        var engineering = await factory.WithDbAsync(db => db.MemberUnits.Where(u => u.Name == "铜矿工程部").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "刘贤英", ["phone"] = StoryPhone, ["role"] = "Complainant" });
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "MemberUnit", ["memberUnitId"] = $"{engineering}", ["role"] = "ResponsibleUnit" });
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });

        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, id, "StartMediation");
        await DoAsync(nanqu, id, "RecordSession", new()
        {
            ["heldAt"] = ChinaNow(-24),
            ["place"] = "南区社区党群服务中心",
            ["convenedBy"] = "南区社区党委",
            ["attendees"] = "刘贤英；铜矿工程部代表；大茅山建设公司代表；社区调解员",
            ["minutes"] = "各方确认路灯与沟槽的责任。",
            ["outcome"] = "达成调解协议",
        });

        var parties = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == id).ToDictionaryAsync(p => p.Name, p => p.Id));
        Assert.Equal(["刘贤英", "大茅山建设公司", "铜矿工程部"], parties.Keys.Order());
        var due = ChinaToday(10);
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{parties["铜矿工程部"]}", ["kind"] = "Repair", ["description"] = "更换损坏的 4 盏路灯", ["dueDate"] = due });
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{parties["大茅山建设公司"]}", ["kind"] = "Compensation", ["description"] = "赔偿刘贤英医药费等", ["amount"] = "2000", ["dueDate"] = due });
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{parties["大茅山建设公司"]}", ["kind"] = "SafetyMeasure", ["description"] = "沟槽加设安全围挡并回填", ["dueDate"] = due });

        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "三方签订调解协议" });
        var terms = await factory.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == id).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(3, terms.Count);
        foreach (var term in terms)
            await DoAsync(nanqu, id, "MarkTermFulfilled", new() { ["termId"] = $"{term}", ["fulfilledOn"] = ChinaToday(), ["proofNote"] = "现场查看确认" });

        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "true", ["note"] = "居民表示满意" });
        await DoAsync(nanqu, id, "Close");

        var closed = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已结案", closed.QuerySelector(".case-status")!.TextContent.Trim());
        var timeline = closed.QuerySelectorAll("#timeline li").Select(li => li.GetAttribute("data-kind")).ToList();
        Assert.Equal(
        [
            "Registered", "PartyAdded", "PartyAdded", "PartyAdded", "Accepted", "MediationStarted", "SessionRecorded",
            "TermAdded", "TermAdded", "TermAdded", "Resolved", "TermFulfilled", "TermFulfilled", "TermFulfilled", "FollowedUp", "Closed",
        ], timeline);
        var text = HtmlAssert.MainText(closed);
        Assert.Contains("南区社区党群服务中心", text, StringComparison.Ordinal);
        Assert.Contains("¥2,000.00", text, StringComparison.Ordinal);
        Assert.Contains("更换损坏的 4 盏路灯", text, StringComparison.Ordinal);
        Assert.Null(closed.QuerySelector("#step-close"));

        var stored = await factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(me, stored.HandlerUserId);
    }
}
