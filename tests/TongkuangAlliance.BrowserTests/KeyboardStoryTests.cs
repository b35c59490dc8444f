using static Microsoft.Playwright.Assertions;

namespace TongkuangAlliance.BrowserTests;

/// <summary>
/// "Keyboard alone can complete the case story": 南区社区 registers, mediates, follows up and closes a dispute
/// without a mouse. Every field and button is reached with Tab (so it is in the tab order, in a sensible place),
/// text is typed, a select's option is chosen with the arrow keys and a link or button is pressed with Enter.
/// Every element focused on the way must show a focus indicator. Only the sign-in uses the shared helper.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed partial class KeyboardStoryTests(BrowserFixture browser)
{
    // From the top of a page (skip link, brand, language, sign-out, main menu) to anything in the menu or main.
    private const int AcrossPage = 60;

    private readonly List<string> _noFocusIndicator = [];
    private string? _lastStop;

    [SkippableFact]
    public Task A_dispute_goes_from_intake_to_closed_with_the_keyboard_alone() => browser.RunAsync(async page =>
    {
        await page.OpenSignedInAsync("nanqu");

        // The main menu's 案件 link, from the top of the page.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "主菜单" });
        await TabToAsync(page, menu.GetByRole(AriaRole.Link, new() { Name = "案件", Exact = true }), AcrossPage, "the menu's 案件 link");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("案件");

        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "登记案件" }), AcrossPage, "登记案件");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("登记案件");

        // Intake: each field is the next Tab stop after the one before.
        await TabToAsync(page, page.GetByLabel("案件类型", new() { Exact = true }), AcrossPage, "案件类型");
        await ChooseAsync(page, "矛盾纠纷");
        await NextAsync(page, page.GetByLabel("来源", new() { Exact = true }));
        await ChooseAsync(page, "来访");
        await NextAsync(page, page.GetByLabel("反映人姓名", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("刘贤英");
        await NextAsync(page, page.GetByLabel("反映人电话", new() { Exact = true }));
        await page.Keyboard.TypeAsync("13907930606");
        await NextAsync(page, page.GetByLabel("小区", new() { Exact = true }));
        await ChooseAsync(page, "建安小区");
        await NextAsync(page, page.GetByLabel("网格", new() { Exact = true }));
        await NextAsync(page, page.GetByLabel("楼栋", new() { Exact = true }));
        await NextAsync(page, page.GetByLabel("类别", new() { Exact = true }));
        await ChooseAsync(page, "人身损害赔偿");
        await NextAsync(page, page.GetByLabel("紧急程度", new() { Exact = true }));
        await ChooseAsync(page, "紧急");
        await NextAsync(page, page.GetByLabel("标题", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("路灯损坏致居民夜间摔伤");
        await NextAsync(page, page.GetByLabel("描述", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("建安小区路灯损坏，施工沟槽无照明，刘贤英夜间经过时摔伤。");
        var occurred = page.GetByLabel("发生时间", new() { Exact = true });
        await NextAsync(page, occurred);
        await TypeDateAsync(page, occurred, ChinaNow().Date.AddDays(-2).AddHours(21).AddMinutes(30), withTime: true);
        var save = page.GetByRole(AriaRole.Button, new() { Name = "保存" });
        await NextAfterDateAsync(page, save);
        await AssertFocusIndicatorAsync(save, "保存");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(CaseDetailsPattern());
        var number = (await page.Locator(".case-number").TextContentAsync())!.Trim();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(number);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("已登记");
        var timeline = page.Locator("#timeline li");
        await Expect(timeline).ToHaveCountAsync(1);

        // The resident and the member unit as parties.
        var party = page.Locator("#step-party");
        await SkipToContentAsync(page);
        await TabToAsync(page, party.GetByLabel("当事人类型", new() { Exact = true }), AcrossPage, "当事人类型");
        await ChooseAsync(page, "群众");
        await NextAsync(page, party.GetByLabel("名称", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("刘贤英");
        await NextAsync(page, party.GetByLabel("电话（居民本人或单位联系人）", new() { Exact = true }));
        await page.Keyboard.TypeAsync("13907930606");
        await NextAsync(page, party.GetByLabel("成员单位", new() { Exact = true }));
        await NextAsync(page, party.GetByLabel("角色", new() { Exact = true }));
        await ChooseAsync(page, "申请方");
        await PressButtonAsync(page, party, "添加当事人", maxTabs: 1);
        await Expect(timeline).ToHaveCountAsync(2);

        await SkipToContentAsync(page);
        await TabToAsync(page, party.GetByLabel("当事人类型", new() { Exact = true }), AcrossPage, "当事人类型");
        await ChooseAsync(page, "成员单位");
        await TabToAsync(page, party.GetByLabel("成员单位", new() { Exact = true }), 3, "成员单位 (past 名称 and 电话)");
        await ChooseAsync(page, "铜矿工程部");
        await NextAsync(page, party.GetByLabel("角色", new() { Exact = true }));
        await ChooseAsync(page, "责任单位");
        await PressButtonAsync(page, party, "添加当事人", maxTabs: 1);
        await Expect(timeline).ToHaveCountAsync(3);
        await Expect(page.Locator("#parties tbody tr")).ToHaveCountAsync(2);
        await Expect(page.Locator("#parties")).ToContainTextAsync("铜矿工程部");

        // 受理 with the handler the form proposes (the signed-in user), then 开始调解.
        await SkipToContentAsync(page);
        await PressButtonAsync(page, page.Locator("#step-accept"), "受理", AcrossPage);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("已受理");
        await Expect(timeline).ToHaveCountAsync(4);
        await SkipToContentAsync(page);
        await PressButtonAsync(page, page.Locator("#step-mediation"), "开始调解", AcrossPage);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("调解中");
        await Expect(timeline).ToHaveCountAsync(5);

        var session = page.Locator("#step-session");
        var heldAt = session.GetByLabel("召开时间", new() { Exact = true });
        await SkipToContentAsync(page);
        await TabToAsync(page, heldAt, AcrossPage, "召开时间");
        await TypeDateAsync(page, heldAt, ChinaNow().Date.AddDays(-1).AddHours(9), withTime: true);
        await NextAfterDateAsync(page, session.GetByLabel("地点", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("南区社区党群服务中心");
        await NextAsync(page, session.GetByLabel("召集方", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("南区社区党委");
        await NextAsync(page, session.GetByLabel("参加人员", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("刘贤英；铜矿工程部代表；社区调解员");
        await NextAsync(page, session.GetByLabel("会议记录", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("工程部负责更换损坏的路灯。");
        await NextAsync(page, session.GetByLabel("结果", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("达成调解协议");
        await PressButtonAsync(page, session, "记录调解会", maxTabs: 1);
        await Expect(page.Locator(".case-session")).ToContainTextAsync("南区社区党群服务中心");
        await Expect(timeline).ToHaveCountAsync(6);

        var term = page.Locator("#step-term");
        var due = term.GetByLabel("履行期限", new() { Exact = true });
        await SkipToContentAsync(page);
        await TabToAsync(page, term.GetByLabel("履行方", new() { Exact = true }), AcrossPage, "履行方");
        await ChooseAsync(page, "铜矿工程部");
        await NextAsync(page, term.GetByLabel("条款类型", new() { Exact = true }));
        await ChooseAsync(page, "维修整改");
        await NextAsync(page, term.GetByLabel("描述", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("更换损坏的路灯");
        await NextAsync(page, term.GetByLabel("金额（元）", new() { Exact = true }));
        await NextAsync(page, due);
        await TypeDateAsync(page, due, ChinaNow().Date.AddDays(10), withTime: false);
        await PressButtonAsync(page, term, "添加协议条款", maxTabs: 2); // past the date field's calendar button
        await Expect(timeline).ToHaveCountAsync(7);
        await Expect(page.Locator("#terms tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#terms")).ToContainTextAsync("更换损坏的路灯");

        var resolve = page.Locator("#step-resolve");
        await SkipToContentAsync(page);
        await TabToAsync(page, resolve.GetByLabel("是否达成协议", new() { Exact = true }), AcrossPage, "是否达成协议");
        await ChooseAsync(page, "是");
        await NextAsync(page, resolve.GetByLabel("备注", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("双方签订调解协议");
        await PressButtonAsync(page, resolve, "化解", maxTabs: 1);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("履行中");
        await Expect(timeline).ToHaveCountAsync(8);

        // The term is done before the case can close.
        var fulfil = page.Locator("#step-fulfil");
        await SkipToContentAsync(page);
        await TabToAsync(page, fulfil.GetByLabel("协议条款", new() { Exact = true }), AcrossPage, "协议条款");
        await ChooseAsync(page, "铜矿工程部: 更换损坏的路灯");
        var fulfilledOn = fulfil.GetByLabel("履行日期", new() { Exact = true });
        await NextAsync(page, fulfilledOn);
        await TypeDateAsync(page, fulfilledOn, ChinaNow().Date, withTime: false);
        await NextAfterDateAsync(page, fulfil.GetByLabel("履行证明", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("社区现场查看确认");
        await PressButtonAsync(page, fulfil, "条款已履行", maxTabs: 1);
        await Expect(timeline).ToHaveCountAsync(9);
        await Expect(page.Locator("#terms tbody tr")).ToContainTextAsync("已履行");

        var followUp = page.Locator("#step-followup");
        var followedOn = followUp.GetByLabel("回访日期", new() { Exact = true });
        await SkipToContentAsync(page);
        await TabToAsync(page, followedOn, AcrossPage, "回访日期");
        await TypeDateAsync(page, followedOn, ChinaNow().Date, withTime: false);
        await NextAfterDateAsync(page, followUp.GetByLabel("回访方式", new() { Exact = true }));
        await ChooseAsync(page, "电话回访");
        await NextAsync(page, followUp.GetByLabel("满意度", new() { Exact = true }));
        await ChooseAsync(page, "满意");
        await NextAsync(page, followUp.GetByLabel("协议是否履行", new() { Exact = true }));
        await ChooseAsync(page, "是");
        await NextAsync(page, followUp.GetByLabel("备注", new() { Exact = true }));
        await page.Keyboard.InsertTextAsync("居民表示满意，路灯已亮");
        await PressButtonAsync(page, followUp, "记录回访", maxTabs: 1);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("已回访");
        await Expect(timeline).ToHaveCountAsync(10);

        await SkipToContentAsync(page);
        await PressButtonAsync(page, page.Locator("#step-close"), "结案", AcrossPage);
        await Expect(page.Locator(".case-status")).ToHaveTextAsync("已结案");
        await Expect(page.Locator("#step-close")).ToHaveCountAsync(0);
        Assert.Equal(
            ["登记", "添加当事方", "添加当事方", "受理", "开始调解", "召开调解会", "添加协议条款", "化解", "条款已履行", "回访", "结案"],
            (await timeline.Locator("strong").AllTextContentsAsync()).Select(t => t.Trim()));

        Assert.True(_noFocusIndicator.Count == 0,
            "Focused without a visible focus indicator (no outline, no box-shadow):" + Environment.NewLine
            + string.Join(Environment.NewLine, _noFocusIndicator.Distinct()));
    });

    /// <summary>Presses Tab until <paramref name="target"/> has the focus; fails if it takes more than <paramref name="maxTabs"/>.</summary>
    private async Task TabToAsync(IPage page, ILocator target, int maxTabs, string what)
    {
        await Expect(target).ToBeVisibleAsync();
        var path = new List<string>();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string[]?>(DescribeFocus);
            if (focused is not null)
            {
                // A second stop on the same date field is its calendar button, inside the field, which Chromium
                // rings itself; the page's style cannot be read there.
                var calendarButton = focused[2] is "date" or "datetime-local" && _lastStop == focused[0];
                path.Add(_lastStop = focused[0]);
                if (focused[1] != "true" && !calendarButton) _noFocusIndicator.Add(focused[0]);
            }
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement")) return;
        }
        Assert.Fail($"{what} not reached with {maxTabs} Tab presses. Focus went: {string.Join(" → ", path)}");
    }

    /// <summary>The next field of a form must be the very next Tab stop.</summary>
    private Task NextAsync(IPage page, ILocator field) => TabToAsync(page, field, 1, $"the next field ({field})");

    /// <summary>After a date field, its calendar button is one more Tab stop before the next field.</summary>
    private Task NextAfterDateAsync(IPage page, ILocator field) => TabToAsync(page, field, 2, $"the field after the date ({field})");

    private async Task PressButtonAsync(IPage page, ILocator form, string name, int maxTabs)
    {
        var button = form.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });
        await TabToAsync(page, button, maxTabs, $"the {name} button");
        await AssertFocusIndicatorAsync(button, name);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The layout's first Tab stop is 跳到正文; Enter on it moves the Tab starting point into the page's main part.</summary>
    private async Task SkipToContentAsync(IPage page)
    {
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "跳到正文" }), 1, "跳到正文");
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Arrow keys on the focused select until the option labelled <paramref name="label"/> is selected.</summary>
    private static async Task ChooseAsync(IPage page, string label)
    {
        const string Selected = "() => { const s = document.activeElement; return s.tagName === 'SELECT' ? [String(s.selectedIndex), s.options[s.selectedIndex]?.label.trim() ?? ''] : null; }";
        var key = "ArrowDown";
        var seen = new List<string>();
        for (var i = 0; i < 60; i++)
        {
            var now = await page.EvaluateAsync<string[]?>(Selected) ?? throw new Xunit.Sdk.XunitException($"Choosing {label}: the focus is not on a select.");
            seen.Add(now[1]);
            if (now[1] == label) return;
            await page.Keyboard.PressAsync(key);
            var after = await page.EvaluateAsync<string[]>(Selected);
            if (after[0] == now[0])
            {
                if (key == "ArrowUp") break;
                key = "ArrowUp"; // at the last option: the wanted one is above where the select started
            }
        }
        Assert.Fail($"Option {label} not reached with the arrow keys; options seen: {string.Join(", ", seen.Distinct())}");
    }

    /// <summary>
    /// Types a date (and time) into the focused date or datetime-local field part by part and checks the field now
    /// holds that value. Chromium lays these fields out in its own interface language, not the page's: here en-US,
    /// month/day/year then hour:minute and AM/PM. The year part takes up to six digits, so ArrowRight leaves it.
    /// </summary>
    private static async Task TypeDateAsync(IPage page, ILocator field, DateTime value, bool withTime)
    {
        await page.Keyboard.TypeAsync(value.ToString("MMddyyyy", CultureInfo.InvariantCulture));
        if (withTime)
        {
            await page.Keyboard.PressAsync("ArrowRight");
            await page.Keyboard.TypeAsync(value.ToString("hhmm", CultureInfo.InvariantCulture) + (value.Hour < 12 ? "A" : "P"));
        }
        var expected = value.ToString(withTime ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var actual = await field.InputValueAsync();
        Assert.True(actual == expected,
            $"Typed {expected} part by part in en-US order but the field holds '{actual}'. Does this Chromium run in another "
            + "interface language (LANG / --lang), with the date parts in another order?");
    }

    private static async Task AssertFocusIndicatorAsync(ILocator element, string what)
    {
        var style = await element.EvaluateAsync<string[]>(
            "el => { el.getAnimations().forEach(a => a.finish()); const s = getComputedStyle(el); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }");
        Assert.True(HasIndicator(style), $"{what} has the focus but shows no focus indicator (outline {style[0]} {style[1]}, box-shadow {style[2]}).");
    }

    private static bool HasIndicator(string[] style) =>
        (style[0] != "none" && style[1] != "0px") || style[2] != "none";

    // [description, "true" when the focused element has an outline or a box-shadow, its type]; transitions are finished first
    // so that the style read is the one the user ends up seeing.
    private const string DescribeFocus = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body) return null;
            el.getAnimations().forEach(a => a.finish());
            const s = getComputedStyle(el);
            const visible = (s.outlineStyle !== 'none' && s.outlineWidth !== '0px') || s.boxShadow !== 'none';
            const text = (el.getAttribute('aria-label') || el.innerText || el.id || '').trim().slice(0, 20);
            return [el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (text ? ' "' + text + '"' : ''), String(visible), el.type || ''];
        }
        """;

    private static DateTime ChinaNow() => ChinaTime.FromUtc(DateTime.UtcNow);

    [GeneratedRegex(@"/Cases/Details/\d+$")]
    private static partial Regex CaseDetailsPattern();
}
