namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// The Content-Security-Policy allows no inline script or style: pages that used any would lose it silently in
/// the browser. Chromium reports every blocked script, style or image as a console error and a
/// securitypolicyviolation event; across the main pages there must be none.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ContentSecurityPolicyTests(BrowserFixture browser)
{
    private static readonly string[] Pages = ["/", "/Cases", "/Cases/Create", "/Activities", "/Accounts", "/Pairings", "/JointMeetings"];

    [SkippableFact]
    public Task Main_pages_load_without_any_policy_violation() => browser.RunAsync(async page =>
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error") errors.Add($"{page.Url}: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) errors.Add($"{response.Status} {response.Url}");
        };
        await page.AddInitScriptAsync("""
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            """);

        var signInPage = await page.GotoAsync("/Account/SignIn");
        Assert.Contains("script-src 'self'", (await signInPage!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        var violations = new List<string>();
        await CollectAsync(page, violations);

        await page.SignInAsync("jiedao");
        await page.WaitForURLAsync(url => !url.Contains("/Account/SignIn", StringComparison.OrdinalIgnoreCase));
        foreach (var url in Pages)
        {
            await page.GotoAsync(url);
            await CollectAsync(page, violations);
        }
        // The navbar's collapse toggler runs Bootstrap's script: it must still work under the policy.
        await page.SetViewportSizeAsync(400, 800);
        await page.GotoAsync("/");
        var toggler = page.Locator(".navbar-toggler");
        if (await toggler.CountAsync() > 0 && await toggler.First.IsVisibleAsync()) await toggler.First.ClickAsync();
        await CollectAsync(page, violations);

        Assert.True(violations.Count == 0, "CSP violations:\n" + string.Join("\n", violations));
        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
    });

    private static async Task CollectAsync(IPage page, List<string> violations)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var found = await page.EvaluateAsync<string[]>("() => window.__cspViolations || []");
        violations.AddRange(found.Select(v => $"{page.Url}: {v}"));
    }
}
