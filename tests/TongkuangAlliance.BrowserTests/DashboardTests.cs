using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// 数据看板 in a real browser: the sub-district opens the dashboard from the menu, the trend chart is drawn (Chart.js
/// from wwwroot/lib, no inline script), changes the period to the source report's history, and follows the number of
/// disputes resolved to the case list, which holds exactly that many cases.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class DashboardTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task The_sub_district_changes_the_period_and_follows_a_number_to_its_list() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("jiedao");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "数据看板", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("数据看板");
        await Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-drawn", "true");

        await page.GetByLabel("期间", new() { Exact = true }).SelectOptionAsync("Custom");
        await page.GetByLabel("自（自定义）", new() { Exact = true }).FillAsync("2019-09-29");
        await page.GetByLabel("至（自定义）", new() { Exact = true }).FillAsync("2020-06-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
        await Expect(page.Locator("#period-text")).ToHaveTextAsync("2019-09-29 至 2020-06-30");
        await Expect(page.Locator("#figure-service-days .figure-value")).ToHaveTextAsync("68");
        await Expect(page.Locator("#figure-disputes-resolved .figure-value")).ToHaveTextAsync("45");
        await Expect(page.Locator("#figure-requests-solved .figure-value")).ToHaveTextAsync("247");
        await Screenshots.TakeAsync(page, "dashboard-subdistrict.png", fullPage: true);

        await page.Locator("#figure-disputes-resolved a.figure-value").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Cases\\?.*resolvedFrom=2019-09-29"));
        await Expect(page.Locator("#list-count")).ToHaveTextAsync("共 45 件");
        await Expect(page.Locator("#dashboard-filter")).ToBeVisibleAsync();
    });
}
