using AngleSharp.Html.Dom;
using TongkuangAlliance.Core.Notifications;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>
/// Issue 17's rules over HTTP: each trigger through its real form, the notification row written, and what the recipient
/// sees in the bell and the inbox; a user's own notifications only, and only about records they may still open.
/// Own app: these tests write.
/// </summary>
public sealed class NotificationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string GridWorker1 = "wangge-nanqu1";

    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task<PortalClient> SignInAsync(string userName) => await factory.CreatePortalClient().SignedInAsAsync(userName);

    /// <summary>The bell's unread count as the layout shows it (0 when it shows none).</summary>
    private static int Bell(IHtmlDocument page)
    {
        Assert.NotNull(page.QuerySelector("header .portal-bell"));
        var count = page.QuerySelector("header .portal-bell-count")?.TextContent;
        return count is null ? 0 : int.Parse(count, CultureInfo.InvariantCulture);
    }

    private static List<string> Texts(IHtmlDocument inbox) =>
        inbox.QuerySelectorAll(".notification-text").Select(e => e.TextContent.Trim()).ToList();

    /// <summary>The notifications of <paramref name="kind"/> written for <paramref name="userName"/> about a case.</summary>
    private Task<List<long>> RowsAsync(string userName, NotificationKind kind, int? caseId = null, int? termId = null, int? itemId = null) =>
        factory.WithDbAsync(db => db.Notifications.Where(n => n.Kind == kind && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)
                && (caseId == null || n.CaseId == caseId) && (termId == null || n.AgreementTermId == termId) && (itemId == null || n.ActionItemId == itemId))
            .Select(n => n.Id).ToListAsync());

    [Fact]
    public async Task The_demo_leaves_unit02_with_unread_notifications_of_its_overdue_term_and_sent_back_item()
    {
        using var unit = await SignInAsync(PortalClient.Users.EngineeringUnit);
        var home = await unit.GetDocumentAsync("/");
        Assert.True(Bell(home) >= 2, $"bell shows {Bell(home)}");

        var inbox = Texts(await unit.GetDocumentAsync("/Notifications?unread=true"));
        Assert.Contains(inbox, t => t.Contains("为建安小区 5、6 栋加装供水增压泵", StringComparison.Ordinal) && t.Contains("请于", StringComparison.Ordinal));
        Assert.Contains(inbox, t => t.Contains(DemoJoint.SentBackItem, StringComparison.Ordinal) && t.Contains(DemoJoint.SentBackComment, StringComparison.Ordinal));
        // History (the story of 2020) tells nobody.
        Assert.DoesNotContain(inbox, t => t.Contains("在保修期内更换建安小区损坏的 4 盏路灯", StringComparison.Ordinal));
        Assert.DoesNotContain(inbox, t => t.Contains("排查南区各小区路灯及公共照明设施", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_registered_by_staff_tells_the_community_committee_who_sees_it_in_the_bell_and_inbox_and_opens_it()
    {
        using var nanqu = await SignInAsync(PortalClient.Users.SouthCommunity);
        var before = Bell(await nanqu.GetDocumentAsync("/Notifications"));
        using var jiedao = await SignInAsync(PortalClient.Users.SubDistrict);
        var form = await IntakeAsync(factory, "通知测试：街道登记的案件");
        form["Input.CommunityId"] = $"{(await factory.DemoIdsAsync()).SouthCommunity}"; // the sub-district names the community
        var id = await RegisterAsync(jiedao, form);
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

        Assert.Single(await RowsAsync("nanqu", NotificationKind.CaseNew, id));
        Assert.Empty(await RowsAsync("jiedao", NotificationKind.CaseNew, id)); // the one who registered it
        var inbox = await nanqu.GetDocumentAsync("/Notifications?unread=true&kind=CaseNew");
        Assert.Equal(before + 1, Bell(inbox));
        Assert.Contains($"新案件 {number}「通知测试：街道登记的案件」已进入待办。", Texts(inbox));

        // Opening it marks it read and goes to the case.
        var mine = (await RowsAsync("nanqu", NotificationKind.CaseNew, id)).Single();
        using var opened = await nanqu.PostFormAsync($"/Notifications/Open/{mine}", "/Notifications", []);
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal($"/Cases/Details/{id}", opened.Headers.Location!.OriginalString);
        Assert.Equal(before, Bell(await nanqu.GetDocumentAsync("/Notifications")));
        Assert.DoesNotContain(Texts(await nanqu.GetDocumentAsync("/Notifications?unread=true")), t => t.Contains(number, StringComparison.Ordinal));
        Assert.Contains(Texts(await nanqu.GetDocumentAsync("/Notifications")), t => t.Contains(number, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_residents_request_and_a_grid_intake_tell_the_committee_and_the_grid_worker_of_the_grid()
    {
        var building = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == "建安小区" && b.Name == "2栋").Select(b => new { b.Id, b.GridId }).SingleAsync());
        using var resident = factory.CreatePortalClient();
        using (var response = await resident.PostFormAsync("/Residents/Report", $"/Residents/Report?building={building.Id}", new()
               {
                   ["Input.Kind"] = "Request", ["Input.BuildingId"] = $"{building.Id}", ["Input.PlaceDetail"] = "1 单元",
                   ["Input.Description"] = "通知测试：楼道灯坏了，晚上很黑。", ["Input.Name"] = "李女士", ["Input.Phone"] = "13607931234", ["Input.Website"] = "",
               }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await factory.WithDbAsync(db => db.Cases.Where(c => c.Description.Contains("通知测试：楼道灯坏了")).Select(c => c.Id).SingleAsync());

        Assert.Single(await RowsAsync("nanqu", NotificationKind.CaseNew, id));
        Assert.Single(await RowsAsync(GridWorker1, NotificationKind.CaseNew, id));
        Assert.Empty(await RowsAsync("wangge-nanqu2", NotificationKind.CaseNew, id)); // another grid
        Assert.Empty(await RowsAsync("beiqu", NotificationKind.CaseNew, id));
        using var worker = await SignInAsync(GridWorker1);
        var inbox = await worker.GetDocumentAsync("/Notifications");
        Assert.True(Bell(inbox) >= 1);
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        Assert.Contains(Texts(inbox), t => t.Contains(number, StringComparison.Ordinal));

        // The grid worker's own quick intake tells the committee, not the worker.
        var category = await factory.WithDbAsync(db => db.CaseCategories.Where(c => c.Name == "其他").Select(c => c.Id).SingleAsync());
        var intake = new Dictionary<string, string>
        {
            ["Input.BuildingId"] = $"{building.Id}", ["Input.Kind"] = "Request", ["Input.Urgency"] = "Normal", ["Input.CategoryId"] = $"{category}",
            ["Input.ReporterName"] = "赵大爷", ["Input.ReporterPhone"] = "13607930001",
            ["Input.Title"] = "通知测试：网格上报", ["Input.Description"] = "网格员走访发现楼道扶手松动。",
        };
        using (var response = await worker.PostFormAsync("/GridWork/Intake", "/GridWork/Intake", intake))
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, HtmlAssert.Summary(await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync())));
        var gridCase = await factory.WithDbAsync(db => db.Cases.Where(c => c.Title == "通知测试：网格上报").Select(c => c.Id).SingleAsync());
        Assert.Single(await RowsAsync("nanqu", NotificationKind.CaseNew, gridCase));
        Assert.Empty(await RowsAsync(GridWorker1, NotificationKind.CaseNew, gridCase));
    }

    [Fact]
    public async Task The_new_handler_is_told_and_escalation_and_hand_back_tell_the_sub_district_and_the_community()
    {
        using var nanqu = await SignInAsync(PortalClient.Users.SouthCommunity);
        using var jiedao = await SignInAsync(PortalClient.Users.SubDistrict);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "通知测试：交办与上报"));
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        Assert.Empty(await RowsAsync("nanqu", NotificationKind.CaseAssigned, id)); // took it themself

        await DoAsync(nanqu, id, "ChangeHandler", new() { ["handlerUserId"] = await UserIdAsync("jiedao"), ["note"] = "转街道承办" });
        Assert.Single(await RowsAsync("jiedao", NotificationKind.CaseAssigned, id));
        Assert.Contains(Texts(await jiedao.GetDocumentAsync("/Notifications?kind=CaseAssigned")), t => t.Contains("通知测试：交办与上报", StringComparison.Ordinal) && t.Contains("交由您办理", StringComparison.Ordinal));

        await DoAsync(nanqu, id, "Escalate", new() { ["reason"] = "施工方不配合" });
        Assert.Single(await RowsAsync("jiedao", NotificationKind.CaseEscalated, id));
        Assert.Contains(Texts(await jiedao.GetDocumentAsync("/Notifications?kind=CaseEscalated")), t => t.Contains("已上报街道：施工方不配合", StringComparison.Ordinal));

        await DoAsync(jiedao, id, "HandBack", new() { ["handlerUserId"] = await UserIdAsync("nanqu"), ["note"] = "交回社区跟进" });
        Assert.Single(await RowsAsync("nanqu", NotificationKind.CaseHandedBack, id));
        Assert.Single(await RowsAsync("nanqu", NotificationKind.CaseAssigned, id)); // handed back to nanqu as handler
        Assert.Contains(Texts(await nanqu.GetDocumentAsync("/Notifications?kind=CaseHandedBack&unread=true")), t => t.Contains("交回社区办理", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_term_tells_the_owing_unit_in_its_language_and_its_fulfilment_tells_the_handler()
    {
        using var nanqu = await SignInAsync(PortalClient.Users.SouthCommunity);
        var ids = await factory.DemoIdsAsync();
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "通知测试：协议条款"));
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "MemberUnit", ["memberUnitId"] = $"{ids.EngineeringUnit}", ["role"] = "ResponsibleUnit" });
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = await UserIdAsync("nanqu") });
        await DoAsync(nanqu, id, "StartMediation");
        var party = await factory.WithDbAsync(db => db.CaseParties.Where(p => p.CaseId == id).Select(p => p.Id).SingleAsync());
        await DoAsync(nanqu, id, "AddTerm", new() { ["obligatedPartyId"] = $"{party}", ["kind"] = "Repair", ["description"] = "通知测试：更换 4 盏路灯", ["dueDate"] = ChinaToday(5) });
        var term = await factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.CaseId == id).Select(t => t.Id).SingleAsync());

        var row = Assert.Single(await RowsAsync("unit02", NotificationKind.TermRecorded, termId: term));
        Assert.Empty(await RowsAsync("unit09", NotificationKind.TermRecorded, termId: term));
        using var unit = await SignInAsync(PortalClient.Users.EngineeringUnit);
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        Assert.Contains($"案件 {number} 的调解协议约定贵单位：通知测试：更换 4 盏路灯，请于 {ChinaToday(5)} 前完成。", Texts(await unit.GetDocumentAsync("/Notifications?kind=TermRecorded")));

        // Stored as kind and parameters: the reader's language renders it.
        using (var english = await unit.PostFormAsync("/Culture/Set", "/Account/AccessDenied", new() { ["culture"] = "en", ["returnUrl"] = "/Notifications" }))
            Assert.Equal(HttpStatusCode.Redirect, english.StatusCode);
        Assert.Contains($"The agreement of case {number} says your unit will: 通知测试：更换 4 盏路灯, by {ChinaToday(5)}.", Texts(await unit.GetDocumentAsync("/Notifications?kind=TermRecorded")));

        // The unit opens the term from the notification and fulfils it: the handler is told.
        using (var opened = await unit.PostFormAsync($"/Notifications/Open/{row}", "/Notifications", []))
            Assert.Equal($"/Terms/Fulfil/{term}", opened.Headers.Location!.OriginalString);
        using (var fulfilled = await SubmitAsync(unit, $"/Terms/Fulfil/{term}", $"/Terms/Fulfil/{term}", new() { ["Input.FulfilledOn"] = ChinaToday(), ["Input.ProofNote"] = "已更换，附照片" }))
            Assert.Equal(HttpStatusCode.Redirect, fulfilled.StatusCode);
        Assert.Single(await RowsAsync("nanqu", NotificationKind.TermFulfilled, id));
        Assert.Contains(Texts(await nanqu.GetDocumentAsync("/Notifications?kind=TermFulfilled")), t => t.Contains($"案件 {number} 的协议条款已履行：通知测试：更换 4 盏路灯", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_action_item_tells_its_owner_when_assigned_and_sent_back_and_the_sub_district_when_done()
    {
        var ids = await factory.DemoIdsAsync();
        var meeting = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == DemoJoint.SentBackItem).Select(a => a.MeetingId).SingleAsync());
        using var jiedao = await SignInAsync(PortalClient.Users.SubDistrict);
        using var unit = await SignInAsync(PortalClient.Users.EngineeringUnit);
        using (var added = await SubmitAsync(jiedao, $"/JointMeetings/Details/{meeting}", $"/JointMeetings/AddDecision/{meeting}", new()
               {
                   ["Input.DecisionText"] = "通知测试决定", ["Input.Owner"] = $"u:{ids.EngineeringUnit}", ["Input.What"] = "通知测试：检修供暖阀门",
                   ["Input.DueDate"] = Date(Today.AddDays(14)), ["Input.Stream"] = "HappyCompound",
               }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var item = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == "通知测试：检修供暖阀门").Select(a => a.Id).SingleAsync());
        Assert.Single(await RowsAsync("unit02", NotificationKind.ActionItemAssigned, itemId: item));
        Assert.Contains($"新的督办事项：通知测试：检修供暖阀门，请于 {Date(Today.AddDays(14))} 前完成。", Texts(await unit.GetDocumentAsync("/Notifications?kind=ActionItemAssigned")));

        var page = $"/Supervision/ActionItem/{item}";
        using (var sent = await SubmitAsync(jiedao, page, $"/Supervision/ActionItemSendBack/{item}", new() { ["SendBack.Comment"] = "请附验收单" }, "#send-back form"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Single(await RowsAsync("unit02", NotificationKind.ActionItemSentBack, itemId: item));
        Assert.Contains("督办事项「通知测试：检修供暖阀门」被退回：请附验收单", Texts(await unit.GetDocumentAsync("/Notifications?kind=ActionItemSentBack")));

        using (var done = await SubmitAsync(unit, page, $"/Supervision/ActionItemProgress/{item}", new() { ["ProgressForm.Progress"] = "100", ["ProgressForm.Note"] = "已检修，附验收单" }, "#update form"))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Single(await RowsAsync("jiedao", NotificationKind.ActionItemCompleted, itemId: item));
        Assert.Contains("督办事项「通知测试：检修供暖阀门」已报完成。", Texts(await jiedao.GetDocumentAsync("/Notifications?kind=ActionItemCompleted")));
    }

    [Fact]
    public async Task Another_users_notification_is_not_found_and_one_about_a_record_moved_out_of_scope_is_not_shown()
    {
        var unitRow = await factory.WithDbAsync(db => db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == "unit02"))
            .OrderBy(n => n.Id).Select(n => n.Id).FirstAsync());
        // Unread first, so that a mark by the wrong user would show (another test of this class marks unit02's all read).
        await factory.WithDbAsync(db => db.Notifications.Where(n => n.Id == unitRow).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, (DateTime?)null)));
        using var school = await SignInAsync(PortalClient.Users.MiddleSchoolUnit);
        using (var open = await school.PostFormAsync($"/Notifications/Open/{unitRow}", "/Notifications", []))
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
        using (var mark = await school.PostFormAsync($"/Notifications/MarkRead/{unitRow}", "/Notifications", []))
            Assert.Equal(HttpStatusCode.NotFound, mark.StatusCode);
        Assert.Null(await factory.WithDbAsync(db => db.Notifications.Where(n => n.Id == unitRow).Select(n => n.ReadAtUtc).SingleAsync()));

        // A case of 第1网格 tells its grid worker; corrected to another compound (no grid), it leaves the worker's scope.
        using var nanqu = await SignInAsync(PortalClient.Users.SouthCommunity);
        using var worker = await SignInAsync(GridWorker1);
        var building = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == "建安小区" && b.Name == "2栋").Select(b => new { b.Id, b.GridId }).SingleAsync());
        var form = await IntakeAsync(factory, "通知测试：移出网格");
        form["Input.BuildingId"] = $"{building.Id}";
        form["Input.GridId"] = $"{building.GridId}";
        var id = await RegisterAsync(nanqu, form);
        var row = Assert.Single(await RowsAsync(GridWorker1, NotificationKind.CaseNew, id));
        var before = Bell(await worker.GetDocumentAsync("/Notifications"));
        Assert.Contains(Texts(await worker.GetDocumentAsync("/Notifications")), t => t.Contains("通知测试：移出网格", StringComparison.Ordinal));

        await factory.WithDbAsync(async db =>
        {
            var other = await db.Compounds.Where(c => c.Name == "南山小区").Select(c => c.Id).SingleAsync();
            var kase = await db.Cases.IncludeForRules().SingleAsync(c => c.Id == id);
            kase.UpdateDetails(new CaseDetails(kase.Kind, kase.Source, kase.ReporterName, kase.ReporterPhone, kase.CommunityId, other, null, null,
                kase.Title, kase.Description, kase.OccurredAtUtc, kase.Urgency), kase.Category!, DateTime.UtcNow, null);
            await db.SaveChangesAsync();
        });
        var after = await worker.GetDocumentAsync("/Notifications");
        Assert.Equal(before - 1, Bell(after));
        Assert.DoesNotContain(Texts(after), t => t.Contains("通知测试：移出网格", StringComparison.Ordinal));
        using (var open = await worker.PostFormAsync($"/Notifications/Open/{row}", "/Notifications", []))
            Assert.Equal(HttpStatusCode.NotFound, open.StatusCode);
    }

    [Fact]
    public async Task Mark_all_read_empties_the_bell_of_that_user_only()
    {
        using var unit = await SignInAsync(PortalClient.Users.NorthCommunity);
        using var nanqu = await SignInAsync(PortalClient.Users.SouthCommunity);
        var nanquBefore = Bell(await nanqu.GetDocumentAsync("/Notifications"));
        Assert.True(Bell(await unit.GetDocumentAsync("/Notifications")) > 0);
        using (var response = await unit.PostFormAsync("/Notifications/MarkAllRead", "/Notifications", new() { ["returnUrl"] = "/Notifications?unread=true" }))
            Assert.Equal("/Notifications?unread=true", response.Headers.Location!.OriginalString);
        var inbox = await unit.GetDocumentAsync("/Notifications?unread=true");
        Assert.Equal(0, Bell(inbox));
        Assert.Empty(Texts(inbox));
        Assert.NotEmpty(Texts(await unit.GetDocumentAsync("/Notifications")));
        Assert.Equal(nanquBefore, Bell(await nanqu.GetDocumentAsync("/Notifications")));
    }

    [Fact]
    public async Task The_bell_and_the_inbox_run_the_same_number_of_queries_with_many_notifications()
    {
        using var unit = await SignInAsync(PortalClient.Users.MiddleSchoolUnit);
        using var counter = new QueryCounter(factory.DatabasePath);
        async Task<(int Home, int Inbox)> CountAsync()
        {
            counter.Reset();
            await unit.GetDocumentAsync("/");
            var home = counter.Count;
            counter.Reset();
            await unit.GetDocumentAsync("/Notifications");
            return (home, counter.Count);
        }
        var before = await CountAsync();

        var schoolId = await UserIdAsync(PortalClient.Users.MiddleSchoolUnit);
        await factory.WithDbAsync(async db =>
        {
            var items = await db.ActionItems.Where(a => a.OwnerUnit!.Name == "铜矿中学").Select(a => a.Id).ToListAsync();
            var subject = new NotificationSubject(NotificationSubjectKind.ActionItem, items[0]);
            for (var i = 0; i < 60; i++)
                db.Notifications.Add(new Notification(schoolId, NotificationKind.ActionItemSentBack, subject, [$"事项{i}", "退回"], DateTime.UtcNow.AddMinutes(-i)));
            await db.SaveChangesAsync();
        });

        var after = await CountAsync();
        Assert.Equal(before, after);
        var inbox = await unit.GetDocumentAsync("/Notifications");
        Assert.Equal(20, Texts(inbox).Count);
        Assert.True(Bell(inbox) >= 60);
    }
}
