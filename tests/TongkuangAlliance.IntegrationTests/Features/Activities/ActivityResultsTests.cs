using TongkuangAlliance.Core.Activities;
using static TongkuangAlliance.IntegrationTests.Features.Activities.ActivityTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>After the activity: results tallies and their corrections, difficulties raised as cases, units confirming.</summary>
public sealed class ActivityResultsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>A service day that started two days ago (scheduled within the 7 days a new one may lie in the past).</summary>
    private async Task<(int Id, int Haircut, int Clinic)> HeldAsync(PortalClient nanqu, string title)
    {
        var form = await ServiceDayAsync(factory, -2, title);
        form["Input.ConfirmOverlap"] = "true"; // the tests' held service days share 建安小区 and the same morning
        var id = await ScheduleAsync(nanqu, form);
        return (id, int.Parse(form["Input.Services[0].ServiceKindId"], System.Globalization.CultureInfo.InvariantCulture),
            int.Parse(form["Input.Services[1].ServiceKindId"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<HttpResponseMessage> PostResultsAsync(PortalClient client, int id, int haircut, string haircutCount, int clinic, string clinicCount,
        string disputes, string summary)
    {
        var current = FormValues.Read(await client.GetDocumentAsync($"/Activities/Results/{id}"));
        // The form lists the services in id order.
        var first = haircut < clinic ? (haircut, haircutCount) : (clinic, clinicCount);
        var second = haircut < clinic ? (clinic, clinicCount) : (haircut, haircutCount);
        return await client.PostFormAsync($"/Activities/Results/{id}", $"/Activities/Results/{id}", new()
        {
            ["Input.Version"] = current["Input.Version"],
            ["Input.Served[0].ServiceKindId"] = $"{first.Item1}",
            ["Input.Served[0].Count"] = first.Item2,
            ["Input.Served[1].ServiceKindId"] = $"{second.Item1}",
            ["Input.Served[1].Count"] = second.Item2,
            ["Input.DisputesMediated"] = disputes,
            ["Input.Summary"] = summary,
        });
    }

    [Fact]
    public async Task Results_are_tallied_corrected_with_history_and_refused_when_negative()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var (id, haircut, clinic) = await HeldAsync(nanqu, "成效登记测试");

        using (var saved = await PostResultsAsync(nanqu, id, haircut, "23", clinic, "17", "2", "服务群众 40 人次。"))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await nanqu.GetDocumentAsync($"/Activities/Details/{id}");
        Assert.Equal("已举办", page.QuerySelector(".activity-status")!.TextContent.Trim());
        Assert.Equal("40", page.QuerySelector(".activity-residents-total")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector(".activity-disputes")!.TextContent.Trim());

        // A negative count: a message next to the field, nothing changes.
        using (var negative = await PostResultsAsync(nanqu, id, haircut, "-5", clinic, "17", "2", "改错了"))
        {
            Assert.Equal(HttpStatusCode.OK, negative.StatusCode);
            var form = await PortalClient.ParseAsync(await negative.Content.ReadAsStringAsync());
            var field = haircut < clinic ? "Input.Served[0].Count" : "Input.Served[1].Count";
            Assert.NotEqual("", HtmlAssert.FieldError(form, field));
        }
        using (var negativeDisputes = await PostResultsAsync(nanqu, id, haircut, "23", clinic, "17", "-1", "改错了"))
        {
            var form = await PortalClient.ParseAsync(await negativeDisputes.Content.ReadAsStringAsync());
            Assert.NotEqual("", HtmlAssert.FieldError(form, "Input.DisputesMediated"));
        }
        var stored = await factory.WithDbAsync(db => db.Activities.Include(a => a.Services).SingleAsync(a => a.Id == id));
        Assert.Equal(40, stored.ResidentsServed);
        Assert.Equal("服务群众 40 人次。", stored.ResultSummary);

        // A correction later: the total follows, and the page shows who changed what.
        using (var corrected = await PostResultsAsync(nanqu, id, haircut, "25", clinic, "17", "2", "服务群众 42 人次（更正）。"))
            Assert.Equal(HttpStatusCode.Redirect, corrected.StatusCode);
        page = await nanqu.GetDocumentAsync($"/Activities/Details/{id}");
        Assert.Equal("42", page.QuerySelector(".activity-residents-total")!.TextContent.Trim());
        var history = page.QuerySelector(".activity-history")!.TextContent;
        Assert.Contains("理发 · 服务群众人次: 23 → 25", history, StringComparison.Ordinal);
        Assert.Contains("活动小结: 服务群众 40 人次。 → 服务群众 42 人次（更正）。", history, StringComparison.Ordinal);
        Assert.Contains("南区社区党委", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_cannot_be_recorded_before_the_activity_starts()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await ServiceDayAsync(factory, 20, "尚未开始的活动");
        var id = await ScheduleAsync(nanqu, form);
        var haircut = int.Parse(form["Input.Services[0].ServiceKindId"], System.Globalization.CultureInfo.InvariantCulture);
        var clinic = int.Parse(form["Input.Services[1].ServiceKindId"], System.Globalization.CultureInfo.InvariantCulture);
        using var response = await PostResultsAsync(nanqu, id, haircut, "10", clinic, "10", "0", "");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("活动开始后才能登记成效。", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(ActivityStatus.Planned, await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_difficulty_becomes_a_request_case_in_one_step_linked_both_ways()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var (id, _, _) = await HeldAsync(nanqu, "收集困难诉求测试");
        // A bad phone is refused.
        using (var bad = await nanqu.PostFormAsync($"/Activities/AddDifficulty/{id}", $"/Activities/Details/{id}",
            new() { ["residentName"] = "周大爷", ["residentPhone"] = "12345", ["description"] = "楼道灯坏了", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, bad.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ActivityDifficulties.CountAsync(d => d.ActivityId == id)));

        using (var added = await nanqu.PostFormAsync($"/Activities/AddDifficulty/{id}", $"/Activities/Details/{id}",
            new() { ["residentName"] = "周大爷", ["residentPhone"] = "13907931234", ["description"] = "3 栋楼道灯坏了，晚上看不见台阶。", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var (difficulty, category) = await factory.WithDbAsync(async db => (
            await db.ActivityDifficulties.Where(d => d.ActivityId == id).Select(d => d.Id).SingleAsync(),
            await db.CaseCategories.Where(c => c.Name == "市政设施").Select(c => c.Id).SingleAsync()));
        var casesBefore = await factory.WithDbAsync(db => db.Cases.CountAsync());

        using (var raised = await nanqu.PostFormAsync($"/Activities/RaiseCase/{id}", $"/Activities/Details/{id}",
            new() { ["difficultyId"] = $"{difficulty}", ["categoryId"] = $"{category}", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);

        var kase = await factory.WithDbAsync(db => db.ActivityDifficulties.Where(d => d.Id == difficulty).Select(d => d.Case!).SingleAsync());
        Assert.Equal(casesBefore + 1, await factory.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(CaseKind.Request, kase.Kind);
        Assert.Equal(CaseSource.ServiceDay, kase.Source);
        Assert.Equal("周大爷", kase.ReporterName);
        Assert.Equal(CaseStatus.Registered, kase.Status);

        var activityPage = await nanqu.GetDocumentAsync($"/Activities/Details/{id}");
        Assert.Equal(kase.Number, activityPage.QuerySelector(".difficulty-case")!.TextContent.Trim());
        var casePage = await nanqu.GetDocumentAsync($"/Cases/Details/{kase.Id}");
        var link = casePage.QuerySelector("a.case-activity")!;
        Assert.Equal($"/Activities/Details/{id}", link.GetAttribute("href"));
        Assert.Equal("收集困难诉求测试", link.TextContent.Trim());

        // The same difficulty does not become a second case.
        using (var again = await nanqu.PostFormAsync($"/Activities/RaiseCase/{id}", $"/Activities/Details/{id}",
            new() { ["difficultyId"] = $"{difficulty}", ["categoryId"] = $"{category}", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(casesBefore + 1, await factory.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task A_paired_unit_confirms_and_sees_what_it_committed_to()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        var id = await ScheduleAsync(nanqu, await ServiceDayAsync(factory, 12, "工程部参加的活动"));

        var mine = await unit.GetDocumentAsync("/Activities/Mine");
        Assert.Contains("工程部参加的活动", HtmlAssert.MainText(mine), StringComparison.Ordinal);
        Assert.Contains("待确认", HtmlAssert.MainText(mine), StringComparison.Ordinal);

        var page = await unit.GetDocumentAsync($"/Activities/Details/{id}");
        var version = page.QuerySelector("#confirm input[name=version]")!.GetAttribute("value")!;
        using (var confirm = await unit.PostFormAsync($"/Activities/Confirm/{id}", $"/Activities/Details/{id}",
            new() { ["commitment"] = "派 2 名电工检修家电", ["version"] = version }))
            Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        mine = await unit.GetDocumentAsync("/Activities/Mine");
        Assert.Contains("派 2 名电工检修家电", HtmlAssert.MainText(mine), StringComparison.Ordinal);
        Assert.Contains("已确认", HtmlAssert.MainText(mine), StringComparison.Ordinal);
        var confirmedAt = await factory.WithDbAsync(db => db.ActivityUnits.Where(u => u.ActivityId == id).Select(u => u.ConfirmedAtUtc).SingleAsync());
        Assert.NotNull(confirmedAt);

        // A unit not paired with 南区 neither sees nor confirms it.
        using (var other = await school.PostFormAsync($"/Activities/Confirm/{id}", "/Activities", new() { ["commitment"] = "x", ["version"] = version }))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain("工程部参加的活动", HtmlAssert.MainText(await school.GetDocumentAsync("/Activities/Mine")), StringComparison.Ordinal);
    }
}
