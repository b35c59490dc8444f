using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

[Collection(SharedBrowser.Name)]
public sealed class StaticAssetTests(BrowserFixture browser)
{
    [SkippableFact]
    public Task Header_is_party_red_so_bootstrap_and_site_css_were_served_and_applied() => browser.RunAsync(async page =>
    {
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType is "stylesheet" or "script" && response.Status != 200) failed.Add($"{response.Status} {response.Url}");
        };

        await page.GotoAsync("/Account/SignIn");

        var header = page.Locator("header.portal-header");
        // site.css paints the header party red (#C8161D).
        await Expect(header).ToHaveCSSAsync("background-color", "rgb(200, 22, 29)");
        // Bootstrap's .navbar makes the header a flex container; without bootstrap.min.css it would be a block.
        await Expect(header).ToHaveCSSAsync("display", "flex");
        // The Chinese font stack comes first.
        var font = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("\"PingFang SC\"", font, StringComparison.Ordinal);
        Assert.Empty(failed);
    });
}
