using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Audit;

/// <summary>Issue 20, findings 2–4: supervised work (action items, joint projects) on the audit page, named and complete.</summary>
public sealed class AuditJointWorkTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Progress_notes_and_send_back_comments_are_audited_and_shown_in_words()
    {
        var item = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == "北区居民夜校开设智能手机课程").Select(a => a.Id).SingleAsync());
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        var page = $"/Supervision/ActionItem/{item}";
        using (var sent = await SubmitAsync(jiedao, page, $"/Supervision/ActionItemSendBack/{item}", new() { ["SendBack.Comment"] = "请附课程表和签到表" }, "#send-back form"))
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        using (var update = await SubmitAsync(school, page, $"/Supervision/ActionItemProgress/{item}", new() { ["ProgressForm.Progress"] = "40", ["ProgressForm.Note"] = "已上传课程表和签到表" }, "#update form"))
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);

        var audit = await jiedao.GetDocumentAsync($"/Audit?EntityType=ActionItem&EntityId={item}");
        var text = HtmlAssert.MainText(audit);
        // Finding 4: the comment and the note are in the audit trail, with what kind of entry each was.
        Assert.Contains("请附课程表和签到表", text, StringComparison.Ordinal);
        Assert.Contains("已上传课程表和签到表", text, StringComparison.Ordinal);
        Assert.Contains("退回", text, StringComparison.Ordinal);
        // Finding 3: statuses in words, not enum names.
        Assert.Contains("已退回", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SentBack", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Progress", text, StringComparison.Ordinal);
        // Finding 2: the type filter and the rows name the type in Chinese.
        Assert.Contains("督办事项", audit.QuerySelector("select#EntityType option:checked")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Action item", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_joint_projects_stream_side_and_linked_records_are_named()
    {
        var ids = await factory.DemoIdsAsync();
        var (projectId, needId, needTitle) = await factory.WithDbAsync(async db =>
        {
            var need = await db.PairingNeeds.OrderBy(n => n.Id).Select(n => new { n.Id, n.Title }).FirstAsync();
            var project = await db.JointProjects.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            return (project, need.Id, need.Title);
        });
        var meeting = await factory.WithDbAsync(db => db.JointMeetings.OrderBy(m => m.Id).Select(m => new { m.Id, m.Place }).FirstAsync());
        await factory.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow, EntityType = nameof(JointProject), EntityId = $"{projectId}", Action = "Added", SubDistrictId = ids.SubDistrict,
                Changes = $$"""{"Stream":[null,"HappyCompound"],"OwnerSide":[null,"Unit"],"NeedId":[null,{{needId}}],"Status":[null,"Open"]}""",
            });
            db.AuditEntries.Add(new AuditEntry
            {
                AtUtc = DateTime.UtcNow, EntityType = nameof(ActionItem), EntityId = "1", Action = "Added", SubDistrictId = ids.SubDistrict,
                Changes = $$"""{"MeetingId":[null,{{meeting.Id}}],"OwnerSide":[null,"Community"]}""",
            });
            await db.SaveChangesAsync();
        });
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

        var projectRows = HtmlAssert.MainText(await jiedao.GetDocumentAsync($"/Audit?EntityType=JointProject&EntityId={projectId}"));
        Assert.Contains("幸福小区", projectRows, StringComparison.Ordinal);
        Assert.Contains("单位方", projectRows, StringComparison.Ordinal);
        Assert.Contains("进行中", projectRows, StringComparison.Ordinal);
        Assert.Contains($"{needTitle} (#{needId})", projectRows, StringComparison.Ordinal);
        foreach (var raw in new[] { "HappyCompound", "Unit", "Open", "Joint project" }) Assert.DoesNotContain(raw, projectRows, StringComparison.Ordinal);

        var itemRows = HtmlAssert.MainText(await jiedao.GetDocumentAsync("/Audit?EntityType=ActionItem&EntityId=1"));
        Assert.Contains($"{meeting.Place} (#{meeting.Id})", itemRows, StringComparison.Ordinal);
        Assert.Contains("社区方", itemRows, StringComparison.Ordinal);
    }
}
