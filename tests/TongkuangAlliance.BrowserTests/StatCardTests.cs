using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// Issue 19: every stat card, on every dashboard and home page, reads at a glance — measured in the rendered page, at a
/// desktop width (1366 px) and a phone's (375 px): the number's font is at least 1.6 times the label's, every caption
/// is smaller than the label, the cards stand in one column on a phone, and the page does not scroll sideways
/// (the tables scroll inside themselves). Each page is screenshotted at both widths (docs/screenshots with TK_SCREENSHOTS=1).
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class StatCardTests(BrowserFixture browser)
{
    private const string Measure = """
        () => [...document.querySelectorAll('.stat-card')].map(card => {
            const size = el => el ? parseFloat(getComputedStyle(el).fontSize) : 0;
            const value = card.querySelector('.stat-value .figure-value');
            return {
                id: card.id,
                label: size(card.querySelector('.stat-label')),
                value: size(value),
                captions: [...card.querySelectorAll('.stat-caption')].map(size),
                left: Math.round(card.getBoundingClientRect().left),
            };
        })
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly int[] Widths = [1366, 375];

    private sealed record Card(string Id, double Label, double Value, double[] Captions, int Left);

    public static TheoryData<string, string, string> Pages => new()
    {
        { "jiedao", "/", "home-subdistrict" },
        { "jiedao", "/Dashboards", "dashboard-subdistrict-cards" },
        { "nanqu", "/", "home-community" },
        { "nanqu", "/Dashboards", "dashboard-community" },
        { "unit02", "/Dashboards/Unit", "dashboard-unit" },
    };

    [SkippableTheory]
    [MemberData(nameof(Pages))]
    public Task Every_stat_card_has_a_large_number_a_smaller_label_and_smaller_captions(string user, string path, string shot) => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync(user);
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, width == 375 ? 812 : 900);
            await page.GotoAsync(path);
            await Expect(page.Locator(".stat-card").First).ToBeVisibleAsync();
            var cards = JsonSerializer.Deserialize<Card[]>(await page.EvaluateAsync<JsonElement>(Measure), Json)!;
            Assert.NotEmpty(cards);
            foreach (var c in cards)
            {
                Assert.True(c.Value >= 1.6 * c.Label, $"{path} {width}px {c.Id}: number {c.Value}px, label {c.Label}px");
                Assert.All(c.Captions, size => Assert.True(size < c.Label, $"{path} {width}px {c.Id}: caption {size}px, label {c.Label}px"));
            }
            if (width == 375)
            {
                Assert.Single(cards.Select(c => c.Left).Distinct());
                var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
                Assert.True(overflow <= 0, $"{path} at 375px scrolls sideways by {overflow}px");
            }
            await Screenshots.TakeAsync(page, $"{shot}{(width == 375 ? "-phone" : "")}.png", fullPage: true);
        }
    });
}
