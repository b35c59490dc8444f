using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>三张清单: the community writes a need, the unit a resource, and the need matched to the resource becomes a project in one step. Own app: these tests add records.</summary>
public sealed class PairingListFlowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_need_matched_to_a_resource_becomes_a_project_and_all_three_show_the_link()
    {
        var ids = await factory.DemoIdsAsync();
        var page = $"/PairingLists/Details/{ids.SouthEngineeringPairing}";
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);

        using (var added = await SubmitAsync(nanqu, $"/PairingLists/AddNeed/{ids.SouthEngineeringPairing}", $"/PairingLists/AddNeed/{ids.SouthEngineeringPairing}",
                   new() { ["Input.Title"] = "楼道扶手维修", ["Input.Description"] = "南山小区 2 栋扶手松动" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using (var added = await SubmitAsync(unit, $"/PairingLists/AddResource/{ids.SouthEngineeringPairing}", $"/PairingLists/AddResource/{ids.SouthEngineeringPairing}",
                   new() { ["Input.Title"] = "焊工班组" }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var needId = await factory.WithDbAsync(db => db.PairingNeeds.Where(n => n.Title == "楼道扶手维修").Select(n => n.Id).SingleAsync());
        var resourceId = await factory.WithDbAsync(db => db.PairingResources.Where(r => r.Title == "焊工班组").Select(r => r.Id).SingleAsync());
        var before = await nanqu.GetDocumentAsync(page);
        Assert.NotNull(before.QuerySelector($"#need-{needId} a[href*='needId={needId}']"));

        var form = $"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}?year={Today.Year}&needId={needId}";
        using var created = await SubmitAsync(nanqu, form, $"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}?year={Today.Year}", new()
        {
            ["Input.ResourceId"] = resourceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "南山小区楼道扶手加固",
            ["Input.Stream"] = nameof(ActivityStream.HappyCompound),
            ["Input.OwnerSide"] = nameof(PairingSide.Unit),
            ["Input.Target"] = "加固 2 栋全部楼道扶手",
            ["Input.DueDate"] = Date(Today.AddDays(30)),
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);

        var project = await factory.WithDbAsync(db => db.JointProjects.AsNoTracking().SingleAsync(p => p.Title == "南山小区楼道扶手加固"));
        Assert.Equal((needId, resourceId, PairingSide.Unit, WorkStatus.Open, 0), (project.NeedId!.Value, project.ResourceId!.Value, project.OwnerSide, project.Status, project.Progress));

        // Both sides see the chain need → resource → project on the pairing's page, from each of the three lists.
        foreach (var client in new[] { nanqu, unit })
        {
            var after = await client.GetDocumentAsync(page);
            Assert.Contains("焊工班组", after.QuerySelector($"#need-{needId}")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("南山小区楼道扶手加固", after.QuerySelector($"#need-{needId}")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("楼道扶手维修", after.QuerySelector($"#resource-{resourceId}")!.TextContent, StringComparison.Ordinal);
            Assert.Contains("南山小区楼道扶手加固", after.QuerySelector($"#resource-{resourceId}")!.TextContent, StringComparison.Ordinal);
            var row = after.QuerySelector($"#project-{project.Id}")!.TextContent;
            Assert.Contains("楼道扶手维修", row, StringComparison.Ordinal);
            Assert.Contains("焊工班组", row, StringComparison.Ordinal);
            Assert.Contains("幸福小区", row, StringComparison.Ordinal);
            Assert.Null(after.QuerySelector($"#need-{needId} a[href*='needId=']"));
        }
        var projectPage = await unit.GetDocumentAsync($"/Supervision/Project/{project.Id}");
        Assert.Contains("楼道扶手维修", projectPage.QuerySelector(".project-origin")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("焊工班组", projectPage.QuerySelector(".project-origin")!.TextContent, StringComparison.Ordinal);

        // The need became a project once: a second project from it is refused next to the field.
        using var again = await nanqu.PostFormAsync($"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}?year={Today.Year}", page, new()
        {
            ["Input.NeedId"] = needId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Title"] = "重复项目", ["Input.Stream"] = nameof(ActivityStream.HappyCompound), ["Input.OwnerSide"] = nameof(PairingSide.Unit),
            ["Input.Target"] = "无", ["Input.DueDate"] = Date(Today.AddDays(5)),
        });
        Assert.Equal("这项需求已经转为项目。", HtmlAssert.FieldError(await RedisplayedAsync(again), "Input.NeedId"));
        Assert.False(await factory.WithDbAsync(db => db.JointProjects.AnyAsync(p => p.Title == "重复项目")));
    }

    [Theory]
    [InlineData("AddNeed", "", "Input.Title", "请填写名称。")]
    [InlineData("AddNeed", "long", "Input.Title", "名称不能超过 100 个字。")]
    [InlineData("CreateProject", "", "Input.Title", "请填写项目名称。")]
    public async Task Bad_list_input_gets_a_message_next_to_the_field_and_nothing_is_saved(string action, string title, string field, string message)
    {
        var ids = await factory.DemoIdsAsync();
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var counts = await factory.WithDbAsync(async db => (await db.PairingNeeds.CountAsync(), await db.JointProjects.CountAsync()));
        var url = $"/PairingLists/{action}/{ids.SouthEngineeringPairing}";
        using var response = await SubmitAsync(nanqu, url, url, new() { ["Input.Title"] = title == "long" ? new string('灯', 101) : title });
        Assert.Equal(message, HtmlAssert.FieldError(await RedisplayedAsync(response), field));
        Assert.Equal(counts, await factory.WithDbAsync(async db => (await db.PairingNeeds.CountAsync(), await db.JointProjects.CountAsync())));
    }

    [Fact]
    public async Task A_project_due_before_its_year_is_refused_next_to_the_due_date()
    {
        var ids = await factory.DemoIdsAsync();
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var url = $"/PairingLists/CreateProject/{ids.SouthEngineeringPairing}?year={Today.Year}";
        using var response = await SubmitAsync(unit, url, url, new()
        {
            ["Input.Title"] = "过期项目", ["Input.Stream"] = nameof(ActivityStream.Volunteering), ["Input.OwnerSide"] = nameof(PairingSide.Unit),
            ["Input.Target"] = "无", ["Input.DueDate"] = $"{Today.Year - 1}-12-31",
        });
        Assert.Equal("完成期限不能早于清单所属年度。", HtmlAssert.FieldError(await RedisplayedAsync(response), "Input.DueDate"));
        Assert.False(await factory.WithDbAsync(db => db.JointProjects.AnyAsync(p => p.Title == "过期项目")));
    }
}
