namespace TongkuangAlliance.BrowserTests.Infrastructure;

public static class PageExtensions
{
    /// <summary>Fills in and submits the real sign-in form (Chinese labels: the default language).</summary>
    public static async Task SignInAsync(this IPage page, string userName, string password = KestrelPortalFactory.DemoPassword)
    {
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Opens the portal signed in as <paramref name="userName"/>, through the sign-in form.</summary>
    public static async Task OpenSignedInAsync(this IPage page, string userName)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.SignInAsync(userName);
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase));
        // The URL changes before the landing page is usable; a click before then can be lost on a busy machine.
        // Wait for what a user sees (the sign-out button) rather than a load event, which a navigation that
        // has already finished may never fire again (CI once waited 45 s for it).
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "退出" })).ToBeVisibleAsync();
    }
}
