using System.Runtime.CompilerServices;

namespace TongkuangAlliance.BrowserTests.Infrastructure;

/// <summary>
/// One app on Kestrel and one headless Debian Chromium, shared by the browser tests; each test opens its own
/// browser context (its own cookies). Never downloads a browser: it drives /usr/bin/chromium or skips.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string InstallHint = "apt-get install -y chromium fonts-noto-cjk";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private KestrelPortalFactory? _factory;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? UnavailableReason { get; private set; }

    public Uri BaseAddress => _factory?.BaseAddress ?? throw new InvalidOperationException("The portal is not running.");

    /// <summary>The running portal's services, for arranging data a story needs (e.g. an activity happening now).</summary>
    public IServiceProvider Services => _factory?.Services ?? throw new InvalidOperationException("The portal is not running.");

    public static bool BrowserRequired => Environment.GetEnvironmentVariable("TK_REQUIRE_BROWSER") == "1";

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            UnavailableReason = $"Chromium is not installed at {ChromiumPath}: run `{InstallHint}` to run the browser tests.";
            return;
        }

        // Generous timeouts: two shared cores, and the first request of a page compiles its Razor view.
        Assertions.SetDefaultExpectTimeout(20_000);

        _factory = new KestrelPortalFactory();
        _factory.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// Call first in every test: skips it when Chromium is missing, unless TK_REQUIRE_BROWSER=1 (CI), where a
    /// missing browser is a failure rather than a silently green run.
    /// </summary>
    public void RequireBrowser()
    {
        if (UnavailableReason is null) return;
        if (BrowserRequired) throw new InvalidOperationException($"TK_REQUIRE_BROWSER=1 but {UnavailableReason}");
        Skip.If(true, UnavailableReason);
    }

    /// <summary>
    /// Runs <paramref name="test"/> on a page of a fresh browser context (its own cookies), closed afterwards.
    /// When the test fails, a screenshot of the page as it was is saved and named in the failure message.
    /// </summary>
    public async Task RunAsync(Func<IPage, Task> test, int width = 1366, int height = 900, [CallerMemberName] string testName = "")
    {
        RequireBrowser();
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
        });
        context.SetDefaultTimeout(45_000);
        try
        {
            var page = await context.NewPageAsync();
            try
            {
                await test(page);
            }
            catch (Exception ex) when (ex is PlaywrightException or Xunit.Sdk.XunitException or TimeoutException)
            {
                var path = Path.Combine(Path.GetTempPath(), "tk-browser-failures", $"{testName}-{DateTime.UtcNow:HHmmss}.png");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                try { await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true }); }
                catch (PlaywrightException) { path = "(none: the page could not be captured)"; }
                throw new BrowserTestFailedException($"{ex.Message}{Environment.NewLine}Page: {page.Url}{Environment.NewLine}Screenshot: {path}", ex);
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        if (_factory is not null) await _factory.DisposeAsync();
    }
}

/// <summary>A browser test's failure, with the page's address and a screenshot of it.</summary>
public sealed class BrowserTestFailedException(string message, Exception inner) : Exception(message, inner);

[CollectionDefinition(Name)]
public sealed class SharedBrowser : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
