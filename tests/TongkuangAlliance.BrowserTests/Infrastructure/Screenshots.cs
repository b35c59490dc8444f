namespace TongkuangAlliance.BrowserTests.Infrastructure;

/// <summary>
/// Screenshots go to docs/screenshots in the repository only when TK_SCREENSHOTS=1 (to refresh the committed
/// pictures); otherwise to a temp folder, so that an ordinary test run leaves the work tree clean.
/// </summary>
public static class Screenshots
{
    private static readonly Lazy<string> LazyFolder = new(() =>
    {
        var folder = Environment.GetEnvironmentVariable("TK_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "tk-browser-screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    });

    public static string Folder => LazyFolder.Value;

    public static async Task<string> TakeAsync(IPage page, string name, bool fullPage = false)
    {
        var path = Path.Combine(LazyFolder.Value, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No TongkuangAlliance.sln above {AppContext.BaseDirectory}.");
    }
}
