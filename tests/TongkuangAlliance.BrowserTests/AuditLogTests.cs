using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// 审计日志 in a real browser: the sub-district opens it from the main menu and finds its own sign-in at the top
/// (newest first), by name and user name.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class AuditLogTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task The_sub_district_finds_its_own_sign_in_at_the_top_of_the_audit_log() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("jiedao");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "审计日志", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("审计日志");

        var newest = page.Locator(".audit-log tbody tr").First;
        await Expect(newest.Locator("td[data-label='操作人']")).ToContainTextAsync("(jiedao)");
        await Expect(newest.Locator("td[data-label='操作']")).ToHaveTextAsync("登录成功");
        await Screenshots.TakeAsync(page, "audit-log.png");
    });
}
