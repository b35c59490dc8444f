using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Dashboards;
using TongkuangAlliance.Web.Features.Volunteers;
using TongkuangAlliance.Web.Infrastructure.Scheduling;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>
/// Issue 17's activity and volunteer rules (invited, signed up, waitlisted, moved up, the day before, cancelled), the
/// dissatisfied follow-up, and the digests: each trigger, the row, and what its recipient sees. Own app: these write.
/// </summary>
public sealed class ActivityAndDigestRuleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Volunteer = "zhiyuan01";

    [Fact]
    public async Task An_activity_tells_invited_units_and_volunteers_from_invitation_to_the_day_before_and_its_cancellation()
    {
        var ids = await factory.DemoIdsAsync();
        var start = ChinaTime.ToUtc(ChinaTime.Today(TimeProvider.System).AddDays(6).ToDateTime(new TimeOnly(9, 0)));
        var (activityId, serviceId) = await factory.WithDbAsync(async db =>
        {
            var kind = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
            var details = new ActivityDetails(ids.SouthCommunity, ids.SouthCompound, ActivityKind.ServiceDay, null, "提醒测试：便民接待日", "建安小区广场",
                start, start.AddHours(3), ActivityOrganiser.CommunityCommittee, null, "请自带工具箱和宣传资料", [new PlannedService(kind, 1)], [ids.EngineeringUnit]);
            var activity = Activity.Schedule(details, DateTime.UtcNow);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (activity.Id, activity.Services.Single().Id);
        });

        // Invited: the unit is asked to confirm, and opening it goes to the activity.
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActivityInvited, activityId: activityId));
        Assert.Equal(0, await RuleKit.RowsAsync(factory, PortalClient.Users.MiddleSchoolUnit, NotificationKind.ActivityInvited, activityId: activityId));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.ActivityInvited),
            t => t.Contains("提醒测试：便民接待日", StringComparison.Ordinal) && t.Contains("请确认是否参加", StringComparison.Ordinal));
        var invitation = await factory.WithDbAsync(db => db.Notifications.Where(n => n.ActivityId == activityId && n.Kind == NotificationKind.ActivityInvited).Select(n => n.Id).SingleAsync());
        using (var unit = await factory.CreatePortalClient().SignedInAsAsync("unit02"))
        using (var opened = await unit.PostFormAsync($"/Notifications/Open/{invitation}", "/Notifications", []))
            Assert.Equal($"/Activities/Details/{activityId}", opened.Headers.Location!.OriginalString);

        // Another member takes the only place; zhiyuan01 signs up on their own page and waits — and is told so.
        var zhiyuan = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == Volunteer).Select(u => u.PartyMemberId!.Value).SingleAsync());
        var other = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.HomeCommunityId == ids.SouthCommunity && m.Id != zhiyuan
            && m.Registration == RegistrationStatus.Confirmed && m.Status == PartyMemberStatus.Active).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        await WithActionsAsync(async (db, actions) =>
        {
            var activity = await db.Activities.Include(a => a.Services).SingleAsync(a => a.Id == activityId);
            await actions.SignUpAsync(activity, serviceId, await db.PartyMembers.SingleAsync(m => m.Id == other), CancellationToken.None);
        });
        using var volunteer = await factory.CreatePortalClient().SignedInAsAsync(Volunteer);
        using (var response = await volunteer.PostFormAsync("/MyVolunteering/SignUp", "/MyVolunteering", new() { ["activityId"] = $"{activityId}", ["activityServiceId"] = $"{serviceId}" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.SignUpWaitlisted, activityId: activityId));
        Assert.Equal(0, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.SignUpConfirmed, activityId: activityId));
        Assert.Contains(await RuleKit.InboxAsync(factory, Volunteer, NotificationKind.SignUpWaitlisted), t => t.Contains("候补名单", StringComparison.Ordinal));

        // The other withdraws: zhiyuan01 moves up and is told; opening it goes to their own page.
        await WithActionsAsync(async (db, actions) =>
            await actions.WithdrawAsync(await db.ActivitySignUps.SingleAsync(s => s.ActivityId == activityId && s.PartyMemberId == other), CancellationToken.None));
        Assert.Equal(1, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.SignUpPromoted, activityId: activityId));
        var promoted = await factory.WithDbAsync(db => db.Notifications.Where(n => n.ActivityId == activityId && n.Kind == NotificationKind.SignUpPromoted).Select(n => n.Id).SingleAsync());
        using (var opened = await volunteer.PostFormAsync($"/Notifications/Open/{promoted}", "/Notifications", []))
            Assert.Equal("/MyVolunteering", opened.Headers.Location!.OriginalString);

        // The day before: the invited unit and the volunteer, with time, place and what to bring; once.
        var dayBefore = start.AddHours(-12);
        await RuleKit.RunAsync(factory, dayBefore, r => r.DayBeforeAsync());
        await RuleKit.RunAsync(factory, dayBefore.AddHours(2), r => r.DayBeforeAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActivityTomorrow, activityId: activityId));
        Assert.Equal(1, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.ActivityTomorrow, activityId: activityId));
        Assert.Contains(await RuleKit.InboxAsync(factory, Volunteer, NotificationKind.ActivityTomorrow),
            t => t.Contains("提醒测试：便民接待日", StringComparison.Ordinal) && t.Contains("建安小区广场", StringComparison.Ordinal)
                && t.Contains("09:00–12:00", StringComparison.Ordinal) && t.Contains("请自带工具箱和宣传资料", StringComparison.Ordinal));

        // Cancelled with its reason: everyone signed up and invited.
        await factory.WithDbAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
            activity.Cancel("场地临时被占用，另行通知", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActivityCancelled, activityId: activityId));
        Assert.Equal(1, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.ActivityCancelled, activityId: activityId));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.ActivityCancelled), t => t.Contains("场地临时被占用，另行通知", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_volunteers_own_sign_up_is_confirmed_to_them()
    {
        var ids = await factory.DemoIdsAsync();
        var start = ChinaTime.ToUtc(ChinaTime.Today(TimeProvider.System).AddDays(8).ToDateTime(new TimeOnly(14, 0)));
        var (activityId, serviceId) = await factory.WithDbAsync(async db =>
        {
            var kind = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
            var activity = Activity.Schedule(new ActivityDetails(ids.SouthCommunity, ids.SouthCompound, ActivityKind.ServiceDay, null, "提醒测试：报名确认", "南区社区服务中心",
                start, start.AddHours(2), ActivityOrganiser.CommunityCommittee, null, null, [new PlannedService(kind, 5)], []), DateTime.UtcNow);
            db.Activities.Add(activity);
            await db.SaveChangesAsync();
            return (activity.Id, activity.Services.Single().Id);
        });
        using var volunteer = await factory.CreatePortalClient().SignedInAsAsync(Volunteer);
        using (var response = await volunteer.PostFormAsync("/MyVolunteering/SignUp", "/MyVolunteering", new() { ["activityId"] = $"{activityId}", ["activityServiceId"] = $"{serviceId}" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await RuleKit.RowsAsync(factory, Volunteer, NotificationKind.SignUpConfirmed, activityId: activityId));
        Assert.Contains(await RuleKit.InboxAsync(factory, Volunteer, NotificationKind.SignUpConfirmed),
            t => t.Contains("您已报名「提醒测试：报名确认」", StringComparison.Ordinal) && t.Contains("南区社区服务中心", StringComparison.Ordinal));
        // The other volunteer (北区) neither is told nor sees it.
        Assert.Equal(0, await RuleKit.RowsAsync(factory, "zhiyuan02", NotificationKind.SignUpConfirmed, activityId: activityId));
    }

    [Fact]
    public async Task A_dissatisfied_follow_up_that_reopens_the_case_tells_its_handler()
    {
        var kase = await factory.WithDbAsync(db => db.Cases.Where(c => c.Status == CaseStatus.Resolved && c.HandlerUserId != null && c.Resolution != CaseResolution.AgreementReached)
            .OrderByDescending(c => c.Id).Select(c => new { c.Id, c.Number, c.HandlerUserId }).FirstAsync());
        var handler = await RuleKit.UserNameAsync(factory, kase.HandlerUserId!);
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Cases.SingleAsync(c => c.Id == kase.Id);
            tracked.RecordFollowUp(ChinaTime.Today(TimeProvider.System), FollowUpMethod.Phone, Satisfaction.Dissatisfied, null, "居民反映问题仍未解决", DateTime.UtcNow, null);
            await db.SaveChangesAsync();
        });
        Assert.Equal(1, await RuleKit.RowsAsync(factory, handler, NotificationKind.CaseReopened, caseId: kase.Id));
        Assert.Contains(await RuleKit.InboxAsync(factory, handler, NotificationKind.CaseReopened),
            t => t.Contains(kase.Number, StringComparison.Ordinal) && t.Contains("居民反映问题仍未解决", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_has_the_day_before_reminder_of_tomorrows_service_day_in_the_outbox()
    {
        var planned = await factory.WithDbAsync(db => db.Activities.Where(a => a.Title == DemoActivities.SouthPlannedTitle).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActivityTomorrow, activityId: planned));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.ActivityTomorrow), t => t.Contains(DemoActivities.SouthPlannedTitle, StringComparison.Ordinal));
        // Seeding ran it; running the job again today writes nothing more.
        await RuleKit.RunAsync(factory, RuleKit.Now, r => r.DayBeforeAsync());
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.ActivityTomorrow, activityId: planned));
    }

    [Fact]
    public async Task The_weekly_digest_has_the_sub_district_dashboards_figures_for_the_week_each_linked_to_its_list()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var nextMonday = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7);
        var at = ChinaTime.ToUtc(nextMonday.ToDateTime(new TimeOnly(8, 0)));
        Assert.True(await RuleKit.RunAsync(factory, at, r => r.WeeklyDigestAsync()) > 0);
        Assert.Equal(0, await RuleKit.RunAsync(factory, at.AddMinutes(1), r => r.WeeklyDigestAsync())); // a double fire

        var period = ScheduledRules.PastWeek(nextMonday);
        var ids = await factory.DemoIdsAsync();
        var digest = await factory.WithDbAsync(db => db.NotificationDigests.SingleAsync(d => d.Kind == DigestKind.Weekly && d.From == period.From));
        var figures = digest.ReadFigures();
        // The same queries the sub-district's dashboard runs for that week, at the same moment.
        var scope = new UserScope(PortalRole.SubDistrictCommittee, ids.SubDistrict, null, null);
        using (var s = factory.Services.CreateScope())
        {
            var dashboards = s.ServiceProvider.GetRequiredService<DashboardQueries>();
            var week = await dashboards.LoadAsync(scope, period, at, null, false, 5, CancellationToken.None);
            var watch = await dashboards.WatchAsync(scope, nextMonday, CancellationToken.None);
            Assert.Equal(week.Total.Registered, figures[DigestFigures.NewCases]);
            Assert.Equal(week.Total.Overdue, figures[DigestFigures.OverdueCases]);
            Assert.Equal(week.Total.ServiceDays, figures[DigestFigures.ServiceDays]);
            Assert.Equal(week.Total.VolunteerHours, figures[DigestFigures.VolunteerHours]);
            Assert.Equal(watch.EscalatedOpen, figures[DigestFigures.EscalatedOpen]);
            Assert.Equal(watch.OverdueTerms, figures[DigestFigures.OverdueTerms]);
            Assert.Equal(watch.OverdueWork, figures[DigestFigures.OverdueWork]);
        }

        // The committee's inbox item opens the digest page: every figure, each a link to its list for the week.
        var row = await factory.WithDbAsync(db => db.Notifications.Where(n => n.DigestId == digest.Id && db.Users.Any(u => u.Id == n.UserId && u.UserName == "jiedao")).Select(n => n.Id).SingleAsync());
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (var opened = await jiedao.PostFormAsync($"/Notifications/Open/{row}", "/Notifications", []))
            Assert.Equal($"/Notifications/Digest/{digest.Id}", opened.Headers.Location!.OriginalString);
        var page = await jiedao.GetDocumentAsync($"/Notifications/Digest/{digest.Id}");
        var shown = page.QuerySelectorAll(".digest-figure").ToDictionary(e => e.GetAttribute("data-figure")!, e => e.QuerySelector("a.digest-value")!);
        Assert.Equal(7, shown.Count);
        foreach (var (name, link) in shown)
        {
            Assert.Equal(figures[name].ToString(name == DigestFigures.VolunteerHours ? "0.0" : "0", CultureInfo.InvariantCulture), link.TextContent.Trim());
            Assert.False(string.IsNullOrEmpty(link.GetAttribute("href")));
        }
        Assert.Contains($"from={period.FromText}", shown[DigestFigures.NewCases].GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains($"to={period.ToText}", shown[DigestFigures.ServiceDays].GetAttribute("href"), StringComparison.Ordinal);

        // Nobody else opens it.
        foreach (var other in new[] { PortalClient.Users.SouthCommunity, PortalClient.Users.EngineeringUnit, Volunteer })
        {
            using var client = await factory.CreatePortalClient().SignedInAsAsync(other);
            using var response = await client.GetAsync($"/Notifications/Digest/{digest.Id}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
    }

    [Fact]
    public async Task The_monthly_summary_tells_each_unit_what_it_owes_and_did_by_the_unit_dashboards_query()
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        var at = ChinaTime.ToUtc(first.ToDateTime(new TimeOnly(9, 0)));
        Assert.True(await RuleKit.RunAsync(factory, at, r => r.MonthlyUnitSummaryAsync()) > 0);
        Assert.Equal(0, await RuleKit.RunAsync(factory, at.AddMinutes(5), r => r.MonthlyUnitSummaryAsync()));

        var ids = await factory.DemoIdsAsync();
        var period = ScheduledRules.PastMonth(first);
        var digest = await factory.WithDbAsync(db => db.NotificationDigests.SingleAsync(d => d.Kind == DigestKind.MonthlyUnit && d.MemberUnitId == ids.EngineeringUnit && d.From == period.From));
        using (var s = factory.Services.CreateScope())
        {
            var row = (await s.ServiceProvider.GetRequiredService<DashboardQueries>().UnitsAsync(new UserScope(PortalRole.PairedUnit, ids.SubDistrict, null, ids.EngineeringUnit),
                period, null, ids.EngineeringUnit, int.MaxValue, CancellationToken.None)).Single();
            Assert.Equal(row.TermsPending, digest.ReadFigures()[DigestFigures.TermsPending]);
            Assert.Equal(row.ActionItemsOpen, digest.ReadFigures()[DigestFigures.ActionItemsOpen]);
        }
        Assert.Equal(1, await RuleKit.RowsAsync(factory, "unit02", NotificationKind.MonthlyUnitSummary));
        Assert.Contains(await RuleKit.InboxAsync(factory, "unit02", NotificationKind.MonthlyUnitSummary), t => t.Contains("贵单位月报", StringComparison.Ordinal));
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var page = await unit.GetDocumentAsync($"/Notifications/Digest/{digest.Id}");
        Assert.Equal(5, page.QuerySelectorAll(".digest-figure").Length);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var refused = await jiedao.GetAsync($"/Notifications/Digest/{digest.Id}");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private async Task WithActionsAsync(Func<AppDbContext, VolunteerActions, Task> work)
    {
        using var scope = factory.Services.CreateScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDbContext>(), scope.ServiceProvider.GetRequiredService<VolunteerActions>());
    }
}
