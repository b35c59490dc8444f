using AngleSharp.Html.Dom;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>
/// Every lifecycle transition through the case page's forms as the browser posts them (antiforgery token and the
/// case's version), on cases registered by the test itself. After each step the database says the transition
/// happened (status, timeline, handler, escalation) and the case page shows it; a refused step shows the
/// localized message and changes nothing.
/// </summary>
public sealed class CaseTransitionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>What a transition changes, with the timeline as its event kinds in order.</summary>
    private sealed record CaseState(
        CaseStatus Status, int Revision, Guid Version, bool IsEscalated, bool TakenOver, string? HandlerUserId,
        CaseResolution? Resolution, CaseCloseKind? CloseKind, string? CloseReason, int ReopenCount, string Timeline)
    {
        public IReadOnlyList<string> Events => Timeline.Split(',');
    }

    // Projected into an anonymous type first: PostgreSQL would return a tuple built in SQL as a 'record'.
    private async Task<CaseState> StateAsync(int id)
    {
        var c = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id)
            .Select(c => new { c.Status, c.Revision, c.Version, c.IsEscalated, c.TakenOverBySubDistrict, c.HandlerUserId, c.Resolution, c.CloseKind, c.CloseReason, c.ReopenCount })
            .SingleAsync());
        var events = await factory.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        return new CaseState(c.Status, c.Revision, c.Version, c.IsEscalated, c.TakenOverBySubDistrict, c.HandlerUserId,
            c.Resolution, c.CloseKind, c.CloseReason, c.ReopenCount, string.Join(",", events));
    }

    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<string> DisplayNameAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).SingleAsync());

    private async Task<(PortalClient Nanqu, int Id)> NewCaseAsync(string title)
    {
        var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        return (nanqu, await RegisterAsync(nanqu, await IntakeAsync(factory, title)));
    }

    /// <summary>A case 南区 has accepted (handler: nanqu) and put in mediation.</summary>
    private async Task<(PortalClient Nanqu, int Id)> InMediationAsync(string title)
    {
        var (nanqu, id) = await NewCaseAsync(title);
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        await DoAsync(nanqu, id, "StartMediation");
        Assert.Equal(CaseStatus.InMediation, (await StateAsync(id)).Status);
        return (nanqu, id);
    }

    /// <summary>A case resolved with an agreement of one repair term owed by an outside organisation (still pending).</summary>
    private async Task<(PortalClient Nanqu, int Id)> ResolvedWithAgreementAsync(string title)
    {
        var (nanqu, id) = await InMediationAsync(title);
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        var party = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "SafetyMeasure", ["description"] = "沟槽加设安全围挡并回填", ["dueDate"] = ChinaToday(7) });
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "双方签订调解协议" });
        Assert.Equal(CaseStatus.Resolved, (await StateAsync(id)).Status);
        return (nanqu, id);
    }

    /// <summary>A case resolved without an agreement (no terms).</summary>
    private async Task<(PortalClient Nanqu, int Id)> ResolvedWithoutAgreementAsync(string title)
    {
        var (nanqu, id) = await InMediationAsync(title);
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "false", ["note"] = "向居民解释清楚，居民表示理解" });
        Assert.Equal(CaseStatus.Resolved, (await StateAsync(id)).Status);
        return (nanqu, id);
    }

    /// <summary>Asserts the step appended exactly <paramref name="kinds"/> to the timeline and renewed the version.</summary>
    private static void AssertAppended(CaseState before, CaseState after, params CaseEventKind[] kinds)
    {
        Assert.Equal([.. before.Events, .. kinds.Select(k => k.ToString())], after.Events);
        Assert.Equal(before.Revision + kinds.Length, after.Revision);
        Assert.NotEqual(before.Version, after.Version);
    }

    private static string StatusShown(IHtmlDocument page) => page.QuerySelector(".case-status")!.TextContent.Trim();

    private static string Badges(IHtmlDocument page) => page.QuerySelector(".case-status")!.ParentElement!.TextContent;

    /// <summary>The value shown next to a label in the case page's definition lists.</summary>
    private static string Shown(IHtmlDocument page, string label) =>
        page.QuerySelectorAll("dt").FirstOrDefault(dt => dt.TextContent.Trim() == label)?.NextElementSibling?.TextContent.Trim() ?? "";

    private static IReadOnlyList<string?> TimelineShown(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#timeline li").Select(li => li.GetAttribute("data-kind"))];

    // ---- the main line --------------------------------------------------------------------------------

    [Fact]
    public async Task Register_accept_mediate_record_a_session_resolve_with_agreement_follow_up_and_close()
    {
        var (nanqu, id) = await NewCaseAsync("主线流转：达成协议");
        using var _ = nanqu;
        var me = await UserIdAsync("nanqu");
        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.Registered, state.Status);
        Assert.Equal(["Registered"], state.Events);
        Assert.Null(state.HandlerUserId);
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已登记", StatusShown(page));
        Assert.NotNull(page.QuerySelector("#step-accept"));
        Assert.Null(page.QuerySelector("#step-mediation"));

        var before = state;
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.Accepted, state.Status);
        Assert.Equal(me, state.HandlerUserId);
        AssertAppended(before, state, CaseEventKind.Accepted);
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已受理", StatusShown(page));
        Assert.Equal(await DisplayNameAsync("nanqu"), Shown(page, "承办人"));
        Assert.Null(page.QuerySelector("#step-accept"));
        Assert.NotNull(page.QuerySelector("#step-mediation"));

        before = state;
        await DoAsync(nanqu, id, "StartMediation");
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        AssertAppended(before, state, CaseEventKind.MediationStarted);
        Assert.Equal("调解中", StatusShown(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")));

        before = state;
        await DoAsync(nanqu, id, "RecordSession", new()
        {
            ["heldAt"] = ChinaNow(-2),
            ["place"] = "南区社区党群服务中心二楼调解室",
            ["convenedBy"] = "南区社区党委",
            ["attendees"] = "刘贤英；大茅山建设公司代表；社区调解员",
            ["minutes"] = "施工方同意加设围挡。",
            ["outcome"] = "初步达成一致",
        });
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        AssertAppended(before, state, CaseEventKind.SessionRecorded);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Set<MediationSession>().CountAsync(s => s.CaseId == id)));
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains("南区社区党群服务中心二楼调解室", page.QuerySelector(".case-session")!.TextContent, StringComparison.Ordinal);

        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        var party = await factory.WithDbAsync(db => db.Set<CaseParty>().Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Compensation", ["description"] = "赔偿医药费", ["amount"] = "2000", ["dueDate"] = ChinaToday(10) });

        before = await StateAsync(id);
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "true", ["note"] = "签订调解协议" });
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.Resolved, state.Status);
        Assert.Equal(CaseResolution.AgreementReached, state.Resolution);
        AssertAppended(before, state, CaseEventKind.Resolved);
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        // Issue 18: resolved while the compensation is still owed reads 履行中, not a green "done"; the result and the
        // handler's note each on their own line.
        Assert.Equal("履行中", StatusShown(page));
        Assert.Equal("达成调解协议", Shown(page, "化解结果"));
        Assert.Equal("签订调解协议", Shown(page, "化解情况"));
        Assert.Null(page.QuerySelector("#step-resolve"));
        Assert.NotNull(page.QuerySelector("#step-followup"));

        var term = await factory.WithDbAsync(db => db.Set<AgreementTerm>().Where(t => t.CaseId == id).Select(t => t.Id).SingleAsync());
        await DoAsync(nanqu, id, "MarkTermFulfilled", new() { ["termId"] = $"{term}", ["fulfilledOn"] = ChinaToday(), ["proofNote"] = "收据已核对" });

        before = await StateAsync(id);
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Visit", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "true", ["note"] = "居民满意" });
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.FollowedUp, state.Status);
        AssertAppended(before, state, CaseEventKind.FollowedUp);
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已回访", StatusShown(page));
        Assert.NotNull(page.QuerySelector("#step-close"));

        before = state;
        await DoAsync(nanqu, id, "Close");
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Null(state.CloseKind);
        Assert.Equal(me, state.HandlerUserId);
        AssertAppended(before, state, CaseEventKind.Closed);
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已结案", StatusShown(page));
        Assert.Equal(state.Events, TimelineShown(page));
        Assert.Null(page.QuerySelector("#step-close"));
        Assert.Null(page.QuerySelector("#step-note"));
        Assert.NotNull(page.QuerySelector("#step-reopen")); // a normal close may be reopened
    }

    [Fact]
    public async Task Resolve_without_agreement_then_follow_up_without_terms_and_close()
    {
        var (nanqu, id) = await InMediationAsync("主线流转：未达成协议");
        using var _ = nanqu;

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "Resolve", new() { ["agreementReached"] = "false", ["note"] = "经解释，居民不再要求赔偿" });
        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.Resolved, state.Status);
        Assert.Equal(CaseResolution.ResolvedWithoutAgreement, state.Resolution);
        AssertAppended(before, state, CaseEventKind.Resolved);
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已化解", StatusShown(page));
        Assert.Equal("未达成协议化解", Shown(page, "化解结果"));
        Assert.Equal("经解释，居民不再要求赔偿", Shown(page, "化解情况"));

        // The form's "—" for whether the agreement was honoured: there is none.
        before = state;
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "BasicallySatisfied", ["agreementHonoured"] = "", ["note"] = "" });
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.FollowedUp, state.Status);
        Assert.Equal(0, state.ReopenCount);
        AssertAppended(before, state, CaseEventKind.FollowedUp);
        Assert.Equal("已回访", StatusShown(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")));

        before = state;
        await DoAsync(nanqu, id, "Close");
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Equal(CaseResolution.ResolvedWithoutAgreement, state.Resolution);
        AssertAppended(before, state, CaseEventKind.Closed);
        Assert.Equal("已结案", StatusShown(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")));
    }

    // ---- escalation -----------------------------------------------------------------------------------

    [Fact]
    public async Task The_community_escalates_the_sub_district_takes_over_and_hands_back_to_the_community()
    {
        var (nanqu, id) = await NewCaseAsync("上报街道后接管再交回");
        using var _ = nanqu;
        var nanquId = await UserIdAsync("nanqu");
        var jiedaoId = await UserIdAsync("jiedao");
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = nanquId });

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "Escalate", new() { ["reason"] = "施工单位不是联盟成员，社区协调不动" });
        var state = await StateAsync(id);
        Assert.True(state.IsEscalated);
        Assert.False(state.TakenOver);
        Assert.Equal(CaseStatus.Accepted, state.Status); // handling goes on meanwhile
        Assert.Equal(nanquId, state.HandlerUserId);
        AssertAppended(before, state, CaseEventKind.Escalated);
        Assert.Equal("施工单位不是联盟成员，社区协调不动", await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.EscalationReason).SingleAsync()));
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains("已上报", Badges(page), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#step-escalate"));
        Assert.Null(page.QuerySelector("#step-takeover")); // the community cannot take its own case over

        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var escalated = await jiedao.GetDocumentAsync("/Cases?escalated=true");
        Assert.NotNull(escalated.QuerySelector($"tr[data-case-id='{id}']"));
        page = await jiedao.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.NotNull(page.QuerySelector("#step-takeover"));
        Assert.NotNull(page.QuerySelector("#step-handback"));

        before = state;
        await DoAsync(jiedao, id, "TakeOver", new() { ["note"] = "街道协调市政施工单位" });
        state = await StateAsync(id);
        Assert.True(state.IsEscalated);
        Assert.True(state.TakenOver);
        Assert.Equal(jiedaoId, state.HandlerUserId);
        Assert.Equal(CaseStatus.Accepted, state.Status);
        AssertAppended(before, state, CaseEventKind.TakenOver);
        page = await jiedao.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Contains("街道接办", Badges(page), StringComparison.Ordinal);
        Assert.Equal(await DisplayNameAsync("jiedao"), Shown(page, "承办人"));
        Assert.Null(page.QuerySelector("#step-takeover"));
        Assert.NotNull(page.QuerySelector("#step-handback"));

        before = state;
        await DoAsync(jiedao, id, "HandBack", new() { ["handlerUserId"] = nanquId, ["note"] = "施工单位已同意整改，交回社区跟进" });
        state = await StateAsync(id);
        Assert.False(state.IsEscalated);
        Assert.False(state.TakenOver);
        Assert.Equal(nanquId, state.HandlerUserId);
        Assert.Equal(CaseStatus.Accepted, state.Status);
        AssertAppended(before, state, CaseEventKind.HandedBack);

        escalated = await jiedao.GetDocumentAsync("/Cases?escalated=true");
        Assert.Null(escalated.QuerySelector($"tr[data-case-id='{id}']"));
        page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.DoesNotContain("已上报", Badges(page), StringComparison.Ordinal);
        Assert.DoesNotContain("街道接办", Badges(page), StringComparison.Ordinal);
        Assert.Equal(await DisplayNameAsync("nanqu"), Shown(page, "承办人"));
        Assert.NotNull(page.QuerySelector("#step-escalate")); // back with the community, which may escalate again
        Assert.Equal(state.Events, TimelineShown(page));

        // Back with the community, it carries on working the case.
        before = state;
        await DoAsync(nanqu, id, "StartMediation");
        state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        AssertAppended(before, state, CaseEventKind.MediationStarted);
    }

    [Fact]
    public async Task The_sub_district_hands_back_an_escalated_case_it_did_not_take_over_keeping_the_handler()
    {
        var (nanqu, id) = await NewCaseAsync("上报街道后直接交回");
        using var _ = nanqu;
        await DoAsync(nanqu, id, "Escalate", new() { ["reason"] = "涉及多个部门" });
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

        var before = await StateAsync(id);
        Assert.True(before.IsEscalated);
        await DoAsync(jiedao, id, "HandBack", new() { ["handlerUserId"] = "", ["note"] = "由社区继续办理" });
        var state = await StateAsync(id);
        Assert.False(state.IsEscalated);
        Assert.False(state.TakenOver);
        Assert.Null(state.HandlerUserId);
        Assert.Equal(CaseStatus.Registered, state.Status);
        AssertAppended(before, state, CaseEventKind.HandedBack);
        Assert.NotNull((await nanqu.GetDocumentAsync($"/Cases/Details/{id}")).QuerySelector("#step-escalate"));
    }

    // ---- early close ----------------------------------------------------------------------------------

    [Theory]
    [InlineData("Duplicate", CaseCloseKind.Duplicate, "重复案件", false)]
    [InlineData("Withdrawn", CaseCloseKind.Withdrawn, "当事人撤回", true)]
    [InlineData("ReferredElsewhere", CaseCloseKind.ReferredElsewhere, "转交其他部门", true)]
    public async Task A_case_closed_early_keeps_the_kind_and_the_reason(string posted, CaseCloseKind kind, string shown, bool accepted)
    {
        var (nanqu, id) = await NewCaseAsync($"提前结案：{posted}");
        using var _ = nanqu;
        if (accepted) await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        var reason = $"{shown}：已与反映人核实";

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = posted, ["reason"] = reason });

        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.Closed, state.Status);
        Assert.Equal(kind, state.CloseKind);
        Assert.Equal(reason, state.CloseReason);
        Assert.Null(state.Resolution);
        AssertAppended(before, state, CaseEventKind.ClosedEarly);
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("已结案", StatusShown(page));
        Assert.Equal($"{shown} — {reason}", Shown(page, "终结方式"));
        Assert.Null(page.QuerySelector("#step-reopen")); // an early close is final
        Assert.Null(page.QuerySelector("#step-closeearly"));
    }

    [Fact]
    public async Task Closing_early_without_a_reason_is_refused_with_the_message_and_changes_nothing()
    {
        var (nanqu, id) = await NewCaseAsync("提前结案未填原因");
        using var _ = nanqu;
        var before = await StateAsync(id);

        var page = await RefusedAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = "Withdrawn", ["reason"] = "   " });

        Assert.Contains("请填写原因。", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal("已登记", StatusShown(page));
        Assert.NotNull(page.QuerySelector("#step-closeearly"));
        Assert.Equal(before, await StateAsync(id));
    }

    // ---- reopening ------------------------------------------------------------------------------------

    [Fact]
    public async Task A_dissatisfied_follow_up_reopens_the_case_in_mediation()
    {
        var (nanqu, id) = await ResolvedWithoutAgreementAsync("回访不满意重新办理");
        using var _ = nanqu;

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "Dissatisfied", ["agreementHonoured"] = "", ["note"] = "居民认为问题没有解决" });

        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        Assert.Null(state.Resolution);
        Assert.Equal(1, state.ReopenCount);
        AssertAppended(before, state, CaseEventKind.FollowedUp, CaseEventKind.Reopened);
        Assert.Equal(Satisfaction.Dissatisfied, await factory.WithDbAsync(db => db.Set<FollowUp>().Where(f => f.CaseId == id).Select(f => f.Satisfaction).SingleAsync()));
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("调解中", StatusShown(page));
        Assert.NotNull(page.QuerySelector("#step-resolve"));
        Assert.Null(page.QuerySelector("#step-followup"));
        Assert.Contains("不满意", page.QuerySelector("main ul.list-group > li")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(state.Events, TimelineShown(page));
    }

    [Fact]
    public async Task A_follow_up_saying_the_agreement_was_not_honoured_reopens_the_case()
    {
        var (nanqu, id) = await ResolvedWithAgreementAsync("协议未履行重新办理");
        using var _ = nanqu;

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Visit", ["satisfaction"] = "BasicallySatisfied", ["agreementHonoured"] = "false", ["note"] = "围挡至今未设" });

        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        Assert.Null(state.Resolution);
        Assert.Equal(1, state.ReopenCount);
        AssertAppended(before, state, CaseEventKind.FollowedUp, CaseEventKind.Reopened);
        var page = await nanqu.GetDocumentAsync($"/Cases/Details/{id}");
        Assert.Equal("调解中", StatusShown(page));
        Assert.NotNull(page.QuerySelector("#step-resolve"));
        Assert.Contains("围挡至今未设", page.QuerySelectorAll("#timeline li")[^1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_satisfied_follow_up_with_the_agreement_honoured_does_not_reopen()
    {
        var (nanqu, id) = await ResolvedWithAgreementAsync("回访满意不重新办理");
        using var _ = nanqu;

        var before = await StateAsync(id);
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "true", ["note"] = "" });

        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.FollowedUp, state.Status);
        Assert.Equal(CaseResolution.AgreementReached, state.Resolution);
        Assert.Equal(0, state.ReopenCount);
        AssertAppended(before, state, CaseEventKind.FollowedUp);
    }

    [Fact]
    public async Task Staff_reopen_a_closed_case_with_a_reason()
    {
        var (nanqu, id) = await ResolvedWithoutAgreementAsync("结案后重新办理");
        using var _ = nanqu;
        await DoAsync(nanqu, id, "RecordFollowUp", new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "", ["note"] = "" });
        await DoAsync(nanqu, id, "Close");

        var before = await StateAsync(id);
        Assert.Equal(CaseStatus.Closed, before.Status);
        var page = await RefusedAsync(nanqu, id, "Reopen", new() { ["reason"] = "" });
        Assert.Contains("请填写原因。", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(before, await StateAsync(id));

        await DoAsync(nanqu, id, "Reopen", new() { ["reason"] = "同一问题再次发生" });
        var state = await StateAsync(id);
        Assert.Equal(CaseStatus.InMediation, state.Status);
        Assert.Null(state.Resolution);
        Assert.Equal(1, state.ReopenCount);
        AssertAppended(before, state, CaseEventKind.Reopened);
        Assert.Equal("调解中", StatusShown(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")));
    }

    // ---- refused steps --------------------------------------------------------------------------------

    /// <summary>
    /// A step the case's state does not allow, posted with the case's current version: the case page again
    /// (200) with the step's message from SharedResource.zh-CN.resx, the status shown as before, nothing stored.
    /// </summary>
    [Theory]
    [InlineData("Registered", "Close", "回访完成后才能结案。")]
    [InlineData("Registered", "Resolve", "只有调解中的案件才能化解。")]
    [InlineData("Registered", "StartMediation", "案件受理后才能开始调解。")]
    [InlineData("Registered", "RecordFollowUp", "案件化解后才能回访。")]
    [InlineData("Registered", "Reopen", "只有已化解、已回访或正常结案的案件才能重新办理。")]
    [InlineData("Registered", "RecordSession", "案件受理后、化解前才能记录调解会。")]
    [InlineData("Accepted", "Accept", "只有刚登记的案件才能受理。")]
    [InlineData("Accepted", "Resolve", "只有调解中的案件才能化解。")]
    [InlineData("Accepted", "Close", "回访完成后才能结案。")]
    [InlineData("Accepted", "HandBack", "只有已上报街道、尚未结案的案件才能交回社区。")]
    [InlineData("Accepted", "TakeOver", "只有已上报街道、尚未接管的案件才能接管。")]
    [InlineData("Resolved", "CloseEarly", "只有尚未化解的案件才能提前结案。")]
    [InlineData("Resolved", "Escalate", "只有尚未化解的案件才能上报街道。")]
    [InlineData("Resolved", "Close", "回访完成后才能结案。")]
    [InlineData("Escalated", "Escalate", "该案件已上报街道。")]
    [InlineData("ClosedEarly", "Reopen", "只有已化解、已回访或正常结案的案件才能重新办理。")]
    [InlineData("ClosedEarly", "AddProgressNote", "已结案的案件不能再添加进展。")]
    public async Task A_step_out_of_order_shows_the_message_and_changes_nothing(string at, string action, string message)
    {
        var (nanqu, id) = at == "Resolved"
            ? await ResolvedWithoutAgreementAsync($"越序操作：{at} {action}")
            : await NewCaseAsync($"越序操作：{at} {action}");
        using var _ = nanqu;
        var nanquId = await UserIdAsync("nanqu");
        if (at == "Accepted") await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = nanquId });
        if (at == "Escalated") await DoAsync(nanqu, id, "Escalate", new() { ["reason"] = "第一次上报" });
        if (at == "ClosedEarly") await DoAsync(nanqu, id, "CloseEarly", new() { ["closeKind"] = "Duplicate", ["reason"] = "与另一案件重复" });

        // Everything the step's form would send, filled in validly: only the order is wrong.
        var fields = action switch
        {
            "Accept" => new Dictionary<string, string> { ["handlerUserId"] = nanquId },
            "Resolve" => new() { ["agreementReached"] = "false", ["note"] = "办结" },
            "RecordFollowUp" => new() { ["date"] = ChinaToday(), ["method"] = "Phone", ["satisfaction"] = "Satisfied", ["agreementHonoured"] = "", ["note"] = "" },
            "RecordSession" => new() { ["heldAt"] = ChinaNow(-1), ["place"] = "社区调解室", ["convenedBy"] = "南区社区党委", ["attendees"] = "双方当事人", ["minutes"] = "", ["outcome"] = "" },
            "Reopen" or "Escalate" => new() { ["reason"] = "再次处理" },
            "CloseEarly" => new() { ["closeKind"] = "Withdrawn", ["reason"] = "当事人撤回" },
            "HandBack" or "TakeOver" => new() { ["handlerUserId"] = "", ["note"] = "街道意见" },
            "AddProgressNote" => new() { ["text"] = "又来电询问" },
            _ => new Dictionary<string, string>(),
        };
        // Taking over and handing back are the sub-district's steps: it posts them.
        using var jiedao = action is "TakeOver" or "HandBack" ? await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict) : null;
        var client = jiedao ?? nanqu;
        var before = await StateAsync(id);
        var shownBefore = StatusShown(await client.GetDocumentAsync($"/Cases/Details/{id}"));

        // The current version: what the page's hidden field holds (a closed case's page has no step forms left; its
        // version is the one a page opened before the close would send).
        using var response = await StepAsync(client, id, action, fields, $"{before.Version}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Equal(shownBefore, StatusShown(page));
        Assert.Equal(before, await StateAsync(id));
    }

    // ---- who may post a step --------------------------------------------------------------------------

    /// <summary>Valid steps, each with the case's real version: only the poster is wrong.</summary>
    public static TheoryData<string, string[]> ValidSteps => new()
    {
        { "Accept", ["handlerUserId", "{nanqu}"] },
        { "Escalate", ["reason", "越权上报"] },
        { "CloseEarly", ["closeKind", "Withdrawn", "reason", "越权结案"] },
        { "AddProgressNote", ["text", "越权进展"] },
        { "AddParty", ["kind", "Resident", "name", "张三", "role", "Complainant"] },
    };

    [Theory]
    [MemberData(nameof(ValidSteps))]
    public async Task A_community_committee_of_another_community_gets_404_on_a_step_and_nothing_changes(string action, string[] pairs)
    {
        var (nanqu, id) = await NewCaseAsync($"北区越权：{action}");
        using var _ = nanqu;
        var fields = await FieldsAsync(pairs);
        var version = await VersionAsync(nanqu, id);
        var before = await StateAsync(id);
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);

        using var response = await beiqu.PostFormAsync($"/Cases/{action}/{id}", "/Cases", new(fields) { ["version"] = version });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(before, await StateAsync(id));
        // The same form from 南区 itself goes through: the refusal was the poster's scope, not the form.
        await DoAsync(nanqu, id, action, fields);
        Assert.NotEqual(before, await StateAsync(id));
    }

    [Theory]
    [MemberData(nameof(ValidSteps))]
    public async Task A_paired_unit_posting_a_step_is_refused_by_role_and_nothing_changes(string action, string[] pairs)
    {
        var (nanqu, id) = await NewCaseAsync($"共建单位越权：{action}");
        using var _ = nanqu;
        var fields = await FieldsAsync(pairs);
        var version = await VersionAsync(nanqu, id);
        var before = await StateAsync(id);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);

        using var response = await unit.PostFormAsync($"/Cases/{action}/{id}", "/Account/AccessDenied", new(fields) { ["version"] = version });

        // As the authorization matrix has it for a paired unit: refused by role (403 or the access-denied page).
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect
                        && response.Headers.Location?.OriginalString.Contains("/Account/AccessDenied", StringComparison.OrdinalIgnoreCase) == true),
            $"{PortalClient.Users.EngineeringUnit} POST {action} got {(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal(before, await StateAsync(id));
        await DoAsync(nanqu, id, action, fields);
        Assert.NotEqual(before, await StateAsync(id));
    }

    private async Task<Dictionary<string, string>> FieldsAsync(string[] pairs)
    {
        var fields = new Dictionary<string, string>();
        for (var i = 0; i < pairs.Length; i += 2)
            fields[pairs[i]] = pairs[i + 1] == "{nanqu}" ? await UserIdAsync("nanqu") : pairs[i + 1];
        return fields;
    }
}
