using Deque.AxeCore.Playwright;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// Issue 11: every main page of every role, in both languages, scanned by axe-core (no serious or critical
/// violation) and laid out at 375 px (nothing wider than the phone's screen). The pages are found the way a user
/// finds them — the role's menu, and the first record linked from each list — so pages added later are swept too.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class PageSweepTests(BrowserFixture browser)
{
    private const int Phone = 375;

    /// <summary>The pages found as a list's first record (detail pages), as opposed to menu pages.</summary>
    private readonly HashSet<string> _records = [];

    /// <summary>Pages a signed-out visitor reaches: sign-in and the residents' channel (what a stairwell QR opens).</summary>
    private static readonly string[] PublicPages = ["/Account/SignIn", "/Residents/Report", "/Residents/Status"];

    public static TheoryData<string, string> RolesAndLanguages()
    {
        var data = new TheoryData<string, string>();
        foreach (var user in new[] { "", "jiedao", "nanqu", "unit02", "wangge-nanqu1", "zhiyuan01" })
        {
            foreach (var language in new[] { "zh-CN", "en" })
            {
                data.Add(user, language);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(RolesAndLanguages))]
    public Task Main_pages_pass_axe_and_fit_a_375_pixel_phone(string user, string language) => browser.RunAsync(async page =>
    {
        var pages = await OpenAndFindPagesAsync(page, user, language);
        var violations = new List<string>();
        var tooWide = new List<string>();
        var noBreadcrumb = new List<string>();
        foreach (var path in pages)
        {
            await page.SetViewportSizeAsync(1366, 900);
            await page.GotoAsync(path);
            var result = await page.RunAxe();
            violations.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"));

            // A record's page in the portal's layout tells where it sits (首页 › 社区 › 南区社区 › …). Not a filtered
            // list a dashboard links to (it has a query) nor a print page (no menu: certificate, agreement, QR sheet).
            if (_records.Contains(path) && !path.Contains('?', StringComparison.Ordinal)
                && await page.Locator("#portal-menu").CountAsync() > 0 && await page.Locator("nav ol.breadcrumb").CountAsync() == 0)
            {
                noBreadcrumb.Add(path);
            }

            // The same page on a phone: the layout reflows on resize, no reload needed.
            await page.SetViewportSizeAsync(Phone, 740);
            var width = await SettledWidthAsync(page);
            if (width > Phone) tooWide.Add($"{path}: {width} px — widest: {await WidestElementAsync(page)}");
        }
        // A volunteer's menu has two pages (home, 我的志愿服务); with the check-in page that makes three, like the others.
        Assert.True(pages.Count >= 3, $"Only {pages.Count} pages were found for '{user}'.");
        // One assertion, so that a failure reports every kind of finding at once.
        var findings = violations.Select(v => "axe: " + v)
            .Concat(noBreadcrumb.Select(b => "no breadcrumbs: " + b))
            .Concat(tooWide.Select(w => $"wider than {Phone} px: " + w)).ToList();
        Assert.True(findings.Count == 0, $"{findings.Count} findings on {pages.Count} pages ({language}):{Environment.NewLine}{string.Join(Environment.NewLine, findings)}");
    });

    /// <summary>Signs in (unless anonymous), chooses the language, and lists the menu's pages plus one record of each list.</summary>
    private async Task<List<string>> OpenAndFindPagesAsync(IPage page, string user, string language)
    {
        if (user.Length > 0) await page.OpenSignedInAsync(user);
        await page.Context.AddCookiesAsync([new Cookie
        {
            Name = ".AspNetCore.Culture",
            Value = Uri.EscapeDataString($"c={language}|uic={language}"),
            Url = browser.BaseAddress.ToString(),
        }]);
        if (user.Length == 0) return [.. PublicPages];

        // The menu's pages, then the first record each list links to (its detail page). The lists are visited twice
        // (here and by the sweep); that costs less than interleaving discovery with the scans.
        var menu = await LocalLinksAsync(page, "#portal-menu a");
        var pages = new List<string>(menu);
        // The phone check-in page a volunteer reaches by scanning (here with a code that is not one: its message).
        if (user == "zhiyuan01") pages.Add("/MyVolunteering/Scan?code=not-a-code");
        foreach (var list in menu)
        {
            await page.GotoAsync(list);
            var records = await LocalLinksAsync(page, "main table tbody a, main .list-group a");
            if (records.FirstOrDefault(r => !pages.Contains(r)) is { } first)
            {
                pages.Add(first);
                _records.Add(first);
            }
        }
        return pages;
    }

    private static async Task<List<string>> LocalLinksAsync(IPage page, string selector)
    {
        var hrefs = await page.Locator(selector).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href') || '')");
        return [.. hrefs.Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal) && !h.Contains(".ics", StringComparison.Ordinal)
                && !h.Contains("Export", StringComparison.OrdinalIgnoreCase) && !h.Contains("Download", StringComparison.OrdinalIgnoreCase)).Distinct()];
    }

    /// <summary>
    /// The page's width once the layout has settled after the resize: charts (Chart.js) resize their canvas on the next
    /// frames, so a page measured at once can report the 1366-pixel chart it is about to shrink.
    /// </summary>
    private static async Task<int> SettledWidthAsync(IPage page)
    {
        const string afterTwoFrames = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done(document.documentElement.scrollWidth))))";
        var width = await page.EvaluateAsync<int>(afterTwoFrames);
        if (width <= Phone) return width;
        await page.WaitForTimeoutAsync(500);
        return await page.EvaluateAsync<int>(afterTwoFrames);
    }

    private static Task<string> WidestElementAsync(IPage page) => page.EvaluateAsync<string>(
        """
        () => {
          let widest = null;
          for (const e of document.querySelectorAll('body *')) {
            const r = e.getBoundingClientRect();
            const scrolls = e.parentElement && e.parentElement.closest('.table-responsive, pre');
            if (!scrolls && r.right > document.documentElement.clientWidth + 1 && (!widest || r.right > widest.r)) widest = { e, r: r.right };
          }
          return widest ? `${widest.e.tagName.toLowerCase()}.${[...widest.e.classList].join('.')} to ${Math.round(widest.r)} px` : '(none found)';
        }
        """);
}
