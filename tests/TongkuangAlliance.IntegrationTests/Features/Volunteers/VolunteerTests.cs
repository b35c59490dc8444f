using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Volunteers;

namespace TongkuangAlliance.IntegrationTests.Features.Volunteers;

/// <summary>In-service party members: capacity and waitlist, the QR window, idempotent scans (200 at once), hours across midnight, scope, ledgers.</summary>
public sealed class VolunteerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static int _phoneSeed = 5000;

    private static string Local(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A 南区社区 activity from <paramref name="startUtc"/> lasting <paramref name="hours"/>, one service needing <paramref name="needed"/> volunteers.</summary>
    private Task<(int Activity, int Service)> ActivityAsync(DateTime startUtc, double hours, int needed = 2) => factory.WithDbAsync(async db =>
    {
        var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
        var kind = await db.ServiceKinds.OrderBy(k => k.Id).Select(k => k.Id).FirstAsync();
        var details = new ActivityDetails(south.Id, null, ActivityKind.StreamActivity, ActivityStream.Volunteering, "志愿服务测试", "南区广场",
            startUtc, startUtc.AddHours(hours), ActivityOrganiser.CommunityCommittee, null, null, [new PlannedService(kind, needed)], []);
        var activity = Activity.Schedule(details, startUtc.AddDays(-1));
        db.Activities.Add(activity);
        await db.SaveChangesAsync();
        return (activity.Id, activity.Services.Single().Id);
    });

    /// <summary>Confirmed 南区社区 members with volunteer accounts (all with the demo password, hashed once).</summary>
    private async Task<List<(int MemberId, string UserName)>> VolunteersAsync(int count, string prefix)
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
            var unit = await db.MemberUnits.SingleAsync(u => u.Name == DemoCatalog.MineEngineering);
            var members = Enumerable.Range(0, count).Select(i => PartyMember.Register(new PartyMemberDetails($"测试{prefix}{i}",
                $"1370793{Interlocked.Increment(ref _phoneSeed):0000}", unit.Id, null, null, south.Id, null, null, new DateOnly(2026, 1, 1)))).ToList();
            foreach (var m in members) m.Confirm(DateTime.UtcNow);
            db.PartyMembers.AddRange(members);
            await db.SaveChangesAsync();
            var hash = new PasswordHasher<AppUser>().HashPassword(null!, PortalFactory.DemoPassword);
            var result = new List<(int, string)>();
            for (var i = 0; i < count; i++)
            {
                var name = $"{prefix}{i:000}";
                var user = new AppUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), DisplayName = members[i].Name, PasswordHash = hash,
                    SecurityStamp = Guid.NewGuid().ToString(), CreatedAtUtc = DateTime.UtcNow };
                user.AssignScope(PortalRole.Volunteer, south.SubDistrictId, south.Id, null, null, members[i].Id);
                db.Users.Add(user);
                result.Add((members[i].Id, name));
            }
            await db.SaveChangesAsync();
            return result;
        });
        return ids;
    }

    private string CodeFor(int activityId)
    {
        using var scope = factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<VolunteerActions>().CodeFor(activityId);
    }

    private static Task<HttpResponseMessage> ScanAsync(PortalClient client, string code, bool checkOut = false) =>
        client.PostFormAsync("/MyVolunteering/Scan", "/MyVolunteering", new() { ["code"] = code, ["checkOut"] = checkOut ? "true" : "false" });

    [Fact]
    public async Task Two_hundred_volunteers_scanning_at_once_are_each_counted_exactly_once()
    {
        var (activity, _) = await ActivityAsync(DateTime.UtcNow.AddMinutes(-10), 3);
        var volunteers = await VolunteersAsync(200, "scan");
        var code = CodeFor(activity);
        var clients = new PortalClient[volunteers.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, volunteers.Count), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, _) => clients[i] = await factory.CreatePortalClient().SignedInAsAsync(volunteers[i].UserName));
        try
        {
            // Every volunteer scans twice, all at once.
            var responses = await Task.WhenAll(clients.Concat(clients).Select(c => ScanAsync(c, code)));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var memberIds = volunteers.Select(v => v.MemberId).ToList();
            var counts = await factory.WithDbAsync(db => db.CheckIns.Where(c => c.ActivityId == activity && memberIds.Contains(c.PartyMemberId))
                .GroupBy(c => c.PartyMemberId).Select(g => g.Count()).ToListAsync());
            Assert.Equal(200, counts.Count);
            Assert.All(counts, n => Assert.Equal(1, n));
        }
        finally
        {
            foreach (var c in clients) c?.Dispose();
        }
    }

    [Fact]
    public async Task A_code_works_only_in_its_window_and_only_for_its_activity()
    {
        var (later, _) = await ActivityAsync(DateTime.UtcNow.AddHours(3), 2);
        var (ended, _) = await ActivityAsync(DateTime.UtcNow.AddDays(-1), 2);
        var volunteer = (await VolunteersAsync(1, "window"))[0];
        using var client = await factory.CreatePortalClient().SignedInAsAsync(volunteer.UserName);

        foreach (var (activity, message) in new[] { (later, "签到尚未开始"), (ended, "签到已结束") })
        {
            var page = await client.GetDocumentAsync("/MyVolunteering/Scan?code=" + Uri.EscapeDataString(CodeFor(activity)));
            Assert.Contains(message, page.QuerySelector(".scan-error")!.TextContent, StringComparison.Ordinal);
            await ScanAsync(client, CodeFor(activity));
        }
        // A tampered code is not any activity's.
        var bad = await client.GetDocumentAsync("/MyVolunteering/Scan?code=" + Uri.EscapeDataString(CodeFor(later)[..^3] + "abc"));
        Assert.NotNull(bad.QuerySelector(".scan-error"));
        var stored = await factory.WithDbAsync(db => db.CheckIns.CountAsync(c => c.PartyMemberId == volunteer.MemberId));
        Assert.Equal(0, stored);
    }

    [Fact]
    public async Task Check_out_before_check_in_is_refused_and_scanning_in_then_out_credits_the_time()
    {
        var (activity, _) = await ActivityAsync(DateTime.UtcNow.AddMinutes(-30), 2);
        var volunteer = (await VolunteersAsync(1, "inout"))[0];
        using var client = await factory.CreatePortalClient().SignedInAsAsync(volunteer.UserName);
        var code = CodeFor(activity);

        await ScanAsync(client, code, checkOut: true);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CheckIns.CountAsync(c => c.PartyMemberId == volunteer.MemberId)));

        await ScanAsync(client, code);
        await ScanAsync(client, code, checkOut: true);
        var checkIn = await factory.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.PartyMemberId == volunteer.MemberId));
        Assert.NotNull(checkIn.CheckedOutAtUtc);
        Assert.Equal(CheckInSource.QrCode, checkIn.Source);
        // Checked in before the start? No: 30 minutes after it; credited from check-in, so about 0 minutes, never negative.
        Assert.InRange(checkIn.Minutes!.Value, 0, 2);
        var page = await client.GetDocumentAsync("/MyVolunteering/Scan?code=" + Uri.EscapeDataString(code));
        Assert.Null(page.QuerySelector(".scan-confirm"));
    }

    [Fact]
    public async Task Capacity_is_enforced_and_the_first_on_the_waitlist_takes_a_freed_place()
    {
        var (activity, service) = await ActivityAsync(DateTime.UtcNow.AddDays(2), 3, needed: 2);
        var volunteers = await VolunteersAsync(4, "wait");
        var clients = new List<PortalClient>();
        foreach (var v in volunteers)
        {
            var client = await factory.CreatePortalClient().SignedInAsAsync(v.UserName);
            clients.Add(client);
            var response = await client.PostFormAsync("/MyVolunteering/SignUp", "/MyVolunteering",
                new() { ["activityId"] = activity.ToString(CultureInfo.InvariantCulture), ["activityServiceId"] = service.ToString(CultureInfo.InvariantCulture) });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Task<List<SignUpStatus>> StatusesAsync() => factory.WithDbAsync(db => db.ActivitySignUps.Where(s => s.ActivityId == activity)
            .OrderBy(s => s.QueuedAtUtc).ThenBy(s => s.Id).Select(s => s.Status).ToListAsync());
        Assert.Equal([SignUpStatus.Confirmed, SignUpStatus.Confirmed, SignUpStatus.Waitlisted, SignUpStatus.Waitlisted], await StatusesAsync());

        var page = await clients[3].GetDocumentAsync("/MyVolunteering");
        Assert.Contains("候补第 2 位", page.QuerySelector(".my-signups")!.TextContent, StringComparison.Ordinal);

        var first = await factory.WithDbAsync(db => db.ActivitySignUps.Where(s => s.ActivityId == activity && s.PartyMemberId == volunteers[0].MemberId).Select(s => s.Id).SingleAsync());
        await clients[0].PostFormAsync($"/MyVolunteering/Withdraw/{first}", "/MyVolunteering", []);
        var after = await factory.WithDbAsync(db => db.ActivitySignUps.Where(s => s.ActivityId == activity).OrderBy(s => s.PartyMemberId)
            .Select(s => s.Status).ToListAsync());
        Assert.Equal([SignUpStatus.Withdrawn, SignUpStatus.Confirmed, SignUpStatus.Confirmed, SignUpStatus.Waitlisted], after);
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task Twelve_volunteers_signing_up_at_once_for_three_places_get_three_places_and_nine_waitlist_spots()
    {
        var (activity, service) = await ActivityAsync(DateTime.UtcNow.AddDays(3), 2, needed: 3);
        var volunteers = await VolunteersAsync(12, "rush");
        var clients = new List<PortalClient>();
        foreach (var v in volunteers) clients.Add(await factory.CreatePortalClient().SignedInAsAsync(v.UserName));
        var forms = new List<(PortalClient Client, Dictionary<string, string> Form)>();
        foreach (var client in clients)
        {
            forms.Add((client, new Dictionary<string, string>
            {
                ["activityId"] = activity.ToString(CultureInfo.InvariantCulture),
                ["activityServiceId"] = service.ToString(CultureInfo.InvariantCulture),
                ["__RequestVerificationToken"] = await client.AntiforgeryTokenAsync("/MyVolunteering"),
            }));
        }

        var responses = await Task.WhenAll(forms.Select(async f =>
        {
            using var content = new FormUrlEncodedContent(f.Form);
            using var response = await f.Client.Http.PostAsync("/MyVolunteering/SignUp", content);
            return response.StatusCode;
        }));

        Assert.All(responses, status => Assert.Equal(HttpStatusCode.Redirect, status));
        var statuses = await factory.WithDbAsync(db => db.ActivitySignUps.Where(s => s.ActivityServiceId == service)
            .GroupBy(s => s.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.Equal(3, statuses.GetValueOrDefault(SignUpStatus.Confirmed));
        Assert.Equal(9, statuses.GetValueOrDefault(SignUpStatus.Waitlisted));
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task A_correction_across_midnight_needs_a_reason_and_credits_only_the_activity_span()
    {
        // 22:00 → 02:00 China time, i.e. 14:00 → 18:00 UTC of the same day.
        var startUtc = ChinaTime.ToUtc(ChinaTime.FromUtc(DateTime.UtcNow).Date.AddDays(-1).AddHours(22));
        var (activity, _) = await ActivityAsync(startUtc, 4);
        var volunteer = (await VolunteersAsync(1, "night"))[0];
        using var staff = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var desk = await staff.PostFormAsync($"/Volunteers/Desk/{activity}", $"/Volunteers/Activity/{activity}",
            new() { ["partyMemberId"] = volunteer.MemberId.ToString(CultureInfo.InvariantCulture), ["checkOut"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, desk.StatusCode);
        var checkIn = await factory.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.ActivityId == activity && c.PartyMemberId == volunteer.MemberId));

        Dictionary<string, string> Form(string reason) => new()
        {
            ["CheckedIn"] = Local(startUtc.AddMinutes(-30)),   // 21:30, before the start
            ["CheckedOut"] = Local(startUtc.AddMinutes(210)),  // 01:30 the next day
            ["Reason"] = reason,
            ["Version"] = checkIn.Version.ToString(),
        };
        await staff.PostFormAsync($"/Volunteers/Correct/{checkIn.Id}", $"/Volunteers/Activity/{activity}", Form(""));
        Assert.Null(await factory.WithDbAsync(db => db.CheckIns.Where(c => c.Id == checkIn.Id).Select(c => c.Minutes).SingleAsync()));

        await staff.PostFormAsync($"/Volunteers/Correct/{checkIn.Id}", $"/Volunteers/Activity/{activity}", Form("忘记签退，按现场记录补录"));
        var corrected = await factory.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.Id == checkIn.Id));
        Assert.Equal(210, corrected.Minutes); // 22:00 → 01:30: the half hour before the start is not credited
        Assert.Equal("忘记签退，按现场记录补录", corrected.CorrectionReason);
        var history = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(CheckIn) && a.EntityId == checkIn.Id.ToString(CultureInfo.InvariantCulture)));
        Assert.True(history >= 2, "the check-in and its correction are both in the audit log");
    }

    [Fact]
    public async Task A_correction_cannot_put_the_check_out_in_the_future()
    {
        // Issue 20, finding 12: an activity under way (started an hour ago, four hours long); a correction that says
        // the volunteer left in two hours' time is refused with a message, and nothing changes.
        var startUtc = DateTime.UtcNow.AddHours(-1);
        var (activity, _) = await ActivityAsync(startUtc, 4);
        var volunteer = (await VolunteersAsync(1, "future"))[0];
        using var staff = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        await staff.PostFormAsync($"/Volunteers/Desk/{activity}", $"/Volunteers/Activity/{activity}",
            new() { ["partyMemberId"] = volunteer.MemberId.ToString(CultureInfo.InvariantCulture), ["checkOut"] = "false" });
        var checkIn = await factory.WithDbAsync(db => db.CheckIns.SingleAsync(c => c.ActivityId == activity && c.PartyMemberId == volunteer.MemberId));

        var refused = await staff.PostFormAsync($"/Volunteers/Correct/{checkIn.Id}", $"/Volunteers/Activity/{activity}", new()
        {
            ["CheckedIn"] = Local(startUtc),
            ["CheckedOut"] = Local(DateTime.UtcNow.AddHours(2)),
            ["Reason"] = "按现场记录补录",
            ["Version"] = checkIn.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var stored = await factory.WithDbAsync(db => db.CheckIns.AsNoTracking().SingleAsync(c => c.Id == checkIn.Id));
        Assert.Null(stored.CheckedOutAtUtc);
        Assert.Null(stored.Minutes);
        var page = await staff.GetDocumentAsync($"/Volunteers/Activity/{activity}");
        Assert.Contains("签退时间不能晚于现在", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_check_in_credited_no_time_does_not_count_as_a_time_on_the_certificate()
    {
        // Issue 20, finding 13: a check-in and check-out at the same minute credits 0 minutes; the certificate
        // counts the activities the member served at, so it is not one of them.
        var startUtc = DateTime.UtcNow.Date.AddDays(-3).AddHours(1);
        var (served, _) = await ActivityAsync(startUtc, 2);
        var (zero, _) = await ActivityAsync(startUtc.AddDays(1), 2);
        var volunteer = (await VolunteersAsync(1, "zero"))[0];
        await factory.WithDbAsync(async db =>
        {
            var member = await db.PartyMembers.SingleAsync(m => m.Id == volunteer.MemberId);
            foreach (var (id, minutes) in new[] { (served, 90), (zero, 0) })
            {
                var activity = await db.Activities.SingleAsync(a => a.Id == id);
                var checkIn = CheckIn.Start(activity, member, CheckInSource.Desk, activity.StartUtc);
                checkIn.Finish(activity, CheckInSource.Desk, activity.StartUtc.AddMinutes(minutes));
                db.CheckIns.Add(checkIn);
            }
            await db.SaveChangesAsync();
        });
        Assert.Equal(0, await factory.WithDbAsync(db => db.CheckIns.Where(c => c.ActivityId == zero).Select(c => c.Minutes!.Value).SingleAsync()));

        using var staff = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var from = ChinaTime.FromUtc(startUtc).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var certificate = await staff.GetDocumentAsync($"/Volunteers/Certificate/{volunteer.MemberId}?from={from}");
        var body = certificate.QuerySelector(".certificate p")!.TextContent;
        Assert.Contains("参加志愿服务活动 1 次", body, StringComparison.Ordinal);
        Assert.Contains("累计服务 1.5 小时", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_show_one_decimal_whether_whole_or_not()
    {
        // Issue 20, finding 18: two hours read "2.0" next to "2.8", not "2".
        var startUtc = DateTime.UtcNow.Date.AddDays(-2).AddHours(1);
        var (activity, _) = await ActivityAsync(startUtc, 4);
        var volunteers = await VolunteersAsync(2, "whole");
        await factory.WithDbAsync(async db =>
        {
            var a = await db.Activities.SingleAsync(x => x.Id == activity);
            foreach (var (v, minutes) in volunteers.Zip([120, 168]))
            {
                var member = await db.PartyMembers.SingleAsync(m => m.Id == v.MemberId);
                var checkIn = CheckIn.Start(a, member, CheckInSource.Desk, a.StartUtc);
                checkIn.Finish(a, CheckInSource.Desk, a.StartUtc.AddMinutes(minutes));
                db.CheckIns.Add(checkIn);
            }
            await db.SaveChangesAsync();
        });
        using var staff = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var page = await staff.GetDocumentAsync($"/Volunteers/Activity/{activity}");
        var hours = page.QuerySelectorAll("td[data-label='服务时长（小时）']")
            .Select(td => td.TextContent.Trim().Split(' ', '\n')[0]).ToList();
        Assert.Contains("2.0", hours);
        Assert.Contains("2.8", hours);
        using var volunteer = await factory.CreatePortalClient().SignedInAsAsync(volunteers[0].UserName);
        var mine = await volunteer.GetDocumentAsync("/MyVolunteering");
        Assert.Contains(mine.QuerySelectorAll("td"), td => td.TextContent.Trim() == "2.0");
    }

    [Fact]
    public async Task A_volunteer_sees_only_themself_and_a_unit_only_its_members()
    {
        using var volunteer = await factory.CreatePortalClient().SignedInAsAsync(DemoVolunteers.VolunteerIn);
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoVolunteers.VolunteerIn).Select(u => u.PartyMemberId).SingleAsync());
        var other = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.Id != me).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var refused = await volunteer.GetAsync($"/Volunteers/Certificate/{other}");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        var mine = await volunteer.GetDocumentAsync("/MyVolunteering/Certificate");
        var myName = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.Id == me).Select(m => m.Name).SingleAsync());
        Assert.Equal(myName, mine.QuerySelector(".cert-name")!.TextContent.Trim());

        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        var list = await unit.GetDocumentAsync("/Volunteers");
        var schoolMembers = await factory.WithDbAsync(db => db.PartyMembers.CountAsync(m => m.MemberUnit!.Name == "铜矿中学"));
        Assert.Contains($"{schoolMembers}", list.QuerySelector(".pagination, .pager, main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync($"/Volunteers/Certificate/{me}")).StatusCode);
        // Phones are masked in the list.
        using var engineering = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var html = await (await engineering.GetAsync("/Volunteers?q=0000")).Content.ReadAsStringAsync();
        Assert.Contains(ChinesePhone.Mask(DemoVolunteers.MemberPhone(0)), html, StringComparison.Ordinal);
        Assert.DoesNotContain(DemoVolunteers.MemberPhone(0), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ledgers_show_the_demo_hours_per_volunteer_unit_and_community()
    {
        using var staff = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        foreach (var by in new[] { "volunteer", "unit", "community" })
        {
            var page = await staff.GetDocumentAsync($"/Volunteers/Ledger?by={by}&from=2019-01-01&to=2030-12-31");
            Assert.NotEmpty(page.QuerySelectorAll(".ledger tbody tr"));
        }
        var expected = await factory.WithDbAsync(db => db.CheckIns.Where(c => c.Minutes != null && c.Activity!.Community!.Name == DemoCatalog.SouthCommunity).SumAsync(c => c.Minutes!.Value));
        var community = await staff.GetDocumentAsync("/Volunteers/Ledger?by=community&from=2000-01-01&to=2099-12-31");
        var row = community.QuerySelectorAll(".ledger tbody tr").Single(r => r.TextContent.Contains(DemoCatalog.SouthCommunity, StringComparison.Ordinal));
        Assert.Contains(Math.Round(expected / 60m, 1).ToString(CultureInfo.InvariantCulture), row.TextContent, StringComparison.Ordinal);
        var idle = await staff.GetDocumentAsync("/Volunteers/Idle");
        Assert.NotEmpty(idle.QuerySelectorAll(".idle-list tbody tr"));
    }
}
