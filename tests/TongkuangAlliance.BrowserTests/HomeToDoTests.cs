using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// Issue 19: each role's home page opens with its to-do counts (今日待办), readable on a phone: two tiles a row at
/// 375 px, the count larger than its label, nothing scrolling sideways. Screenshots go to docs/screenshots.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class HomeToDoTests(BrowserFixture browser)
{
    private const string Measure = """
        () => [...document.querySelectorAll('.work-item')].map(e => ({
            label: parseFloat(getComputedStyle(e.querySelector('.work-label')).fontSize),
            count: parseFloat(getComputedStyle(e.querySelector('.work-count')).fontSize),
            left: Math.round(e.getBoundingClientRect().left),
        }))
        """;

    private sealed record Tile(double Label, double Count, int Left);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly int[] Widths = [1366, 375];

    public static TheoryData<string, string, string> Pages => new()
    {
        { "nanqu", "/", "todo-community" },
        { "unit02", "/", "todo-unit" },
        { "wangge-nanqu1", "/GridWork", "todo-grid-worker" },
    };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public Task Each_role_s_home_page_opens_with_its_to_do_counts(string user, string path, string shot) => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync(user);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 812 : 900);
            await page.GotoAsync(path);
            await Expect(page.Locator(".work-item").First).ToBeVisibleAsync();
            var tiles = JsonSerializer.Deserialize<Tile[]>(await page.EvaluateAsync<JsonElement>(Measure), Json)!;
            Assert.True(tiles.Length >= 2, $"{path}: {tiles.Length} to-do tiles");
            Assert.All(tiles, t => Assert.True(t.Count > 1.4 * t.Label, $"{path} {width}px: count {t.Count}px, label {t.Label}px"));
            if (width == 375)
            {
                Assert.Equal(2, tiles.Select(t => t.Left).Distinct().Count());
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} at 375px scrolls sideways by {overflow}px");
            }
            await Screenshots.TakeAsync(page, $"{shot}{(width == 375 ? "-phone" : "")}.png", fullPage: true);
        }
    });
}
