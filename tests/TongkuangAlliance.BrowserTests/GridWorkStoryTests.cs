using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// Issue 9 on a phone (375 px): the grid worker of 南区 第1网格 prints the QR sheet of 建安小区 2栋; a resident
/// scans it (opens its link), reports the dark stairwell without an account and gets a case number; the grid
/// worker finds the case in "my grid" and picks it up; the resident sees the new status with number + phone.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class GridWorkStoryTests(BrowserFixture browser)
{
    private const int Phone375 = 375;
    private const string ResidentPhone = "13607935555";
    private const string Description = "2 栋 1 单元三楼楼道灯坏了，晚上一片漆黑，家里老人不敢下楼。";

    [SkippableFact]
    public Task A_resident_reports_from_the_stairwell_QR_link_and_the_grid_worker_picks_it_up() => browser.RunAsync(async worker =>
    {
        await worker.OpenSignedInAsync("wangge-nanqu1");
        await Expect(worker).ToHaveURLAsync(new Regex("/GridWork$"));
        await Expect(worker.Locator("h1")).ToHaveTextAsync("我的网格");
        await AssertFitsAsync(worker);
        var building = worker.Locator(".grid-buildings tbody tr").Filter(new() { HasText = "建安小区 2栋" });
        await Expect(building.Locator("a[href^='tel:']")).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(worker, "grid-worker-phone.png", fullPage: true);

        await building.GetByRole(AriaRole.Link, new() { Name = "二维码张贴页" }).ClickAsync();
        await Expect(worker.Locator(".qr-sheet-place")).ToContainTextAsync("建安小区 · 2栋");
        await Expect(worker.Locator("img.qr-sheet-code")).ToBeVisibleAsync();
        var link = (await worker.Locator(".qr-sheet-url").TextContentAsync())!.Trim();
        Assert.Matches(@"/Residents/Report\?building=\d+$", link);

        string number = "";
        await browser.RunAsync(async resident =>
        {
            await resident.GotoAsync(link);
            await Expect(resident.Locator(".resident-place")).ToContainTextAsync("南区社区 · 建安小区 · 2栋");
            await Expect(resident.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToHaveCountAsync(0);
            await AssertFitsAsync(resident);

            // First a phone that is not a phone: a message next to it, nothing sent.
            await resident.GetByLabel("反映诉求或困难").CheckAsync();
            await resident.GetByLabel("反映的问题", new() { Exact = true }).FillAsync(Description);
            await resident.GetByLabel("怎么称呼您", new() { Exact = true }).FillAsync("王阿姨");
            await resident.GetByLabel("联系电话", new() { Exact = true }).FillAsync("12345");
            await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await Expect(resident.Locator("[data-valmsg-for='Input.Phone']")).ToContainTextAsync("电话");
            await Expect(resident.Locator(".resident-place")).ToContainTextAsync("建安小区 · 2栋");

            await resident.GetByLabel("联系电话", new() { Exact = true }).FillAsync(ResidentPhone);
            await resident.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
            await Expect(resident.Locator(".resident-number")).ToHaveTextAsync(new Regex(@"^JF\d{4}-\d{4}$"));
            number = (await resident.Locator(".resident-number").TextContentAsync())!.Trim();
            await Screenshots.TakeAsync(resident, "resident-submitted-phone.png", fullPage: true);
        }, width: Phone375, height: 740);

        await worker.GotoAsync("/GridWork");
        var item = worker.Locator(".grid-cases li").Filter(new() { HasText = number });
        await Expect(item).ToContainTextAsync("群众网上反映");
        await Expect(item).ToContainTextAsync("已登记");
        await item.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await Expect(worker.Locator(".case-status")).ToHaveTextAsync("已登记");
        await Expect(worker.Locator("main")).ToContainTextAsync("楼道灯坏了");
        await Expect(worker.Locator("#accept-handler option:checked")).ToHaveTextAsync("南区第1网格 网格员");
        await worker.Locator("#step-accept").GetByRole(AriaRole.Button, new() { Name = "受理" }).ClickAsync();
        await Expect(worker.Locator(".case-status")).ToHaveTextAsync("已受理");
        await AssertFitsAsync(worker);

        await browser.RunAsync(async resident =>
        {
            await resident.GotoAsync("/Residents/Status");
            await resident.GetByLabel("案件编号", new() { Exact = true }).FillAsync(number);
            await resident.GetByLabel("联系电话", new() { Exact = true }).FillAsync(ResidentPhone);
            await resident.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();
            await Expect(resident.Locator(".resident-status")).ToContainTextAsync("已受理");
            await Expect(resident.Locator("main")).Not.ToContainTextAsync("楼道灯坏了");
            await Expect(resident.Locator("main")).Not.ToContainTextAsync("王阿姨");
        }, width: Phone375, height: 740);
    }, width: Phone375, height: 740);

    /// <summary>Usable at 375 px: nothing wider than the screen.</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        Assert.True(width <= Phone375, $"{page.Url} is {width} px wide at {Phone375} px");
    }
}
