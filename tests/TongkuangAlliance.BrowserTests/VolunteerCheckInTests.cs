using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Data;
using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// Issue 5 on a phone (375 px): 南区社区 shows the QR code of an activity happening now; zhiyuan01 opens its link,
/// confirms the check-in, and a second scan is not a second check-in (the page offers the check-out instead). The
/// check-in is then on the volunteer's own page (我的志愿服务), and 南区's registry lists its members with masked phones.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class VolunteerCheckInTests(BrowserFixture browser)
{
    private const int Phone375 = 375;

    [SkippableFact]
    public Task A_volunteer_checks_in_by_the_activity_QR_link_on_a_phone() => browser.RunAsync(async staff =>
    {
        int activityId;
        using (var scope = browser.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var south = await db.Communities.SingleAsync(c => c.Name == "南区社区");
            var start = DateTime.UtcNow.AddMinutes(-20);
            var activity = Activity.Schedule(new ActivityDetails(south.Id, null, ActivityKind.StreamActivity, ActivityStream.Volunteering, "楼道清洁志愿服务",
                "南区广场", start, start.AddHours(2), ActivityOrganiser.CommunityCommittee, null, null, [], []), start);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            activityId = activity.Id;
        }

        await staff.OpenSignedInAsync("nanqu");
        await staff.GotoAsync($"/Volunteers/Activity/{activityId}");
        await Expect(staff.Locator("img.qr-code")).ToBeVisibleAsync();
        var link = (await staff.Locator(".qr-url").TextContentAsync())!.Trim();
        Assert.Contains("/MyVolunteering/Scan?code=", link, StringComparison.Ordinal);

        await browser.RunAsync(async phone =>
        {
            await phone.OpenSignedInAsync("zhiyuan01");
            await phone.GotoAsync(link);
            await Expect(phone.Locator(".scan-activity")).ToHaveTextAsync("楼道清洁志愿服务");
            await phone.GetByRole(AriaRole.Button, new() { Name = "确认签到" }).ClickAsync();
            await Expect(phone.Locator(".scan-state").First).ToContainTextAsync("已于");
            var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= Phone375, $"the check-in page is {width} px wide at {Phone375} px");
            await Screenshots.TakeAsync(phone, "volunteer-checkin-phone.png", fullPage: true);

            // Scanning again: still one check-in, and the page now offers the check-out.
            await phone.GotoAsync(link);
            await Expect(phone.GetByRole(AriaRole.Button, new() { Name = "确认签退" })).ToBeVisibleAsync();

            await phone.GetByRole(AriaRole.Button, new() { Name = "展开或收起菜单" }).ClickAsync();
            await phone.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "我的志愿服务", Exact = true }).ClickAsync();
            await Expect(phone.Locator("h1")).ToHaveTextAsync("我的志愿服务");
            await Expect(phone.Locator(".my-checkins")).ToContainTextAsync("楼道清洁志愿服务");
            width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= Phone375, $"the volunteer's page is {width} px wide at {Phone375} px");
            await Screenshots.TakeAsync(phone, "my-volunteering-phone.png", fullPage: true);
        }, width: Phone375, height: 740);

        await staff.ReloadAsync();
        await Expect(staff.Locator(".checkin-list tbody tr")).ToHaveCountAsync(1);

        await staff.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "在职党员", Exact = true }).ClickAsync();
        await Expect(staff.Locator("h1")).ToHaveTextAsync("在职党员报到");
        var phones = await staff.Locator(".member-list tbody td[data-label='电话']").AllTextContentsAsync();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.Matches(@"^(\d{3}\*{4}\d{4})?$", p.Trim()));
        await Screenshots.TakeAsync(staff, "volunteers-registry.png");
    });
}
