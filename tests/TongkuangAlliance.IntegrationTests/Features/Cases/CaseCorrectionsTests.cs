using AngleSharp.Html.Dom;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>
/// Correcting what was entered by mistake, through the case page's forms as 南区社区 does it: a term withdrawn
/// (gone from the printed agreement, the unit's terms list and its counts, struck through on the case page), a party
/// removed once it owes nothing, the handler changed. Bad input, a stale form and another community change nothing.
/// </summary>
public sealed class CaseCorrectionsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Company = "大茅山建设公司";

    /// <summary>A 南区 case in mediation, handled by nanqu: the resident, 铜矿工程部 and the company as parties; the unit
    /// owes <paramref name="unitTerm"/> (due yesterday, so overdue) and the company a compensation of ¥20,000.</summary>
    private async Task<(PortalClient Client, int Id, string Title)> InMediationAsync(string unitTerm)
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var title = $"更正测试 {Guid.NewGuid():N}";
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, title));
        var ids = await factory.DemoIdsAsync();
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "Resident", ["name"] = "刘贤英", ["phone"] = StoryPhone, ["role"] = "Complainant" });
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "MemberUnit", ["memberUnitId"] = $"{ids.EngineeringUnit}", ["role"] = "ResponsibleUnit" });
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = Company, ["role"] = "Respondent" });
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        await DoAsync(nanqu, id, "StartMediation");
        var parties = await PartiesAsync(id);
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{parties["铜矿工程部"]}", ["kind"] = "Repair", ["description"] = unitTerm, ["dueDate"] = ChinaToday(-1) });
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{parties[Company]}", ["kind"] = "Compensation", ["description"] = "赔偿刘贤英医药费等", ["amount"] = "20000", ["dueDate"] = ChinaToday(10) });
        return (nanqu, id, title);
    }

    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<Dictionary<string, int>> PartiesAsync(int id) =>
        factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id && p.RemovedAtUtc == null).ToDictionaryAsync(p => p.Name, p => p.Id));

    private Task<int> TermIdAsync(int id, string description) =>
        factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.CaseId == id && t.Description == description).Select(t => t.Id).SingleAsync());

    /// <summary>Everything a correction could change: the case row, its terms' states, its parties' removals, its timeline.</summary>
    private Task<string> StateAsync(int id) => factory.WithDbAsync(async db =>
    {
        var kase = await db.Cases.Where(c => c.Id == id).Select(c => new { c.Status, c.Revision, c.Version, c.HandlerUserId }).SingleAsync();
        // Formatted here, not in SQL: every provider reads the same plain columns.
        var terms = await db.AgreementTerms.Where(t => t.CaseId == id).OrderBy(t => t.Id).Select(t => new { t.Id, t.Status, t.WithdrawalReason }).ToListAsync();
        var parties = await db.CaseParties.Where(p => p.CaseId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.RemovedAtUtc, p.RemovalReason }).ToListAsync();
        var events = await db.CaseEvents.CountAsync(e => e.CaseId == id);
        return $"{kase} | {string.Join(",", terms)} | {string.Join(",", parties)} | {events}";
    });

    private static async Task<(int Pending, int Overdue)> UnitCountsAsync(PortalClient unit)
    {
        var home = await unit.GetDocumentAsync("/");
        return (int.Parse(home.QuerySelector("#work-terms-owed .work-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(home.QuerySelector("#work-terms-overdue .work-count")!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static string Timeline(IHtmlDocument page, string kind) =>
        string.Join("\n", page.QuerySelectorAll($"#timeline li[data-kind='{kind}']").Select(li => li.TextContent));

    [Fact]
    public async Task A_mistyped_term_is_withdrawn_and_leaves_the_agreement_the_units_list_and_its_counts_but_stays_struck_through_on_the_case()
    {
        const string typo = "更换建安小区损坏的 40 盏路灯";
        const string reason = "数量录入错误：协议约定为 4 盏";
        var (nanqu, id, _) = await InMediationAsync(typo);
        using var _ = nanqu;
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var term = await TermIdAsync(id, typo);

        Assert.Contains(typo, (await nanqu.GetDocumentAsync($"/Agreements/Print/{id}")).QuerySelector("ol.agreement-terms")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(typo, HtmlAssert.MainText(await unit.GetDocumentAsync("/Terms")), StringComparison.Ordinal);
        Assert.Contains(typo, HtmlAssert.MainText(await unit.GetDocumentAsync("/Terms?status=overdue")), StringComparison.Ordinal);
        var countsBefore = await UnitCountsAsync(unit);

        await DoAsync(nanqu, id, "WithdrawTerm", new() { ["termId"] = $"{term}", ["reason"] = reason });
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{(await PartiesAsync(id))["铜矿工程部"]}", ["kind"] = "Repair", ["description"] = "更换建安小区损坏的 4 盏路灯", ["dueDate"] = ChinaToday(5) });

        // Stored, withdrawn, with the reason: nothing was deleted.
        var stored = await factory.WithDbAsync(db => db.AgreementTerms.AsNoTracking().SingleAsync(t => t.Id == term));
        Assert.Equal((AgreementTermStatus.Withdrawn, reason), (stored.Status, stored.WithdrawalReason));
        Assert.NotNull(stored.WithdrawnAtUtc);

        // The printed agreement holds the corrected term only.
        var print = await nanqu.GetDocumentAsync($"/Agreements/Print/{id}");
        var printed = print.QuerySelectorAll("ol.agreement-terms li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, printed.Count);
        Assert.DoesNotContain(printed, t => t.Contains("40 盏", StringComparison.Ordinal));
        Assert.Contains(printed, t => t.Contains("更换建安小区损坏的 4 盏路灯", StringComparison.Ordinal));

        // The unit no longer owes it: not listed (any filter), one pending and one overdue fewer on its home page.
        foreach (var list in new[] { "/Terms", "/Terms?status=pending", "/Terms?status=overdue", "/Terms?status=fulfilled" })
            Assert.DoesNotContain(typo, HtmlAssert.MainText(await unit.GetDocumentAsync(list)), StringComparison.Ordinal);
        Assert.DoesNotContain(typo, HtmlAssert.MainText(await nanqu.GetDocumentAsync("/Terms")), StringComparison.Ordinal);
        var countsAfter = await UnitCountsAsync(unit);
        Assert.Equal((countsBefore.Pending, countsBefore.Overdue - 1), (countsAfter.Pending, countsAfter.Overdue)); // one withdrawn, one added (not overdue)

        // On the case page: struck through, marked withdrawn, with the reason; on the timeline; no longer offered to fulfil.
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var row = page.QuerySelector($"#terms tr[data-term-id='{term}']")!;
        Assert.Contains("term-withdrawn", row.ClassName, StringComparison.Ordinal);
        Assert.Equal(typo, row.QuerySelector("del")!.TextContent.Trim());
        Assert.Contains("已撤回", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(reason, Timeline(page, "TermWithdrawn"), StringComparison.Ordinal);
        Assert.Contains("撤回协议条款", Timeline(page, "TermWithdrawn"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector($"#fulfil-term option[value='{term}']"));
        Assert.Null(page.QuerySelector($"#withdraw-term option[value='{term}']"));

        // The unit's fulfil page for it says it was withdrawn instead of offering the form; posting it is refused.
        var fulfil = await unit.GetDocumentAsync($"/Terms/Fulfil/{term}");
        Assert.Contains("已撤回", HtmlAssert.MainText(fulfil), StringComparison.Ordinal);
        Assert.Null(fulfil.QuerySelector("form[action*='Fulfil']"));
        var before = await StateAsync(id);
        var version = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        using (var posted = await unit.PostFormAsync($"/Terms/Fulfil/{term}", "/Terms", new() { ["Input.FulfilledOn"] = ChinaToday(), ["Input.ProofNote"] = "已更换", ["Input.Version"] = $"{version}" }))
        {
            Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
            Assert.Contains("该条款已撤回", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task A_withdrawn_term_no_longer_holds_up_resolving_without_an_agreement()
    {
        var (nanqu, id, _) = await InMediationAsync("误录的维修条款");
        using var _ = nanqu;
        var page = await RefusedAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "false", ["note"] = "居民不再主张" });
        Assert.NotEmpty(HtmlAssert.Summary(page));

        foreach (var term in new[] { "误录的维修条款", "赔偿刘贤英医药费等" })
            await DoAsync(nanqu, id, "WithdrawTerm", new() { ["termId"] = $"{await TermIdAsync(id, term)}", ["reason"] = "并未达成协议，误录" });
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "false", ["note"] = "居民不再主张" });

        Assert.Equal(CaseStatus.Resolved, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Status).SingleAsync()));
        Assert.Contains("本案尚无协议条款", (await nanqu.GetDocumentAsync($"/Agreements/Print/{id}")).QuerySelector(".no-terms")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_party_owing_a_pending_term_is_not_removed_and_once_it_owes_nothing_is_removed_shown_as_such_and_left_off_the_agreement()
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        var company = (await PartiesAsync(id))[Company];
        var before = await StateAsync(id);

        var page = await RefusedAsync(nanqu, id, "RemoveParty", new() { ["partyId"] = $"{company}", ["reason"] = "录入错误" });
        Assert.Contains("该当事人还有待履行的协议条款，不能移除", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal("录入错误", page.QuerySelector("#remove-reason")!.TextContent); // what was typed is kept
        Assert.Equal(before, await StateAsync(id));

        await DoAsync(nanqu, id, "WithdrawTerm", new() { ["termId"] = $"{await TermIdAsync(id, "赔偿刘贤英医药费等")}", ["reason"] = "义务人录入错误" });
        await DoAsync(nanqu, id, "RemoveParty", new() { ["partyId"] = $"{company}", ["reason"] = "与本案无关，误加" });

        var stored = await factory.WithDbAsync(db => db.CaseParties.AsNoTracking().SingleAsync(p => p.Id == company));
        Assert.Equal("与本案无关，误加", stored.RemovalReason);
        Assert.NotNull(stored.RemovedAtUtc);

        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var row = page.QuerySelectorAll("#parties tbody tr").Single(tr => tr.TextContent.Contains(Company, StringComparison.Ordinal));
        Assert.Equal(Company, row.QuerySelector("del")!.TextContent.Trim());
        Assert.Contains("已移除", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("与本案无关，误加", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("与本案无关，误加", Timeline(page, "PartyRemoved"), StringComparison.Ordinal);
        // No longer offered as who owes a new term or as a party to remove.
        Assert.Null(page.QuerySelector($"#term-party option[value='{company}']"));
        Assert.Null(page.QuerySelector($"#remove-party option[value='{company}']"));
        Assert.NotNull(page.QuerySelector($"#term-party option[value='{(await PartiesAsync(id))["刘贤英"]}']"));

        // Neither among the agreement's parties nor on a signature line.
        var print = await nanqu.GetDocumentAsync($"/Agreements/Print/{id}");
        Assert.DoesNotContain(Company, print.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, print.QuerySelectorAll(".signature-line").Length); // the resident, the unit, the mediator

        // A term for it is refused, whatever the form says.
        before = await StateAsync(id);
        page = await RefusedAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{company}", ["kind"] = "Apology", ["description"] = "书面致歉", ["dueDate"] = ChinaToday(3) });
        Assert.Contains("请选择本案的当事方", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task The_handler_is_changed_from_the_accept_list_by_the_committees_and_not_on_a_closed_case()
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        var jiedao = await UserIdAsync("jiedao");
        var names = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu" || u.UserName == "jiedao").ToDictionaryAsync(u => u.UserName!, u => u.DisplayName));

        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        var offered = page.QuerySelectorAll("#change-handler option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(jiedao, offered);
        Assert.DoesNotContain(await UserIdAsync("nanqu"), offered); // the current handler
        Assert.DoesNotContain(await UserIdAsync("beiqu"), offered);

        await DoAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = jiedao, ["note"] = "涉及市政项目，转街道承办" });

        Assert.Equal(jiedao, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.HandlerUserId).SingleAsync()));
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains(names["jiedao"], page.QuerySelector("dl")!.TextContent, StringComparison.Ordinal);
        var changed = Timeline(page, "HandlerChanged");
        Assert.Contains($"{names["nanqu"]} → {names["jiedao"]}", changed, StringComparison.Ordinal);
        Assert.Contains("涉及市政项目，转街道承办", changed, StringComparison.Ordinal);

        // Someone outside the case's staff, the same handler again, no one: refused, nothing changes.
        var before = await StateAsync(id);
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("beiqu") });
        Assert.Contains("请指定承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = jiedao });
        Assert.Contains("所选人员已是本案承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = "" });
        Assert.Contains("请指定承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("nanqu"), ["note"] = new string('交', 501) });
        Assert.Contains("内容过长", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        // Closing early is refused while terms are owed; withdrawn, they no longer hold it.
        page = await RefusedAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = "ReferredElsewhere", ["reason"] = "转交法院处理" });
        Assert.Contains("本案还有待履行的协议条款，不能提前终结", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
        foreach (var term in await factory.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == id).Select(t => t.Id).ToListAsync()))
            await DoAsync(nanqu, id, "WithdrawTerm", new() { ["termId"] = $"{term}", ["reason"] = "转交法院，协议未签" });

        // Closed: no form, and a post is refused.
        await DoAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = "ReferredElsewhere", ["reason"] = "转交法院处理" });
        Assert.Null((await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#step-change-handler"));
        before = await StateAsync(id);
        var version = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("nanqu") }, $"{version}");
        Assert.Contains("只有已受理、尚未结案的案件才能更换承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task Before_acceptance_there_is_no_handler_to_change_and_a_grid_worker_may_not_change_it()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "尚未受理的案件"));
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Null(page.QuerySelector("#step-change-handler"));
        var version = await VersionAsync(nanqu, id);
        var before = await StateAsync(id);
        page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        Assert.Contains("只有已受理、尚未结案的案件才能更换承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        using var grid = await factory.CreatePortalClient().SignedInAsAsync(Authorization.GridWorkMatrixRows.GridInUser);
        using var response = await grid.PostFormAsync($"/Cases/ChangeHandler/{id}", "/Account/AccessDenied", new() { ["version"] = version, ["handlerUserId"] = await UserIdAsync("nanqu") });
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                    || response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true,
            $"the grid worker got {(int)response.StatusCode}");
        Assert.Equal(before, await StateAsync(id));
    }

    [Fact]
    public async Task Once_the_sub_district_took_the_case_over_only_the_sub_district_changes_its_handler()
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        await DoAsync(nanqu, id, "Escalate", new() { ["reason"] = "施工方不配合" });
        await DoAsync(jiedao, id, "TakeOver", new() { ["note"] = "街道牵头" });

        Assert.Null((await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#step-change-handler"));
        var before = await StateAsync(id);
        var page = await RefusedAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        Assert.Contains("只有街道才能更换承办人", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        Assert.NotNull((await jiedao.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#step-change-handler"));
        await DoAsync(jiedao, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        Assert.Equal(await UserIdAsync("nanqu"), await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.HandlerUserId).SingleAsync()));
    }

    public static TheoryData<string, string, string> BadInput() => new()
    {
        // action, field overrides ("key=value;key=value", TERM/PARTY replaced by real ids), expected message
        { "WithdrawTerm", "termId=TERM;reason=", "请填写原因" },
        { "WithdrawTerm", "termId=TERM;reason=   ", "请填写原因" },
        { "WithdrawTerm", "termId=TERM;reason=LONG", "内容过长" },
        { "WithdrawTerm", "termId=0;reason=录入错误", "找不到该协议条款" },
        { "WithdrawTerm", "termId=2147483647;reason=录入错误", "找不到该协议条款" },
        { "WithdrawTerm", "reason=录入错误", "找不到该协议条款" },
        { "WithdrawTerm", "termId=abc;reason=录入错误", "“abc”无效" },
        { "RemoveParty", "partyId=PARTY;reason=", "请填写原因" },
        { "RemoveParty", "partyId=PARTY;reason=LONG", "内容过长" },
        { "RemoveParty", "partyId=0;reason=录入错误", "请选择本案的当事方" },
        { "RemoveParty", "partyId=abc;reason=录入错误", "“abc”无效" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task Bad_input_gives_a_message_and_changes_nothing(string action, string fields, string message)
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        var term = await TermIdAsync(id, "赔偿刘贤英医药费等");
        var resident = (await PartiesAsync(id))["刘贤英"];
        var form = fields.Split(';').Select(f => f.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1] switch
        {
            "TERM" => $"{term}",
            "PARTY" => $"{resident}",
            "LONG" => new string('错', 501),
            var value => value,
        });
        var before = await StateAsync(id);

        var page = await RefusedAsync(nanqu, id, action, form);

        var summary = HtmlAssert.Summary(page);
        Assert.NotEmpty(summary);
        Assert.Contains(message, summary, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Theory]
    [InlineData("WithdrawTerm")]
    [InlineData("RemoveParty")]
    [InlineData("ChangeHandler")]
    public async Task A_stale_form_is_refused_with_a_message_and_changes_nothing(string action)
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        var stale = await VersionAsync(nanqu, id);
        await DoAsync(nanqu, id, "AddProgressNote", new() { ["text"] = "同事刚记录的进展" });
        var resident = (await PartiesAsync(id))["刘贤英"];
        Dictionary<string, string> form = action switch
        {
            "WithdrawTerm" => new() { ["termId"] = $"{await TermIdAsync(id, "更换路灯")}", ["reason"] = "录入错误" },
            "RemoveParty" => new() { ["partyId"] = $"{resident}", ["reason"] = "录入错误" },
            _ => new() { ["handlerUserId"] = await UserIdAsync("jiedao") },
        };
        var before = await StateAsync(id);

        var page = await RefusedAsync(nanqu, id, action, form, stale);

        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Contains("同事刚记录的进展", page.QuerySelector("#timeline")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }

    [Theory]
    [InlineData("WithdrawTerm")]
    [InlineData("RemoveParty")]
    [InlineData("ChangeHandler")]
    public async Task Another_community_gets_404_and_changes_nothing(string action)
    {
        var (nanqu, id, _) = await InMediationAsync("更换路灯");
        using var _ = nanqu;
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        var version = await VersionAsync(nanqu, id);
        Dictionary<string, string> form = action switch
        {
            "WithdrawTerm" => new() { ["termId"] = $"{await TermIdAsync(id, "更换路灯")}", ["reason"] = "越权" },
            "RemoveParty" => new() { ["partyId"] = $"{(await PartiesAsync(id))["刘贤英"]}", ["reason"] = "越权" },
            _ => new() { ["handlerUserId"] = await UserIdAsync("beiqu") },
        };
        form["version"] = version;
        var before = await StateAsync(id);

        using var response = await beiqu.PostFormAsync($"/Cases/{action}/{id}", "/Cases", form);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("刘贤英", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));
    }
}
