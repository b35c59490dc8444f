using TongkuangAlliance.Core.Joint;
using static TongkuangAlliance.IntegrationTests.Features.Joint.JointTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>
/// Issue 20, finding 1: a community follows up what its own joint meetings assign (reads, never updates, their action
/// items), and a pairing's page lists only the action items between its two sides. Own app: these tests add meetings.
/// </summary>
public sealed class JointFollowUpTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_community_reads_but_cannot_update_the_action_items_of_a_meeting_it_convened()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var meeting = await nanqu.GetDocumentAsync($"/JointMeetings/Details/{JointDemo.CommunityMeetingId}");
        Assert.DoesNotContain("这项决定没有分配给您的督办事项", HtmlAssert.MainText(meeting), StringComparison.Ordinal);
        Assert.NotNull(meeting.QuerySelector($"a[href='/Supervision/ActionItem/{JointDemo.CommunityMeetingItemId}']"));

        var item = await nanqu.GetDocumentAsync($"/Supervision/ActionItem/{JointDemo.CommunityMeetingItemId}");
        Assert.Null(item.QuerySelector("#update form"));
        Assert.Null(item.QuerySelector("#send-back form"));
        using var post = await nanqu.PostFormAsync($"/Supervision/ActionItemProgress/{JointDemo.CommunityMeetingItemId}", $"/Supervision/ActionItem/{JointDemo.CommunityMeetingItemId}",
            new() { ["ProgressForm.Progress"] = "50", ["ProgressForm.Note"] = "不该保存" });
        // Forbidden (the sign-in cookie answers it with its access-denied page), not not-found: the item is readable.
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Contains("/Account/AccessDenied", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.WorkUpdates.AnyAsync(u => u.Note == "不该保存")));

        // 北区社区 took no part in that meeting: still not found.
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        using var other = await beiqu.GetAsync($"/Supervision/ActionItem/{JointDemo.CommunityMeetingItemId}");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task A_pairings_page_lists_only_the_action_items_between_its_two_sides()
    {
        var ids = await factory.DemoIdsAsync();
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        // A meeting of the sub-district with 铜矿工程部 only: 南区社区 neither convened nor attended it.
        using (var created = await SubmitAsync(jiedao, "/JointMeetings/Create", "/JointMeetings/Create", new()
               {
                   ["Input.MeetingDate"] = Date(Today.AddDays(-1)), ["Input.Place"] = "铜矿街道党群服务中心", ["Input.Topics"] = "单位内部检修",
                   ["Input.Minutes"] = "各方汇报进展。", ["Input.UnitIds"] = $"{ids.EngineeringUnit}",
               }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
            var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
            using var added = await SubmitAsync(jiedao, $"/JointMeetings/Details/{id}", $"/JointMeetings/AddDecision/{id}", new()
            {
                ["Input.DecisionText"] = "检修单位自有设备", ["Input.Owner"] = $"u:{ids.EngineeringUnit}", ["Input.What"] = "与南区无关的督办事项",
                ["Input.DueDate"] = Date(Today.AddDays(14)), ["Input.Stream"] = "HappyCompound",
            });
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var between = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == JointDemo.CommunityMeetingItemId).Select(a => a.What).SingleAsync());

        var page = HtmlAssert.MainText(await jiedao.GetDocumentAsync($"/PairingLists/Details/{ids.SouthEngineeringPairing}?year={Today.Year}"));
        Assert.DoesNotContain("与南区无关的督办事项", page, StringComparison.Ordinal);
        var demoYear = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.Id == JointDemo.CommunityMeetingItemId).Select(a => a.Meeting!.MeetingDate.Year).SingleAsync());
        var demoPage = HtmlAssert.MainText(await jiedao.GetDocumentAsync($"/PairingLists/Details/{ids.SouthEngineeringPairing}?year={demoYear}"));
        Assert.Contains(between, demoPage, StringComparison.Ordinal);
    }
}
