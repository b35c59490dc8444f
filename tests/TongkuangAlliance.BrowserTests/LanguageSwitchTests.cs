using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class LanguageSwitchTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task English_chosen_in_the_top_bar_turns_the_page_English_and_is_remembered_on_the_next_page() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("jiedao");
        await Expect(page.Locator("h1")).ToContainTextAsync("党建联盟概览");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");

        await page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(page.Locator("h1")).ToContainTextAsync("party-building alliance at a glance");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        // Another page, reached through the menu: still English, because the culture cookie is sent again.
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" }).GetByRole(AriaRole.Link, new() { Name = "Communities" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Communities");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        Assert.Contains(await page.Context.CookiesAsync(), c => c.Name == ".AspNetCore.Culture" && Uri.UnescapeDataString(c.Value) == "c=en|uic=en");

        // And back to Chinese.
        await page.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("社区");
    });
}
