using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>联席会商: recording a meeting, its decisions and their action items. Own app: these tests add meetings.</summary>
public sealed class JointMeetingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static string S(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<int> RecordMeetingAsync(PortalClient client, string topics, DemoIds ids, DateOnly date)
    {
        using var response = await SubmitAsync(client, "/JointMeetings/Create", "/JointMeetings/Create", new()
        {
            ["Input.MeetingDate"] = Date(date),
            ["Input.Place"] = "铜矿街道党群服务中心",
            ["Input.Topics"] = topics,
            ["Input.Minutes"] = "各方汇报进展。",
            ["Input.UnitIds"] = S(ids.EngineeringUnit),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_sub_district_records_a_meeting_whose_decision_assigns_a_unit_an_action_item_only_that_unit_sees()
    {
        var ids = await factory.DemoIdsAsync();
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var id = await RecordMeetingAsync(jiedao, "冬季供暖设施检修", ids, Today.AddDays(-1));
        var meeting = await factory.WithDbAsync(db => db.JointMeetings.AsNoTracking().Include(m => m.Attendees).SingleAsync(m => m.Id == id));
        Assert.Null(meeting.ConvenerCommunityId);
        Assert.Equal("中共德兴市铜矿街道工作委员会", meeting.ConvenedBy);
        Assert.Equal([ids.EngineeringUnit], meeting.Attendees.Select(a => a.MemberUnitId!.Value));

        using (var added = await SubmitAsync(jiedao, $"/JointMeetings/Details/{id}", $"/JointMeetings/AddDecision/{id}", new()
               {
                   ["Input.DecisionText"] = "检修南区供暖管道",
                   ["Input.Owner"] = $"u:{ids.EngineeringUnit}",
                   ["Input.What"] = "检修建安小区供暖管道阀门",
                   ["Input.DueDate"] = Date(Today.AddDays(14)),
                   ["Input.Stream"] = "HappyCompound",
               }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var item = await factory.WithDbAsync(db => db.ActionItems.AsNoTracking().Include(a => a.Decision).SingleAsync(a => a.MeetingId == id));
        Assert.Equal(("检修南区供暖管道", ids.EngineeringUnit, WorkStatus.Open), (item.Decision!.Text, item.OwnerUnitId!.Value, item.Status));

        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        Assert.Contains(FormValues.RowTexts(await unit.GetDocumentAsync("/JointMeetings")), r => r.Contains("冬季供暖设施检修", StringComparison.Ordinal));
        Assert.Contains("检修建安小区供暖管道阀门", (await unit.GetDocumentAsync($"/JointMeetings/Details/{id}")).QuerySelector(".meeting-decisions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FormValues.RowTexts(await unit.GetDocumentAsync("/Supervision/Commitments")), r => r.Contains("检修建安小区供暖管道阀门", StringComparison.Ordinal));

        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/JointMeetings/Details/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync($"/Supervision/ActionItem/{item.Id}")).StatusCode);
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        Assert.DoesNotContain(FormValues.RowTexts(await beiqu.GetDocumentAsync("/JointMeetings")), r => r.Contains("冬季供暖设施检修", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("due-before", "Input.DueDate", "完成期限不能早于会议日期。")]
    [InlineData("owner-outside", "Input.Owner", "责任方必须是本联盟的成员单位或社区。")]
    [InlineData("owner-garbage", "Input.Owner", "责任方必须是本联盟的成员单位或社区。")]
    [InlineData("what-long", "Input.What", "事项内容不能超过 500 个字。")]
    [InlineData("no-decision", "Input.DecisionText", "请填写决定内容。")]
    public async Task A_bad_action_item_gets_a_message_next_to_the_field_and_nothing_is_saved(string problem, string field, string message)
    {
        var ids = await factory.DemoIdsAsync();
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var id = await RecordMeetingAsync(jiedao, "坏输入测试 " + problem, ids, Today.AddDays(-3));
        var changes = new Dictionary<string, string>
        {
            ["Input.DecisionText"] = problem == "no-decision" ? "" : "测试决定",
            ["Input.Owner"] = problem switch { "owner-outside" => "u:99999", "owner-garbage" => "x:1", _ => $"c:{ids.SouthCommunity}" },
            ["Input.What"] = problem == "what-long" ? new string('事', 501) : "测试事项",
            ["Input.DueDate"] = Date(problem == "due-before" ? Today.AddDays(-4) : Today.AddDays(3)),
        };
        using var response = await SubmitAsync(jiedao, $"/JointMeetings/Details/{id}", $"/JointMeetings/AddDecision/{id}", changes);
        Assert.Equal(message, HtmlAssert.FieldError(await RedisplayedAsync(response), field));
        Assert.False(await factory.WithDbAsync(db => db.ActionItems.AnyAsync(a => a.MeetingId == id)));
        Assert.False(await factory.WithDbAsync(db => db.JointDecisions.AnyAsync(d => d.MeetingId == id)));
    }

    [Theory]
    [InlineData("future", "Input.MeetingDate", "会议日期不能晚于今天。")]
    [InlineData("no-place", "Input.Place", "请填写地点。")]
    [InlineData("long-topics", "Input.Topics", "会商议题不能超过 1000 个字。")]
    [InlineData("unit-outside", "Input.UnitIds", "参会单位或社区不属于本联盟。")]
    public async Task A_bad_meeting_gets_a_message_next_to_the_field_and_nothing_is_saved(string problem, string field, string message)
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var before = await factory.WithDbAsync(db => db.JointMeetings.CountAsync());
        using var response = await SubmitAsync(jiedao, "/JointMeetings/Create", "/JointMeetings/Create", new()
        {
            ["Input.MeetingDate"] = Date(problem == "future" ? Today.AddDays(1) : Today),
            ["Input.Place"] = problem == "no-place" ? "" : "会议室",
            ["Input.Topics"] = problem == "long-topics" ? new string('题', 1001) : "议题",
            ["Input.UnitIds"] = problem == "unit-outside" ? "99999" : "1",
        });
        Assert.Equal(message, HtmlAssert.FieldError(await RedisplayedAsync(response), field));
        Assert.Equal(before, await factory.WithDbAsync(db => db.JointMeetings.CountAsync()));
    }

    [Fact]
    public async Task A_community_records_the_meetings_it_convenes_and_only_those_take_its_decisions()
    {
        var ids = await factory.DemoIdsAsync();
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RecordMeetingAsync(nanqu, "南区楼道堆物清理", ids, Today);
        var meeting = await factory.WithDbAsync(db => db.JointMeetings.AsNoTracking().Include(m => m.Attendees).SingleAsync(m => m.Id == id));
        Assert.Equal(ids.SouthCommunity, meeting.ConvenerCommunityId);
        Assert.Equal("中共南区社区委员会", meeting.ConvenedBy);
        Assert.Contains(meeting.Attendees, a => a.CommunityId == ids.SouthCommunity);

        // The sub-district's 2020 meeting, which 南区 attended, is readable but takes no decision from 南区.
        var subDistrictMeeting = await factory.WithDbAsync(db => db.JointMeetings.Where(m => m.ConvenerCommunityId == null).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        Assert.Null((await nanqu.GetDocumentAsync($"/JointMeetings/Details/{subDistrictMeeting}")).QuerySelector("#add-decision form"));
        using var refused = await nanqu.PostFormAsync($"/JointMeetings/AddDecision/{subDistrictMeeting}", "/JointMeetings", new()
        {
            ["Input.DecisionText"] = "越权决定", ["Input.Owner"] = $"c:{ids.SouthCommunity}", ["Input.What"] = "越权", ["Input.DueDate"] = Date(Today.AddDays(3)),
        });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.JointDecisions.AnyAsync(d => d.Text == "越权决定")));
    }
}
