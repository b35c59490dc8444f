using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.IntegrationTests.Features.Cases;

namespace TongkuangAlliance.IntegrationTests.Features.Volunteers;

/// <summary>The volunteer pages run the same number of queries with ten times as many members, sign-ups and check-ins.</summary>
public sealed class VolunteerQueryCountTests(CountingPortalFactory factory) : IClassFixture<CountingPortalFactory>
{
    /// <summary>Adds confirmed 南区社区 members, each checked in (and out) at a held 南区 activity and signed up for a planned one.</summary>
    private Task GrowAsync(int members, int heldId, int plannedId) => factory.WithDbAsync(async db =>
    {
        var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
        var unit = await db.MemberUnits.SingleAsync(u => u.Name == DemoCatalog.MineEngineering);
        var activity = await db.Activities.SingleAsync(a => a.Id == heldId);
        var planned = await db.Activities.Include(a => a.Services).SingleAsync(a => a.Id == plannedId);
        var service = planned.Services.First(s => s.IsOffered);
        var added = Enumerable.Range(0, members).Select(i => PartyMember.Register(new PartyMemberDetails($"计数党员{i}",
            $"1360793{i:0000}", unit.Id, null, null, south.Id, null, "理发", new DateOnly(2026, 1, 1)))).ToList();
        foreach (var m in added) m.Confirm(DateTime.UtcNow);
        db.PartyMembers.AddRange(added);
        await db.SaveChangesAsync();
        var confirmed = await db.ActivitySignUps.CountAsync(s => s.ActivityServiceId == service.Id && s.Status == SignUpStatus.Confirmed);
        foreach (var m in added)
        {
            db.ActivitySignUps.Add(ActivitySignUp.SignUp(planned, service, m, confirmed++, null, DateTime.UtcNow));
            var checkIn = CheckIn.Start(activity, m, CheckInSource.Desk, activity.StartUtc);
            checkIn.Finish(activity, CheckInSource.Desk, activity.EndUtc);
            db.CheckIns.Add(checkIn);
        }
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Registry_ledgers_desk_and_the_volunteer_s_own_pages_run_a_fixed_number_of_queries()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        using var volunteer = await factory.CreatePortalClient().SignedInAsAsync(DemoVolunteers.VolunteerIn);
        var held = await factory.WithDbAsync(db => db.Activities
            .Where(a => a.Community!.Name == DemoCatalog.SouthCommunity && a.Status == ActivityStatus.Held)
            .OrderByDescending(a => a.StartUtc).Select(a => a.Id).FirstAsync());
        var planned = await factory.WithDbAsync(db => db.Activities
            .Where(a => a.Community!.Name == DemoCatalog.SouthCommunity && a.Status == ActivityStatus.Planned && a.EndUtc > DateTime.UtcNow && a.Services.Any(s => s.IsOffered))
            .OrderBy(a => a.StartUtc).Select(a => a.Id).FirstAsync());
        var pages = new (PortalClient Client, string Url)[]
        {
            (nanqu, "/Volunteers"), (nanqu, "/Volunteers?q=计数"), (nanqu, "/Volunteers/Ledger"), (nanqu, "/Volunteers/Ledger?by=unit"),
            (nanqu, "/Volunteers/Ledger?by=community"), (nanqu, "/Volunteers/Idle"), (nanqu, $"/Volunteers/Activity/{held}?q=计数"),
            (nanqu, $"/Volunteers/Activity/{planned}"),
            (nanqu, "/Volunteers/Certificate/1"), (nanqu, "/PartyMembers/Edit/1"), (nanqu, "/PartyMembers/Create"),
            (unit, "/Volunteers"), (unit, "/Volunteers/Ledger"),
            (volunteer, "/MyVolunteering"), (volunteer, "/MyVolunteering/Certificate"),
        };
        var before = new List<int>();
        foreach (var (client, url) in pages) before.Add(await factory.CommandsForAsync(client, url));

        var members = await factory.WithDbAsync(db => db.PartyMembers.CountAsync());
        await GrowAsync(9 * members, held, planned);
        Assert.Equal(10 * members, await factory.WithDbAsync(db => db.PartyMembers.CountAsync()));

        var after = new List<int>();
        foreach (var (client, url) in pages) after.Add(await factory.CommandsForAsync(client, url));
        Assert.Equal(
            pages.Select((p, i) => $"{p.Url}: {before[i]}"),
            pages.Select((p, i) => $"{p.Url}: {after[i]}"));
        Assert.All(before, n => Assert.InRange(n, 1, 25));
    }
}
