using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Dashboards;
using TongkuangAlliance.Web.Features.Volunteers;
using TongkuangAlliance.Web.Infrastructure.Scheduling;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>A clock that says what the test wants.</summary>
internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}

/// <summary>
/// Helpers of issue 17's rule tests: run a time-based rule as its Quartz job would, but with a clock of the test's,
/// read the rows written, and read what the recipient sees in the inbox.
/// </summary>
internal static class RuleKit
{
    public static DateTime Now => DateTime.UtcNow;

    public static async Task<int> RunAsync(PortalFactory factory, DateTime nowUtc, Func<ScheduledRules, Task<int>> rule)
    {
        using var scope = factory.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var rules = new ScheduledRules(sp.GetRequiredService<AppDbContext>(), new FixedClock(nowUtc), sp.GetRequiredService<DashboardQueries>(),
            sp.GetRequiredService<IOptions<DashboardOptions>>());
        return await rule(rules);
    }

    public static Task<int> RowsAsync(PortalFactory factory, string userName, NotificationKind kind, int? termId = null, int? itemId = null, int? caseId = null,
        int? activityId = null) =>
        factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Kind == kind && db.Users.Any(u => u.Id == n.UserId && u.UserName == userName)
            && (termId == null || n.AgreementTermId == termId) && (itemId == null || n.ActionItemId == itemId) && (caseId == null || n.CaseId == caseId)
            && (activityId == null || n.ActivityId == activityId)));

    public static Task<string> UserNameAsync(PortalFactory factory, string userId) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.UserName!).SingleAsync());

    public static async Task<List<string>> InboxAsync(PortalFactory factory, string userName, NotificationKind kind)
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(userName);
        var inbox = await client.GetDocumentAsync($"/Notifications?kind={kind}");
        return inbox.QuerySelectorAll(".notification-text").Select(e => e.TextContent.Trim()).ToList();
    }

    public static Task<int> TermAsync(PortalFactory factory, string description) =>
        factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Description == description).Select(t => t.Id).SingleAsync());
}

/// <summary>The overdue term rule: once a day, at most 7 times, to the owing unit and the case's handler.</summary>
public sealed class OverdueTermRuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PumpTerm = "为建安小区 5、6 栋加装供水增压泵";

    [Fact]
    public async Task An_overdue_term_tells_the_unit_and_the_handler_once_a_day_and_stops_after_seven_days()
    {
        var termId = await RuleKit.TermAsync(factory, PumpTerm);
        var handlerId = await factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Id == termId).Select(t => t.Case!.HandlerUserId).SingleAsync());
        Assert.NotNull(handlerId);
        var handler = await RuleKit.UserNameAsync(factory, handlerId!);

        var now = RuleKit.Now;
        await RuleKit.RunAsync(factory, now, r => r.DueAndOverdueAsync());
        await RuleKit.RunAsync(factory, now.AddHours(1), r => r.DueAndOverdueAsync()); // a double fire the same day
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.TermOverdue, termId));
        Assert.Equal(1, await RuleKit.RowsAsync(factory, handler, NotificationKind.TermOverdue, termId));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.TermOverdue),
            t => t.Contains(PumpTerm, StringComparison.Ordinal) && t.Contains("尚未履行（第 1 次提醒）", StringComparison.Ordinal));

        for (var day = 1; day <= 9; day++) await RuleKit.RunAsync(factory, now.AddDays(day), r => r.DueAndOverdueAsync());
        Assert.Equal(NotificationRules.OverdueMaxReminders, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.TermOverdue, termId));
        Assert.Equal(NotificationRules.OverdueMaxReminders, await RuleKit.RowsAsync(factory, handler, NotificationKind.TermOverdue, termId));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.TermOverdue), t => t.Contains("第 7 次提醒", StringComparison.Ordinal));
    }
}

