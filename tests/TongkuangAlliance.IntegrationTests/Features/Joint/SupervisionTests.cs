using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>督办: progress by the owner only (append-only), overdue flags, send-back by the sub-district, and scope. Own app: these tests change items.</summary>
public sealed class SupervisionTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ItemAsync(string what) => factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == what).Select(a => a.Id).SingleAsync());

    private Task<int> ProjectAsync(string title) => factory.WithDbAsync(db => db.JointProjects.Where(p => p.Title == title).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_owner_reports_progress_in_dated_entries_that_are_never_overwritten_and_100_means_done()
    {
        var id = await ProjectAsync(DemoJoint.OpenProject);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var page = $"/Supervision/Project/{id}";
        var before = await factory.WithDbAsync(db => db.WorkUpdates.Where(u => u.ProjectId == id).OrderBy(u => u.Id).Select(u => new { u.Id, u.Progress, u.Note }).ToListAsync());

        using (var response = await SubmitAsync(unit, page, $"/Supervision/ProjectProgress/{id}", new() { ["ProgressForm.Progress"] = "70", ["ProgressForm.Note"] = "南山小区路灯已更换 10 套" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await SubmitAsync(unit, page, $"/Supervision/ProjectProgress/{id}", new() { ["ProgressForm.Progress"] = "100", ["ProgressForm.Note"] = "全部完成，社区验收" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var after = await factory.WithDbAsync(db => db.WorkUpdates.Where(u => u.ProjectId == id).OrderBy(u => u.Id).Select(u => new { u.Id, u.Progress, u.Note, u.Kind, u.UserId }).ToListAsync());
        Assert.Equal(before.Count + 2, after.Count);
        Assert.Equal(before, after.Take(before.Count).Select(u => new { u.Id, u.Progress, u.Note }).ToList());
        Assert.Equal((70, WorkUpdateKind.Progress), (after[^2].Progress, after[^2].Kind));
        Assert.Equal((100, WorkUpdateKind.Done), (after[^1].Progress, after[^1].Kind));
        Assert.All(after.Skip(before.Count), u => Assert.NotNull(u.UserId));
        var project = await factory.WithDbAsync(db => db.JointProjects.AsNoTracking().SingleAsync(p => p.Id == id));
        Assert.Equal((WorkStatus.Done, 100), (project.Status, project.Progress));

        var shown = await unit.GetDocumentAsync(page);
        Assert.Contains("已完成", shown.QuerySelector(".work-state")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(after.Count, shown.QuerySelectorAll(".work-history li").Length);
        Assert.Null(shown.QuerySelector("#update form"));
        // Done work leaves the sub-district's list of open work.
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        Assert.DoesNotContain(FormValues.RowTexts(await jiedao.GetDocumentAsync("/Supervision")), r => r.Contains(DemoJoint.OpenProject, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("101", "ok", "ProgressForm.Progress", "进度必须在 0 到 100 之间。")]
    [InlineData("-1", "ok", "ProgressForm.Progress", "进度必须在 0 到 100 之间。")]
    [InlineData("50", "", "ProgressForm.Note", "请填写进展说明。")]
    [InlineData("50", "long", "ProgressForm.Note", "进展说明不能超过 500 个字。")]
    public async Task Bad_progress_gets_a_message_next_to_the_field_and_nothing_is_saved(string progress, string note, string field, string message)
    {
        var id = await ItemAsync(DemoJoint.CommunityMeetingItem);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var page = $"/Supervision/ActionItem/{id}";
        var version = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == id).Select(a => a.Version).SingleAsync());
        using var response = await SubmitAsync(unit, page, $"/Supervision/ActionItemProgress/{id}",
            new() { ["ProgressForm.Progress"] = progress, ["ProgressForm.Note"] = note == "long" ? new string('进', 501) : note });
        Assert.Equal(message, HtmlAssert.FieldError(await RedisplayedAsync(response), field));
        Assert.Equal(version, await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == id).Select(a => a.Version).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.WorkUpdates.AnyAsync(u => u.ActionItemId == id)));
    }

    [Fact]
    public async Task The_sub_district_sees_overdue_work_flagged_and_can_list_only_overdue()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var all = await jiedao.GetDocumentAsync("/Supervision");
        var overdueRow = all.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains(DemoJoint.OverdueItem, StringComparison.Ordinal));
        Assert.Equal("! 已逾期", overdueRow.QuerySelector(".work-overdue")!.TextContent.Trim());
        Assert.Contains(FormValues.RowTexts(all), r => r.Contains(DemoJoint.OverdueProject, StringComparison.Ordinal) && r.Contains("已逾期", StringComparison.Ordinal));
        var notOverdue = all.QuerySelectorAll("main table tbody tr").Single(r => r.TextContent.Contains(DemoJoint.CommunityMeetingItem, StringComparison.Ordinal));
        Assert.Null(notOverdue.QuerySelector(".work-overdue"));

        var overdue = FormValues.RowTexts(await jiedao.GetDocumentAsync("/Supervision?overdue=true"));
        Assert.Equal(2, overdue.Count);
        Assert.All(overdue, r => Assert.Contains("已逾期", r, StringComparison.Ordinal));

        var ids = await factory.DemoIdsAsync();
        var engineering = FormValues.RowTexts(await jiedao.GetDocumentAsync($"/Supervision?owner=u:{ids.EngineeringUnit}&stream=HappyCompound"));
        Assert.NotEmpty(engineering);
        Assert.All(engineering, r => Assert.Contains(Web.Infrastructure.DemoData.DemoCatalog.MineEngineering, r, StringComparison.Ordinal));
        Assert.All(engineering, r => Assert.Contains("幸福小区", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sent_back_work_shows_the_comment_to_its_owner_until_it_is_updated_again()
    {
        var id = await ItemAsync("北区居民夜校开设智能手机课程");
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        var page = $"/Supervision/ActionItem/{id}";

        using (var empty = await SubmitAsync(jiedao, page, $"/Supervision/ActionItemSendBack/{id}", new() { ["SendBack.Comment"] = "" }, "#send-back form"))
            Assert.Equal("请填写退回意见。", HtmlAssert.FieldError(await RedisplayedAsync(empty), "SendBack.Comment"));
        using (var sent = await SubmitAsync(jiedao, page, $"/Supervision/ActionItemSendBack/{id}", new() { ["SendBack.Comment"] = "请附课程表和签到表" }, "#send-back form"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var owner = await school.GetDocumentAsync(page);
        Assert.Contains("请附课程表和签到表", owner.QuerySelector(".sent-back-comment")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("已退回", owner.QuerySelector(".work-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FormValues.RowTexts(await school.GetDocumentAsync("/Supervision/Commitments")), r => r.Contains("已退回", StringComparison.Ordinal));

        using (var update = await SubmitAsync(school, page, $"/Supervision/ActionItemProgress/{id}", new() { ["ProgressForm.Progress"] = "40", ["ProgressForm.Note"] = "已上传课程表和签到表" }, "#update form"))
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        var updated = await school.GetDocumentAsync(page);
        Assert.Null(updated.QuerySelector(".sent-back-comment"));
        Assert.Contains("进行中", updated.QuerySelector(".work-state")!.TextContent, StringComparison.Ordinal);
        var kinds = await factory.WithDbAsync(db => db.WorkUpdates.Where(u => u.ActionItemId == id).OrderBy(u => u.Id).Select(u => u.Kind).ToListAsync());
        Assert.Equal([WorkUpdateKind.Progress, WorkUpdateKind.SentBack, WorkUpdateKind.Progress], kinds);
    }

    [Fact]
    public async Task A_unit_sees_and_updates_only_its_own_items_others_are_not_found()
    {
        var ids = await factory.DemoIdsAsync();
        var engineeringItem = await ItemAsync(DemoJoint.SentBackItem);
        var hospitalProject = await ProjectAsync(DemoJoint.OverdueProject);
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var progress = new Dictionary<string, string> { ["ProgressForm.Progress"] = "90", ["ProgressForm.Note"] = "不该保存" };

        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Supervision/ActionItem/{engineeringItem}")).StatusCode);
        using (var post = await school.PostFormAsync($"/Supervision/ActionItemProgress/{engineeringItem}", "/Supervision/Commitments", progress))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        // 南区 reads its pairing's projects but reports only on its own: the hospital's project is not its to update.
        Assert.Equal(HttpStatusCode.OK, (await nanqu.GetAsync($"/Supervision/Project/{hospitalProject}")).StatusCode);
        using (var post = await nanqu.PostFormAsync($"/Supervision/ProjectProgress/{hospitalProject}", "/Supervision/Commitments", progress))
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/Supervision/Project/{hospitalProject}")).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.WorkUpdates.AnyAsync(u => u.Note == "不该保存")));

        // 我的承诺: the unit's own items only, across its pairings and meetings.
        var mine = FormValues.RowTexts(await unit.GetDocumentAsync("/Supervision/Commitments"));
        Assert.Contains(mine, r => r.Contains(DemoJoint.SentBackItem, StringComparison.Ordinal));
        Assert.Contains(mine, r => r.Contains(DemoJoint.OpenProject, StringComparison.Ordinal) || r.Contains("建安小区路灯维修", StringComparison.Ordinal));
        Assert.All(mine, r => Assert.Contains(Web.Infrastructure.DemoData.DemoCatalog.MineEngineering, r, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/Supervision/Commitments?unitId={ids.MiddleSchoolUnit}")).StatusCode);
    }
}
