using TongkuangAlliance.Core.Activities;
using static TongkuangAlliance.IntegrationTests.Features.Activities.ActivityTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>Scheduling rules: what a community committee may schedule, the overlap warning, bad input, scope.</summary>
public sealed class ActivitySchedulingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> CountAsync() => factory.WithDbAsync(db => db.Activities.CountAsync());

    [Fact]
    public async Task A_community_schedules_a_service_day_with_services_units_and_china_times()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await ServiceDayAsync(factory, 30, "建安小区便民接待日（排期测试）");
        var id = await ScheduleAsync(nanqu, form);

        var stored = await factory.WithDbAsync(db => db.Activities.Include(a => a.Services).Include(a => a.Units).Include(a => a.Community).SingleAsync(a => a.Id == id));
        Assert.Equal("南区社区", stored.Community!.Name);
        Assert.Equal(ActivityStatus.Planned, stored.Status);
        Assert.Equal(form["Input.StartAt"], China(stored.StartUtc));
        Assert.Equal(TimeSpan.FromHours(3), stored.EndUtc - stored.StartUtc);
        Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(stored.StartUtc, DateTimeKind.Utc).Kind);
        Assert.Equal(ChinaTime.ToUtc(DateTime.Parse(form["Input.StartAt"], System.Globalization.CultureInfo.InvariantCulture)), stored.StartUtc);
        Assert.Equal([2, 3], stored.Services.OrderBy(s => s.VolunteersNeeded).Select(s => s.VolunteersNeeded));
        Assert.Single(stored.Units);

        var page = await nanqu.GetDocumentAsync($"/Activities/Details/{id}");
        Assert.Contains("建安小区便民接待日（排期测试）", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(form["Input.StartAt"].Replace('T', ' '), page.QuerySelector(".activity-time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("铜矿工程部", HtmlAssert.MainText(page), StringComparison.Ordinal);

        // The month view shows it on its day.
        var start = DateTime.Parse(form["Input.StartAt"], System.Globalization.CultureInfo.InvariantCulture);
        var month = await nanqu.GetDocumentAsync($"/Activities?month={start:yyyy-MM}");
        var day = month.QuerySelector($"li.tk-cal-day[data-date='{start:yyyy-MM-dd}']")!;
        Assert.Contains("建安小区便民接待日（排期测试）", day.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, month.QuerySelectorAll(".tk-cal-head > div").Length);
        Assert.Equal("周一", month.QuerySelector(".tk-cal-head > div")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("Input.EndAt", "end-before-start")]
    [InlineData("Input.StartAt", "far-past")]
    [InlineData("Input.Services", "no-services")]
    [InlineData("Input.Services[1].Volunteers", "negative-volunteers")]
    [InlineData("Input.Title", "too-long")]
    [InlineData("Input.Stream", "stream-missing")]
    public async Task Bad_input_shows_a_message_next_to_the_field_and_saves_nothing(string field, string breakage)
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await ServiceDayAsync(factory, breakage == "far-past" ? -10 : 40 + breakage.Length, "不应保存的活动");
        switch (breakage)
        {
            case "end-before-start": form["Input.EndAt"] = China(DateTime.UtcNow.AddDays(39)); form["Input.StartAt"] = China(DateTime.UtcNow.AddDays(40)); break;
            case "no-services": form["Input.Services[0].Offered"] = "false"; form["Input.Services[1].Offered"] = "false"; break;
            case "negative-volunteers": form["Input.Services[1].Volunteers"] = "-1"; break;
            case "too-long": form["Input.Title"] = new string('长', FieldLengths.Title + 1); break;
            case "stream-missing": form["Input.Kind"] = "StreamActivity"; break;
        }
        var before = await CountAsync();

        using var response = await nanqu.PostFormAsync("/Activities/Create", "/Activities/Create", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.NotEqual("", HtmlAssert.FieldError(page, field));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_end_before_the_start_says_so_in_chinese()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await ServiceDayAsync(factory, 50);
        form["Input.EndAt"] = form["Input.StartAt"];
        using var response = await nanqu.PostFormAsync("/Activities/Create", "/Activities/Create", form);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("结束时间必须晚于开始时间。", HtmlAssert.FieldError(page, "Input.EndAt"));
    }

    [Fact]
    public async Task An_overlap_at_the_same_compound_is_warned_and_saved_only_when_confirmed()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var first = await ServiceDayAsync(factory, 60, "先安排的活动");
        await ScheduleAsync(nanqu, first);
        var second = await ServiceDayAsync(factory, 60, "时间重叠的活动");
        second["Input.StartAt"] = China(DateTime.Parse(first["Input.StartAt"], System.Globalization.CultureInfo.InvariantCulture).AddHours(1) - ChinaTime.Offset);
        var before = await CountAsync();

        using var warned = await nanqu.PostFormAsync("/Activities/Create", "/Activities/Create", second);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var page = await PortalClient.ParseAsync(await warned.Content.ReadAsStringAsync());
        Assert.Contains("先安排的活动", page.QuerySelector("#overlap-warning")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual("", HtmlAssert.FieldError(page, "Input.ConfirmOverlap"));
        Assert.Equal(before, await CountAsync());

        // At another compound at the same time there is nothing to warn about…
        var elsewhere = await ServiceDayAsync(factory, 60, "另一小区同时段活动", "南山小区");
        elsewhere["Input.StartAt"] = second["Input.StartAt"];
        elsewhere["Input.EndAt"] = second["Input.EndAt"];
        await ScheduleAsync(nanqu, elsewhere);

        // …and "save anyway" saves the overlapping one.
        second["Input.ConfirmOverlap"] = "true";
        await ScheduleAsync(nanqu, second);
        Assert.Equal(before + 2, await CountAsync());
    }

    [Fact]
    public async Task Edit_copy_and_cancel_keep_the_record_and_a_cancelled_one_says_why()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await ScheduleAsync(nanqu, await ServiceDayAsync(factory, 70, "待修改的活动"));

        var edit = FormValues.Read(await nanqu.GetDocumentAsync($"/Activities/Edit/{id}"));
        Assert.Equal("待修改的活动", edit["Input.Title"]);
        var form = await ServiceDayAsync(factory, 70, "修改后的活动");
        form["Input.Version"] = edit["Input.Version"];
        using (var saved = await nanqu.PostFormAsync($"/Activities/Edit/{id}", $"/Activities/Edit/{id}", form))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // A second save with the old version is a conflict, not an overwrite.
        form["Input.Title"] = "过期的修改";
        using (var stale = await nanqu.PostFormAsync($"/Activities/Edit/{id}", $"/Activities/Edit/{id}", form))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("修改后的活动", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal("修改后的活动", await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        // Copy: the plan comes along, the dates do not.
        var copy = FormValues.Read(await nanqu.GetDocumentAsync($"/Activities/Create?copyFrom={id}"));
        Assert.Equal("修改后的活动", copy["Input.Title"]);
        Assert.Equal("", copy["Input.StartAt"]);

        // Cancel needs a reason.
        using (var noReason = await nanqu.PostFormAsync($"/Activities/Cancel/{id}", $"/Activities/Details/{id}", new() { ["reason"] = " ", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(ActivityStatus.Planned, await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        using (var cancel = await nanqu.PostFormAsync($"/Activities/Cancel/{id}", $"/Activities/Details/{id}", new() { ["reason"] = "场地临时被占用", ["version"] = await VersionAsync(nanqu, id) }))
            Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var page = await nanqu.GetDocumentAsync($"/Activities/Details/{id}");
        Assert.Equal("已取消", page.QuerySelector(".activity-status")!.TextContent.Trim());
        Assert.Contains("场地临时被占用", page.QuerySelector(".activity-cancel-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("a[href='/Activities/Edit/" + id + "']"));
        Assert.True(await factory.WithDbAsync(db => db.Activities.AnyAsync(a => a.Id == id)));
    }

    [Fact]
    public async Task Another_community_cannot_see_or_change_the_activity()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        var id = await ScheduleAsync(nanqu, await ServiceDayAsync(factory, 80, "南区专属活动"));
        var version = await VersionAsync(nanqu, id);

        foreach (var url in new[] { $"/Activities/Details/{id}", $"/Activities/Edit/{id}", $"/Activities/Results/{id}", $"/Activities/Create?copyFrom={id}" })
        {
            using var response = await beiqu.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        using (var details = await school.GetAsync($"/Activities/Details/{id}"))
            Assert.Equal(HttpStatusCode.NotFound, details.StatusCode);

        var form = await ServiceDayAsync(factory, 80, "北区改的标题");
        form["Input.Version"] = version;
        using (var edit = await beiqu.PostFormAsync($"/Activities/Edit/{id}", "/Activities", form))
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
        using (var cancel = await beiqu.PostFormAsync($"/Activities/Cancel/{id}", "/Activities", new() { ["reason"] = "北区取消", ["version"] = version }))
            Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Equal("南区专属活动", await factory.WithDbAsync(db => db.Activities.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));

        // Lists are scoped too: 北区's calendar does not show it, and 北区 cannot schedule into 南区 by id.
        var list = await beiqu.GetDocumentAsync("/Activities?view=list");
        Assert.DoesNotContain("南区专属活动", HtmlAssert.MainText(list), StringComparison.Ordinal);
        Assert.DoesNotContain("南区社区", HtmlAssert.MainText(list), StringComparison.Ordinal);
        var intrusion = await ServiceDayAsync(factory, 81, "北区冒充南区");
        var before = await CountAsync();
        using (var create = await beiqu.PostFormAsync("/Activities/Create", "/Activities/Create", intrusion))
            Assert.Equal(HttpStatusCode.OK, create.StatusCode); // 建安小区 is not a compound of 北区: refused at the field
        Assert.Equal(before, await CountAsync());
    }
}