/// <summary>Due in 3 days; overdue stops once the term is fulfilled; action items due and overdue; the deadline lights.</summary>
public sealed class ScheduledRuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string PumpTerm = "为建安小区 5、6 栋加装供水增压泵";
    private const string NanshanRepair = "更换南山小区 3 栋破损的雨水管并修补外墙";

    [Fact]
    public async Task A_term_due_in_three_days_tells_the_unit_once_and_a_fulfilled_term_is_no_longer_reminded()
    {
        // The overdue pump term: reminded today, fulfilled by the unit, not reminded tomorrow.
        var pumpId = await RuleKit.TermAsync(factory, PumpTerm);
        var now = RuleKit.Now;
        // Other tests of this class may run the job on other days first: count what today's run leaves.
        await RuleKit.RunAsync(factory, now, r => r.DueAndOverdueAsync());
        var reminded = await RuleKit.RowsAsync(factory, "unit02", NotificationKind.TermOverdue, pumpId);
        Assert.True(reminded >= 1);
        var today = ChinaTime.Today(new FixedClock(now));
        Assert.True(await factory.WithDbAsync(db => db.ScheduledReminders.AnyAsync(r => r.Rule == "TermOverdue" && r.RecordKey == $"Term:{pumpId}" && r.Day == today)));
        using (var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit))
        {
            var values = FormValues.Read(await unit.GetDocumentAsync($"/Terms/Fulfil/{pumpId}"));
            values["Input.FulfilledOn"] = ChinaToday();
            values["Input.ProofNote"] = "增压泵已安装并试运行";
            using var response = await unit.PostFormAsync($"/Terms/Fulfil/{pumpId}", "/Terms", values);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        await RuleKit.RunAsync(factory, now.AddDays(1), r => r.DueAndOverdueAsync());
        await RuleKit.RunAsync(factory, now.AddDays(2), r => r.DueAndOverdueAsync());
        Assert.Equal(reminded, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.TermOverdue, pumpId));

        // Due in three days: 南山 repair, owed by 铜矿工程部 (in ten days).
        var soonId = await RuleKit.TermAsync(factory, NanshanRepair); // due in 10 days, owed by 铜矿工程部
        var due = await factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Id == soonId).Select(t => t.DueDate).SingleAsync());
        var threeDaysBefore = ChinaTime.ToUtc(due.AddDays(-3).ToDateTime(new TimeOnly(8, 0)));
        await RuleKit.RunAsync(factory, threeDaysBefore, r => r.DueAndOverdueAsync());
        await RuleKit.RunAsync(factory, threeDaysBefore.AddDays(1), r => r.DueAndOverdueAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.TermDueSoon, soonId));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.TermDueSoon),
            t => t.Contains(NanshanRepair, StringComparison.Ordinal) && t.Contains($"将于 {due:yyyy-MM-dd} 到期", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Action_items_due_in_three_days_and_overdue_tell_their_owner_once()
    {
        var sentBack = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == DemoJoint.SentBackItem).Select(a => new { a.Id, a.DueDate }).SingleAsync());
        var overdue = await factory.WithDbAsync(db => db.ActionItems.Where(a => a.What == DemoJoint.OverdueItem).Select(a => a.Id).SingleAsync());
        var before = ChinaTime.ToUtc(sentBack.DueDate.AddDays(-2).ToDateTime(new TimeOnly(8, 0)));
        await RuleKit.RunAsync(factory, before, r => r.DueAndOverdueAsync());
        await RuleKit.RunAsync(factory, before.AddDays(1), r => r.DueAndOverdueAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActionItemDueSoon, itemId: sentBack.Id));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.ActionItemDueSoon), t => t.Contains(DemoJoint.SentBackItem, StringComparison.Ordinal));

        // The community's overdue item (owner: 南区社区's committee), told once however often the job runs.
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "nanqu", NotificationKind.ActionItemOverdue, itemId: overdue));
        await RuleKit.RunAsync(factory, RuleKit.Now, r => r.DueAndOverdueAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "nanqu", NotificationKind.ActionItemOverdue, itemId: overdue));
        Assert.Equal(0, await RuleKit.RowsAsync(factory, "beiqu", NotificationKind.ActionItemOverdue, itemId: overdue));
        Assert.Contains(await RuleKit.InboxAsync(factory, "nanqu", NotificationKind.ActionItemOverdue), t => t.Contains(DemoJoint.OverdueItem, StringComparison.Ordinal) && t.Contains("尚未完成", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_case_turning_yellow_then_red_tells_the_handler_and_the_community_once_each()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "提醒测试：黄灯红灯"));
        var handler = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = handler });
        var dues = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => new { c.UpdateDueAtUtc, c.ResolveDueAtUtc }).SingleAsync());
        Assert.True(dues.UpdateDueAtUtc < dues.ResolveDueAtUtc);

        var yellow = dues.UpdateDueAtUtc.AddMinutes(1);
        await RuleKit.RunAsync(factory, yellow, r => r.CaseDeadlinesAsync());
        await RuleKit.RunAsync(factory, yellow.AddHours(1), r => r.CaseDeadlinesAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "nanqu", NotificationKind.CaseDeadlineYellow, caseId: id));
        Assert.Equal(0, await RuleKit.RowsAsync(factory, "nanqu", NotificationKind.CaseDeadlineRed, caseId: id));
        Assert.Equal(0, await RuleKit.RowsAsync(factory, "beiqu", NotificationKind.CaseDeadlineYellow, caseId: id));

        var red = dues.ResolveDueAtUtc.AddMinutes(1);
        await RuleKit.RunAsync(factory, red, r => r.CaseDeadlinesAsync());
        await RuleKit.RunAsync(factory, red.AddHours(1), r => r.CaseDeadlinesAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "nanqu", NotificationKind.CaseDeadlineRed, caseId: id));
        Assert.Contains(await RuleKit.InboxAsync(factory, "nanqu", NotificationKind.CaseDeadlineRed), t => t.Contains("提醒测试：黄灯红灯", StringComparison.Ordinal) && t.Contains("红灯", StringComparison.Ordinal));
    }
}
