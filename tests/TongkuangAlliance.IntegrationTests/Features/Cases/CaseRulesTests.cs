using MiniExcelLibs;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>Bad input and steps out of order are refused with a message and change nothing; scope; conflicts; list, export, reveal.</summary>
public sealed class CaseRulesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    // Projected into an anonymous type first: PostgreSQL would return a tuple built in SQL as a 'record'.
    private async Task<(CaseStatus Status, int Revision, Guid Version)> StateAsync(int id)
    {
        var state = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.Status, c.Revision, c.Version }).SingleAsync());
        return (state.Status, state.Revision, state.Version);
    }

    private Task<int> CaseCountAsync() => factory.WithDbAsync(db => db.Cases.CountAsync());

    private async Task<(PortalClient Client, int Id)> NewCaseAsync(string title = "路灯损坏致居民夜间摔伤")
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        return (nanqu, await RegisterAsync(nanqu, await IntakeAsync(factory, title)));
    }

    [Theory]
    [InlineData("Input.Description", "", "请填写描述")]
    [InlineData("Input.ReporterPhone", "12345", "请填写有效的电话号码")]
    [InlineData("Input.ReporterName", "", "请填写反映人姓名")]
    public async Task Bad_intake_shows_a_message_next_to_the_field_and_stores_nothing(string field, string value, string message)
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory);
        form[field] = value;
        var before = await CaseCountAsync();

        using var response = await nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, HtmlAssert.FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task An_over_long_title_is_refused()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory, new string('灯', 3000));
        var before = await CaseCountAsync();

        using var response = await nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("100", HtmlAssert.FieldError(page, "Input.Title"), StringComparison.Ordinal);
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task A_compound_of_another_community_is_refused()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory);
        form["Input.CompoundId"] = $"{await factory.WithDbAsync(db => db.Compounds.Where(c => c.Community!.Name == "北区社区").Select(c => c.Id).FirstAsync())}";
        var before = await CaseCountAsync();

        using var response = await nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(HtmlAssert.FieldError(page, "Input.CompoundId"));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Script_in_the_description_is_stored_as_written_and_shown_as_text()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory);
        form["Input.Description"] = "<script>alert('x')</script> 路灯坏了";
        var id = await RegisterAsync(nanqu, form);

        Assert.Equal("<script>alert('x')</script> 路灯坏了", await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Description).SingleAsync()));
        var html = await (await nanqu.GetAsync($"/Cases/Details/{id}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var page = await PortalClient.ParseAsync(html);
        Assert.Equal("<script>alert('x')</script> 路灯坏了", page.QuerySelector(".case-description")!.TextContent.Trim());
    }

    [Fact]
    public async Task Steps_out_of_order_and_bad_terms_are_refused_and_change_nothing()
    {
        var (nanqu, id) = await NewCaseAsync();
        using var _ = nanqu;

        var before = await StateAsync(id);
        var page = await RefusedAsync(nanqu, id, "Close");
        Assert.Contains("回访完成后才能结案", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, id, "StartMediation");

        before = await StateAsync(id);
        page = await RefusedAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "达成协议" });
        Assert.Contains("至少要有一项协议条款", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        var party = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        page = await RefusedAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Compensation", ["description"] = "赔偿", ["amount"] = "-2000", ["dueDate"] = ChinaToday(10) });
        Assert.Contains("金额必须大于零", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal("赔偿", page.QuerySelector("#term-description")!.TextContent); // what was typed is kept
        page = await RefusedAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Repair", ["description"] = "修路灯", ["dueDate"] = ChinaToday(-30) });
        Assert.Contains("履行期限不能早于事情发生的日期", HtmlAssert.Summary(page), StringComparison.Ordinal);
        page = await RefusedAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "张三", ["phone"] = "12345", ["role"] = "Complainant" });
        Assert.Contains("请填写有效的电话号码", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Set<AgreementTerm>().CountAsync(t => t.CaseId == id)));
    }

    [Fact]
    public async Task Another_community_gets_404_on_the_case_and_a_paired_unit_is_refused()
    {
        var (nanqu, id) = await NewCaseAsync("北区看不到的案件");
        using var _ = nanqu;
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);

        Assert.Equal(HttpStatusCode.NotFound, (await beiqu.GetAsync($"/Cases/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await beiqu.GetAsync($"/Cases/Edit/{id}")).StatusCode);
        var before = await StateAsync(id);
        using (var accept = await beiqu.PostFormAsync($"/Cases/Escalate/{id}", "/Cases", new() { ["version"] = $"{before.Version}", ["reason"] = "越权" }))
            Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(before, await StateAsync(id));
        var list = await beiqu.GetDocumentAsync($"/Cases?q={Uri.EscapeDataString(number)}");
        Assert.Empty(list.QuerySelectorAll("#cases tbody tr"));

        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        using var response = await unit.GetAsync("/Cases");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                    || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true,
            $"unit02 got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_second_of_two_saves_from_the_same_version_is_refused_and_shows_the_first()
    {
        var (nanqu, id) = await NewCaseAsync();
        using var _ = nanqu;
        var version = await VersionAsync(nanqu, id);

        using (var first = await StepAsync(nanqu, id, "AddProgressNote", new() { ["text"] = "已电话联系施工方" }, version))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = await RefusedAsync(nanqu, id, "AddProgressNote", new() { ["text"] = "另一位同事的记录" }, version);

        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Contains("已电话联系施工方", page.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
        var notes = await factory.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id && e.Kind == CaseEventKind.Note).Select(e => e.Summary).ToListAsync());
        Assert.Equal(["已电话联系施工方"], notes);
    }

    [Fact]
    public async Task The_list_filters_on_overdue_mine_and_text_and_masks_phones()
    {
        var (nanqu, overdue) = await NewCaseAsync("逾期未受理的案件");
        using var _ = nanqu;
        var mine = await RegisterAsync(nanqu, await IntakeAsync(factory, "我承办的案件"));
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, mine, "Accept", new() { ["handlerUserId"] = me });
        await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == overdue)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AcceptDueAtUtc, DateTime.UtcNow.AddDays(-1))));

        static IEnumerable<string?> Ids(AngleSharp.Html.Dom.IHtmlDocument page) =>
            page.QuerySelectorAll("#cases tbody tr").Select(tr => tr.GetAttribute("data-case-id"));

        var overdueList = await nanqu.GetDocumentAsync("/Cases?overdue=true");
        Assert.Contains($"{overdue}", Ids(overdueList));
        Assert.DoesNotContain($"{mine}", Ids(overdueList));
        Assert.NotNull(overdueList.QuerySelector($"tr[data-case-id='{overdue}'] .case-overdue"));

        var mineList = await nanqu.GetDocumentAsync("/Cases?mine=true");
        Assert.Contains($"{mine}", Ids(mineList));
        Assert.DoesNotContain($"{overdue}", Ids(mineList));

        var textList = await nanqu.GetDocumentAsync($"/Cases?q={Uri.EscapeDataString("我承办")}");
        Assert.Equal([$"{mine}"], Ids(textList));
        var row = textList.QuerySelector($"tr[data-case-id='{mine}']")!;
        Assert.Equal("139****0606", row.QuerySelector(".case-phone")!.TextContent.Trim());
        Assert.DoesNotContain(StoryPhone, textList.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_cases_with_masked_phones()
    {
        var (nanqu, _) = await NewCaseAsync("导出测试案件甲");
        using var client = nanqu;
        await RegisterAsync(nanqu, await IntakeAsync(factory, "导出测试案件乙"));
        var expected = await factory.WithDbAsync(db => db.Cases.CountAsync(c => c.Title.Contains("导出测试")));

        using var response = await nanqu.GetAsync($"/Cases/Export?q={Uri.EscapeDataString("导出测试")}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(expected, rows.Count);
        Assert.All(rows, r => Assert.Equal("139****0606", r["反映人电话"]?.ToString()));
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(StoryPhone, StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_list_finds_a_case_by_its_whole_number_typed_in_lower_case_and_by_part_of_it()
    {
        var (nanqu, id) = await NewCaseAsync("按编号查找");
        using var client = nanqu;
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

        var whole = await nanqu.GetDocumentAsync($"/Cases?q={Uri.EscapeDataString(number.ToLowerInvariant())}");
        Assert.Equal([number], whole.QuerySelectorAll("#cases tbody tr td:first-child").Select(td => td.TextContent.Trim()));
        var part = await nanqu.GetDocumentAsync($"/Cases?q={Uri.EscapeDataString(number[..^1])}");
        Assert.Contains(number, part.QuerySelectorAll("#cases tbody tr td:first-child").Select(td => td.TextContent.Trim()));
    }

    [Fact]
    public async Task Showing_the_whole_number_is_logged_without_the_number()
    {
        var (nanqu, id) = await NewCaseAsync();
        using var _ = nanqu;
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Case" && a.Action == "PhoneRevealed"));

        using var response = await nanqu.PostFormAsync($"/Cases/RevealPhone/{id}", $"/Cases/Details/{id}", new());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(StoryPhone, page.QuerySelector(".case-phone")!.TextContent.Trim());
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        var entries = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Case" && a.Action == "PhoneRevealed").ToListAsync());
        Assert.Equal(before + 1, entries.Count);
        var entry = entries.Single(a => a.EntityId == $"{id}");
        Assert.Equal(me, entry.UserId);
        Assert.DoesNotContain(StoryPhone, entry.Changes, StringComparison.Ordinal);
        Assert.Equal("139****0606", (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector(".case-phone")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_resident_partys_whole_number_is_shown_on_request_logged_and_only_for_a_party_of_that_case()
    {
        var (nanqu, id) = await NewCaseAsync();
        using var _ = nanqu;
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "刘贤英", ["phone"] = "13607931234", ["role"] = "Complainant" });
        var party = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        Assert.Equal("136****1234", (await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#parties .party-phone")!.TextContent.Trim());

        using var response = await nanqu.PostFormAsync($"/Cases/RevealPhone/{id}", $"/Cases/Details/{id}", new() { ["partyId"] = $"{party}" });
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("13607931234", page.QuerySelector("#parties .party-phone")!.TextContent.Trim());
        Assert.Equal("139****0606", page.QuerySelector(".case-phone")!.TextContent.Trim()); // only the one asked for
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.EntityType == "CaseParty" && a.EntityId == $"{party}" && a.Action == "PhoneRevealed"));
        Assert.DoesNotContain("13607931234", entry.Changes, StringComparison.Ordinal);

        // A party of another case, through this case's address: 404, nothing logged.
        var (other, otherId) = await NewCaseAsync();
        using var __ = other;
        using var wrong = await nanqu.PostFormAsync($"/Cases/RevealPhone/{otherId}", $"/Cases/Details/{otherId}", new() { ["partyId"] = $"{party}" });
        Assert.Equal(HttpStatusCode.NotFound, wrong.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "CaseParty" && a.Action == "PhoneRevealed" && a.EntityId == $"{party}")));
    }
}
