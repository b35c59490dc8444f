using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class SignInTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task Sub_district_user_signs_in_through_the_form_and_sees_the_overview_of_six_communities() => browser.RunAsync(async page =>
    {
        // The home page needs a signed-in user: an anonymous visit lands on the sign-in form.
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn", RegexOptions.IgnoreCase));
        await Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await Screenshots.TakeAsync(page, "sign-in.png");

        await page.SignInAsync("jiedao");

        await Expect(page).ToHaveURLAsync(new Uri(browser.BaseAddress, "/").ToString());
        await Expect(page.Locator("h1")).ToContainTextAsync("铜矿街道党建联盟概览");
        await Expect(page.Locator("#figure-communities .stat-label")).ToHaveTextAsync("社区");
        await Expect(page.Locator("#figure-communities .figure-value")).ToHaveTextAsync("6");
        var rows = page.Locator("#communities-at-a-glance tbody tr");
        await Expect(rows).ToHaveCountAsync(6);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "南区社区" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "home-subdistrict.png");
    });

    [SkippableFact]
    public Task Wrong_password_shows_the_sign_in_error_and_stays_on_the_form() => browser.RunAsync(async page =>
    {
        await page.GotoAsync("/Account/SignIn");

        // dongqu: an account no other browser test signs in with, so the failed attempt cannot disturb them.
        await page.SignInAsync("dongqu", "NotThePassword1");

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("用户名或密码错误。");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn", RegexOptions.IgnoreCase));
        await Expect(page.GetByLabel("用户名")).ToHaveValueAsync("dongqu");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToHaveCountAsync(0);
    });

    [SkippableFact]
    public Task Community_user_opens_its_own_community_page_on_desktop_and_on_a_phone() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("nanqu");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" }).GetByRole(AriaRole.Link, new() { Name = "本社区" }).ClickAsync();

        await Expect(page.Locator("h1")).ToHaveTextAsync("南区社区");
        await Expect(page.Locator("main")).ToContainTextAsync("吴金盛");
        await Expect(page.Locator("main")).ToContainTextAsync("建安小区");
        await Screenshots.TakeAsync(page, "community-nanqu.png");

        // The same page on a 375 px phone, in the same session.
        await page.SetViewportSizeAsync(375, 812);
        await page.ReloadAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("南区社区");
        // Tables turn into label/value cards: each cell shows its column's name before the value.
        var firstCell = page.Locator("main table.stack-on-phone tbody td").First;
        await Expect(firstCell).ToBeVisibleAsync();
        Assert.Equal("block", await firstCell.EvaluateAsync<string>("td => getComputedStyle(td.parentElement).display"));
        Assert.NotEqual("none", await firstCell.EvaluateAsync<string>("td => getComputedStyle(td, '::before').content"));
        await Screenshots.TakeAsync(page, "community-nanqu-phone.png", fullPage: true);
    });
}
