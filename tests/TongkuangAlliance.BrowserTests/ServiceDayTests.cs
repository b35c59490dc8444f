using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// 便民接待日 in a real browser: 南区社区's secretary opens the activity calendar, schedules a service day at
/// 建安小区 on today's square of the month grid, and — once it has started — records its results. On a 375 px phone
/// the month grid becomes a list of the days that have activities.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class ServiceDayTests(BrowserFixture browser)
{
    private const string Title = "建安小区便民接待日（浏览器测试）";

    private static DateTime ChinaNow() => ChinaTime.FromUtc(DateTime.UtcNow);

    private static string Local(DateTime chinaTime) => chinaTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [SkippableFact]
    public Task A_secretary_schedules_a_service_day_in_the_calendar_and_records_its_results() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("nanqu");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "活动日历", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("活动日历");
        await Expect(page.Locator(".tk-cal-head > div").First).ToHaveTextAsync("周一");

        // Today's square of the month grid: "+ 安排".
        var today = ChinaNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.Locator($"li.tk-cal-day[data-date='{today}'] a.tk-cal-add").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("安排活动");

        await page.GetByLabel("活动类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "便民接待日" });
        await page.GetByLabel("标题", new() { Exact = true }).FillAsync(Title);
        await page.GetByLabel("小区", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "建安小区" });
        await page.GetByLabel("地点", new() { Exact = true }).FillAsync("建安小区中心广场");
        // It began an hour ago, so its results can be recorded straight after.
        await page.GetByLabel("开始时间", new() { Exact = true }).FillAsync(Local(ChinaNow().AddHours(-1)));
        await page.GetByLabel("结束时间", new() { Exact = true }).FillAsync(Local(ChinaNow().AddHours(2)));
        await page.GetByLabel("理发", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("理发所需志愿者", new() { Exact = true }).FillAsync("2");
        await page.GetByLabel("义诊", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("义诊所需志愿者", new() { Exact = true }).FillAsync("3");
        await page.GetByLabel("铜矿工程部", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(DetailsUrl());
        await Expect(page.Locator("h1")).ToContainTextAsync(Title);
        await Expect(page.Locator(".activity-status")).ToHaveTextAsync("计划中");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Title);
        var detailsUrl = page.Url;

        // The calendar shows it on today's square.
        await page.GetByRole(AriaRole.Link, new() { Name = "活动日历" }).First.ClickAsync();
        await Expect(page.Locator($"li.tk-cal-day[data-date='{ChinaNow().AddHours(-1):yyyy-MM-dd}']")).ToContainTextAsync(Title);
        await Screenshots.TakeAsync(page, "activity-calendar.png", fullPage: true);
        await page.Locator("li.tk-cal-event a").Filter(new() { HasText = Title }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(detailsUrl);

        // Later: the results.
        await page.GetByRole(AriaRole.Link, new() { Name = "登记活动成效" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("登记活动成效");
        await page.GetByLabel("理发", new() { Exact = true }).FillAsync("12");
        await page.GetByLabel("义诊", new() { Exact = true }).FillAsync("-3");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存成效" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.Served[1].Count']")).Not.ToBeEmptyAsync();
        await page.GetByLabel("义诊", new() { Exact = true }).FillAsync("8");
        await page.GetByLabel("现场调解纠纷（件）", new() { Exact = true }).FillAsync("1");
        await page.GetByLabel("活动小结", new() { Exact = true }).FillAsync("理发 12 人次、义诊 8 人次，现场调解邻里纠纷 1 起。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存成效" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(detailsUrl);
        await Expect(page.Locator(".activity-status")).ToHaveTextAsync("已举办");
        await Expect(page.Locator(".activity-residents-total")).ToHaveTextAsync("20");
        await Expect(page.Locator(".activity-disputes")).ToHaveTextAsync("1");
        await Expect(page.Locator(".activity-summary")).ToHaveTextAsync("理发 12 人次、义诊 8 人次，现场调解邻里纠纷 1 起。");
        await Expect(page.Locator(".activity-history")).ToContainTextAsync("服务群众人次: — → 12");
        await Screenshots.TakeAsync(page, "activity-results.png", fullPage: true);
    });

    [SkippableFact]
    public Task On_a_phone_the_month_becomes_a_list_of_days() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("nanqu");
        await page.GotoAsync("/Activities");
        await Expect(page.Locator(".tk-cal-head")).ToBeHiddenAsync();
        var days = page.Locator("li.tk-cal-day:not(.tk-cal-empty):not(.tk-cal-other)");
        Assert.True(await days.CountAsync() > 0, "the demo has activities this month");
        await Expect(days.First).ToBeVisibleAsync();
        await Expect(days.First.Locator(".tk-cal-weekday")).ToBeVisibleAsync();
        await Expect(page.Locator("li.tk-cal-day.tk-cal-empty").First).ToBeHiddenAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 375, $"the page is {width} px wide on a 375 px phone");
    }, width: 375, height: 812);

    [GeneratedRegex(@"/Activities/Details/\d+$")]
    private static partial Regex DetailsUrl();
}
