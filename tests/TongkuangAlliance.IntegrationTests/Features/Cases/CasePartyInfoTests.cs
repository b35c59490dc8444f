using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>
/// Issue 18: parties' basic information by type, through the case page's forms. The ID number is stored protected
/// (Data Protection), shown masked, revealed only on request with an audit row; bad input gets its localized message and
/// saves nothing; an outside organisation's contact phone is taken; other communities get 404.
/// </summary>
public sealed class CasePartyInfoTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>刘贤英, born 12 Mar 1968, a woman.</summary>
    private static readonly string LiuId = ChineseIdNumber.Make("361181", new DateOnly(1968, 3, 12), 24);

    private async Task<(PortalClient Nanqu, int Id, int Resident)> CaseWithResidentAsync(string title)
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, title));
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "刘贤英", ["phone"] = StoryPhone, ["role"] = "Complainant" });
        var resident = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        return (nanqu, id, resident);
    }

    private static Dictionary<string, string> ResidentInfo(int party, string? idNumber = null) => new()
    {
        ["partyId"] = $"{party}", ["name"] = "刘贤英", ["profile.Ethnicity"] = "汉族", ["profile.Occupation"] = "退休职工",
        ["profile.Address"] = "德兴市铜矿街道南区社区建安小区1栋2单元301室", ["profile.IdNumber"] = idNumber ?? LiuId,
    };

    [Fact]
    public async Task A_residents_id_number_is_stored_protected_shown_masked_and_revealed_on_request_with_an_audit_row()
    {
        var (nanqu, id, resident) = await CaseWithResidentAsync("当事人信息：身份证号");
        using var client = nanqu;
        await DoAsync(nanqu, id, "UpdateParty", ResidentInfo(resident));

        var stored = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.Id == resident)
            .Select(p => new { p.IdNumberProtected, p.IdNumberMasked, p.Gender, p.BirthDate, p.Address }).SingleAsync());
        Assert.DoesNotContain(LiuId, stored.IdNumberProtected!, StringComparison.Ordinal);
        Assert.Equal((PartyGender.Female, new DateOnly(1968, 3, 12)), (stored.Gender!.Value, stored.BirthDate!.Value));

        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var html = page.DocumentElement.OuterHtml;
        Assert.DoesNotContain(LiuId, html, StringComparison.Ordinal);
        var info = page.QuerySelector("#parties .party-info")!.TextContent;
        Assert.Contains(ChineseIdNumber.Mask(LiuId), info, StringComparison.Ordinal);
        Assert.Contains("建安小区1栋2单元301室", info, StringComparison.Ordinal);
        Assert.Contains("女", info, StringComparison.Ordinal);
        Assert.Contains("汉族", info, StringComparison.Ordinal);

        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "IdNumberRevealed" && a.EntityId == $"{resident}"));
        using var revealed = await nanqu.PostFormAsync($"/Cases/RevealIdNumber/{id}", $"/Cases/Details/{id}", new() { ["partyId"] = $"{resident}" });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        var revealedPage = await PortalClient.ParseAsync(await revealed.Content.ReadAsStringAsync());
        Assert.Equal(LiuId, revealedPage.QuerySelector("#parties .party-id-number")!.TextContent.Trim());
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "IdNumberRevealed" && a.EntityId == $"{resident}").ToListAsync());
        Assert.Equal(before + 1, entries.Count);
        Assert.All(entries, e => Assert.DoesNotContain(LiuId, e.Changes, StringComparison.Ordinal));
        // No audit row of the change holds the number either.
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Changes.Contains(LiuId))));

        using var export = await nanqu.GetAsync($"/Cases/Export?q={Uri.EscapeDataString("当事人信息：身份证号")}");
        Assert.DoesNotContain(LiuId, System.Text.Encoding.UTF8.GetString(await export.Content.ReadAsByteArrayAsync()), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        { "profile.IdNumber", LiuId[..17] + (LiuId[17] == '1' ? "2" : "1"), "身份证号不正确" },
        { "profile.IdNumber", ChineseIdNumber.Make("361181", new DateOnly(2090, 1, 1), 24), "身份证号中的出生日期" },
        { "profile.Age", "121", "年龄应在 0 到 120 岁之间" },
        { "profile.BirthDate", "2099-01-01", "出生日期不能晚于今天" },
        { "profile.RepresentativeName", "张三", "法定代表人、负责人和联系人只适用于单位当事人" },
        { "profile.Age", "abc", "" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_basic_information_gets_its_message_and_nothing_is_saved(string field, string value, string message)
    {
        var (nanqu, id, resident) = await CaseWithResidentAsync($"当事人信息：错误输入 {field} {value}");
        using var client = nanqu;
        var form = ResidentInfo(resident);
        form.Remove("profile.IdNumber");
        form[field] = value;
        var before = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.Version, c.Revision }).SingleAsync());

        var page = await RefusedAsync(nanqu, id, "UpdateParty", form);

        Assert.Contains(message, HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.NotEmpty(HtmlAssert.Summary(page));
        var after = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.Version, c.Revision }).SingleAsync());
        Assert.Equal(before, after);
        var party = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.Id == resident).Select(p => new { p.Address, p.IdNumberProtected, p.Age }).SingleAsync());
        Assert.Equal(new { Address = (string?)null, IdNumberProtected = (string?)null, Age = (int?)null }, party);
    }

    [Fact]
    public async Task An_outside_organisation_is_added_with_its_contact_phone_and_completed_with_seat_and_representative()
    {
        var (nanqu, id, _) = await CaseWithResidentAsync("当事人信息：单位");
        using var client = nanqu;
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["phone"] = "13907931234", ["role"] = "Respondent" });
        var company = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id && p.Kind == CasePartyKind.OutsideOrganisation).Select(p => new { p.Id, p.Phone }).SingleAsync());
        Assert.Equal("13907931234", company.Phone);

        await DoAsync(nanqu, id, "UpdateParty", new()
        {
            ["partyId"] = $"{company.Id}", ["name"] = "大茅山建设公司", ["profile.Address"] = "德兴市银城镇建设路8号",
            ["profile.RepresentativeName"] = "王建国", ["profile.RepresentativeTitle"] = "总经理", ["profile.ContactPerson"] = "李工",
        });
        var info = (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelectorAll("#parties .party-info")[1].TextContent;
        Assert.Contains("德兴市银城镇建设路8号", info, StringComparison.Ordinal);
        Assert.Contains("王建国（总经理）", info, StringComparison.Ordinal);
        Assert.Contains("李工", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_community_gets_404_on_the_party_forms_and_the_reveal()
    {
        var (nanqu, id, resident) = await CaseWithResidentAsync("当事人信息：范围");
        using var client = nanqu;
        await DoAsync(nanqu, id, "UpdateParty", ResidentInfo(resident));
        var version = await VersionAsync(nanqu, id);
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        using var update = await StepAsync(beiqu, id, "UpdateParty", ResidentInfo(resident, ChineseIdNumber.Make("361181", new DateOnly(1970, 1, 1), 13)), version);
        Assert.Equal(HttpStatusCode.NotFound, update.StatusCode);
        using var reveal = await beiqu.PostFormAsync($"/Cases/RevealIdNumber/{id}", "/Cases", new() { ["partyId"] = $"{resident}" });
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
    }

    [Fact]
    public async Task Parties_are_entered_at_registration_and_a_bad_id_number_registers_nothing()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory, "当事人信息：登记时录入");
        form["parties.ReporterIsParty"] = "true";
        form["parties.Reporter.Ethnicity"] = "汉族";
        form["parties.Reporter.Address"] = "建安小区1栋2单元301室";
        form["parties.Reporter.IdNumber"] = LiuId;
        form["parties.OtherKind"] = "OutsideOrganisation";
        form["parties.OtherName"] = "大茅山建设公司";
        form["parties.OtherPhone"] = "13907931234";
        form["parties.Other.RepresentativeName"] = "王建国";
        form["parties.Other.RepresentativeTitle"] = "总经理";
        var id = await RegisterAsync(nanqu, form);
        var parties = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id).OrderBy(p => p.Id)
            .Select(p => new { p.Kind, p.Role, p.Name, p.Phone, p.Address, p.Gender, p.RepresentativeName, p.IdNumberMasked }).ToListAsync());
        Assert.Equal(2, parties.Count);
        Assert.Equal((CasePartyKind.Resident, CasePartyRole.Complainant, "刘贤英", StoryPhone, "建安小区1栋2单元301室", PartyGender.Female),
            (parties[0].Kind, parties[0].Role, parties[0].Name, parties[0].Phone, parties[0].Address, parties[0].Gender!.Value));
        Assert.Equal(ChineseIdNumber.Mask(LiuId), parties[0].IdNumberMasked);
        Assert.Equal((CasePartyKind.OutsideOrganisation, CasePartyRole.Respondent, "13907931234", "王建国"),
            (parties[1].Kind, parties[1].Role, parties[1].Phone, parties[1].RepresentativeName));

        var bad = await IntakeAsync(factory, "当事人信息：登记时身份证号错误");
        bad["parties.ReporterIsParty"] = "true";
        bad["parties.Reporter.IdNumber"] = LiuId[..17] + (LiuId[17] == '1' ? "2" : "1");
        using var refused = await nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", bad);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("身份证号不正确", HtmlAssert.Summary(await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync())), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Cases.AnyAsync(c => c.Title == "当事人信息：登记时身份证号错误")));
    }

    [Fact]
    public async Task The_printed_agreement_carries_each_partys_basic_information_in_full_chinese_dates_and_the_copy_count()
    {
        const string title = "当事人信息：协议书内部标题";
        var (nanqu, id, resident) = await CaseWithResidentAsync(title);
        using var client = nanqu;
        await DoAsync(nanqu, id, "UpdateParty", ResidentInfo(resident));
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["phone"] = "13907931234", ["role"] = "Respondent" });
        var company = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id && p.Kind == CasePartyKind.OutsideOrganisation).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "UpdateParty", new()
        {
            ["partyId"] = $"{company}", ["name"] = "大茅山建设公司", ["profile.Address"] = "德兴市银城镇建设路8号",
            ["profile.RepresentativeName"] = "王建国", ["profile.RepresentativeTitle"] = "总经理",
        });
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, id, "StartMediation");
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{company}", ["kind"] = "Compensation", ["description"] = "赔偿医药费", ["amount"] = "2000", ["dueDate"] = "2026-12-20" });

        var print = await nanqu.GetDocumentAsync($"/Agreements/Print/{id}");
        var basics = print.QuerySelectorAll(".agreement-parties .party-basics").Select(td => td.TextContent).ToList();
        Assert.Equal(2, basics.Count);
        foreach (var expected in new[] { "女", "1968年3月12日", "汉族", "退休职工", "建安小区1栋2单元301室", LiuId, StoryPhone })
            Assert.Contains(expected, basics[0], StringComparison.Ordinal);
        foreach (var expected in new[] { "德兴市银城镇建设路8号", "王建国（总经理）", "13907931234" })
            Assert.Contains(expected, basics[1], StringComparison.Ordinal);
        var text = print.Body!.TextContent;
        Assert.Contains("一式3份", text, StringComparison.Ordinal);
        Assert.DoesNotContain("一式多份", text, StringComparison.Ordinal);
        Assert.Contains("2026年12月20日", print.QuerySelector("ol.agreement-terms")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12-20", text, StringComparison.Ordinal);
        Assert.DoesNotContain(title, text, StringComparison.Ordinal); // the internal title is no fact of the dispute
    }
}
