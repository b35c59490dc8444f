using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// 联席会商 → 督办 in a real browser: the sub-district (jiedao) records a joint meeting and a decision that assigns
/// 铜矿工程部 an action item; the unit (unit02) finds it under "我的承诺", reports progress and completes it; the
/// sub-district sees it done on the meeting's page and gone from its open supervision list.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class JointMeetingStoryTests(BrowserFixture browser)
{
    private const string Topics = "建安小区冬季用电安全检查";
    private const string Decision = "开展小区用电线路安全排查";
    private const string Item = "检查建安小区 1 至 6 栋楼道电线并更换老化线路";

    [SkippableFact]
    public Task A_meeting_decision_becomes_an_action_item_the_unit_completes() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("jiedao");
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "联席会议", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("联席会议");
        await page.GetByRole(AriaRole.Link, new() { Name = "记录联席会议" }).ClickAsync();

        await page.GetByLabel("会议日期", new() { Exact = true }).FillAsync(Today());
        await page.GetByLabel("地点", new() { Exact = true }).FillAsync("铜矿街道党群服务中心");
        await page.GetByLabel("铜矿工程部", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("南区社区", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("会商议题", new() { Exact = true }).FillAsync(Topics);
        await page.GetByLabel("会议记录", new() { Exact = true }).FillAsync("南区社区通报楼道电线老化情况，铜矿工程部表示可派电工班组排查。");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存会议" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(MeetingUrl());
        var meetingUrl = page.Url;
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("联席会议已记录");
        await Expect(page.Locator(".meeting-topics")).ToHaveTextAsync(Topics);

        // A decision with a due date before the meeting is refused next to the field; then the right one is saved.
        var form = page.Locator("#add-decision");
        await form.GetByLabel("决定内容", new() { Exact = true }).FillAsync(Decision);
        await form.GetByLabel("责任方", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "铜矿工程部" });
        await form.GetByLabel("事项内容", new() { Exact = true }).FillAsync(Item);
        await form.GetByLabel("“1+6”板块", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "幸福小区" });
        await form.GetByLabel("完成期限", new() { Exact = true }).FillAsync(Today(-1));
        await form.GetByRole(AriaRole.Button, new() { Name = "保存决定和督办事项" }).ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.DueDate']")).ToHaveTextAsync("完成期限不能早于会议日期。");
        await Expect(page.Locator(".action-item-row")).ToHaveCountAsync(0);

        await page.Locator("#add-decision").GetByLabel("完成期限", new() { Exact = true }).FillAsync(Today(7));
        await page.Locator("#add-decision").GetByRole(AriaRole.Button, new() { Name = "保存决定和督办事项" }).ClickAsync();
        var row = page.Locator(".action-item-row").Filter(new() { HasText = Item });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("铜矿工程部");
        await Expect(row).ToContainTextAsync("进行中");
        await Expect(page.Locator(".decision-text")).ToHaveTextAsync(Decision);

        await menu.GetByRole(AriaRole.Link, new() { Name = "督办事项", Exact = true }).ClickAsync();
        await Expect(page.Locator("main table tbody tr").Filter(new() { HasText = Item })).ToContainTextAsync("进度 0%");

        await browser.RunAsync(CompleteAsUnitAsync);

        await page.GotoAsync(meetingUrl);
        await Expect(page.Locator(".action-item-row").Filter(new() { HasText = Item })).ToContainTextAsync("已完成");
        await Screenshots.TakeAsync(page, "joint-meeting.png", fullPage: true);
        await menu.GetByRole(AriaRole.Link, new() { Name = "督办事项", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("督办事项");
        await Expect(page.Locator("main table tbody tr").Filter(new() { HasText = Item })).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(page, "supervision.png", fullPage: true);

        // The pairing's page shows its three lists (need → resource → project) and the item among both sides' action items.
        await menu.GetByRole(AriaRole.Link, new() { Name = "结对共建", Exact = true }).ClickAsync();
        await page.Locator("main table tbody tr").Filter(new() { HasText = "铜矿工程部" }).Filter(new() { HasText = "南区社区" })
            .GetByRole(AriaRole.Link, new() { Name = "三张清单" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("铜矿工程部 ↔ 南区社区");
        await Expect(page.Locator("#needs")).ToContainTextAsync("路灯维修");
        await Expect(page.Locator("#needs")).ToContainTextAsync("南山小区路灯维修");
        await Expect(page.Locator("#resources")).ToContainTextAsync("电工班组");
        await Expect(page.Locator("#action-items tbody tr").Filter(new() { HasText = Item })).ToContainTextAsync("已完成");
        await Screenshots.TakeAsync(page, "pairing-lists.png", fullPage: true);
    });

    private static async Task CompleteAsUnitAsync(IPage unit)
    {
        await unit.OpenSignedInAsync("unit02");
        await unit.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "我的承诺", Exact = true }).ClickAsync();
        await Expect(unit.Locator("h1")).ToHaveTextAsync("我的承诺");
        await unit.Locator("main table tbody tr").Filter(new() { HasText = Item }).GetByRole(AriaRole.Link, new() { Name = Item }).ClickAsync();
        await Expect(unit.Locator("h1")).ToHaveTextAsync(Item);

        await unit.GetByLabel("进度（%）", new() { Exact = true }).FillAsync("50");
        await unit.GetByLabel("进展说明", new() { Exact = true }).FillAsync("已检查 1 至 3 栋，更换线路 40 米");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickAsync();
        await Expect(unit.GetByRole(AriaRole.Status)).ToContainTextAsync("进展已更新");
        await Expect(unit.Locator(".work-state")).ToContainTextAsync("进度 50%");

        await unit.GetByLabel("进度（%）", new() { Exact = true }).FillAsync("100");
        await unit.GetByLabel("进展说明", new() { Exact = true }).FillAsync("6 栋全部检查完毕，老化线路已更换");
        await unit.GetByRole(AriaRole.Button, new() { Name = "提交进展" }).ClickAsync();
        await Expect(unit.Locator(".work-state")).ToContainTextAsync("已完成");
        await Expect(unit.Locator(".work-history li")).ToHaveCountAsync(2);
        await Expect(unit.Locator("#update form")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(unit, "action-item-done.png", fullPage: true);
    }

    private static string Today(int days = 0) =>
        ChinaTime.FromUtc(DateTime.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"/JointMeetings/Details/\d+$")]
    private static partial Regex MeetingUrl();
}
