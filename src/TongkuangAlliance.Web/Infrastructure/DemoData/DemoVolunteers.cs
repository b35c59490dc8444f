using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Structure;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// In-service party members (issue 5): <see cref="MemberCount"/> members over the six communities, employed by the
/// 14 units, reported on fixed dates; all but two per community confirmed. Every held activity has desk check-ins of
/// members of its community (so the ledgers show real hours), about a fifth of the members never volunteered (the
/// "reported but idle" list), and the coming service days have a few sign-ups. Two volunteer accounts:
/// <c>zhiyuan01</c> (南区社区, employed by 铜矿工程部) and <c>zhiyuan02</c> (北区社区). Seeded only into an empty registry.
/// </summary>
public sealed class DemoVolunteers(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public const int MemberCount = 120;
    public const string VolunteerIn = "zhiyuan01";
    public const string VolunteerOut = "zhiyuan02";

    /// <summary>Members are numbered 0..119; member i lives in community i % 6 and works at unit i % 14, phone 1380793xxxx.</summary>
    public static string MemberPhone(int index) => $"1380793{index:0000}";

    public async Task SeedAsync(int subDistrictId, IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, MemberUnit> units,
        string password, CancellationToken cancellationToken)
    {
        if (!await db.PartyMembers.AnyAsync(cancellationToken))
            await SeedMembersAsync(communities, units, cancellationToken);
        await SeedAccountAsync(VolunteerIn, DemoCatalog.SouthCommunity, subDistrictId, password, cancellationToken);
        await SeedAccountAsync(VolunteerOut, "北区社区", subDistrictId, password, cancellationToken);
    }

    private async Task SeedMembersAsync(IReadOnlyDictionary<string, Community> communities, IReadOnlyDictionary<string, MemberUnit> units, CancellationToken cancellationToken)
    {
        var ordered = DemoCatalog.Communities.Select(c => communities[c.Name]).ToList();
        // 铜矿工程部 first, so member 0 (南区社区) works there: that is zhiyuan01.
        var unitList = DemoCatalog.Units.Select(u => units[u.Name]).OrderBy(u => u.Name == DemoCatalog.MineEngineering ? 0 : 1).ToList();
        string[] skills = ["理发", "家电维修", "缝补", "义诊", "法律咨询", "纠纷调解", "政策宣讲", "辅导作业"];
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var members = new List<PartyMember>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        // A surname and a given name, each person's different: when the sample name is taken, the next free pair.
        string NameOf(int i)
        {
            var name = DemoCatalog.PersonName("在职党员", i * 3 + 1);
            var surnames = DemoCatalog.Surnames.Count;
            for (var k = 0; !names.Add(name); k++)
                name = DemoCatalog.Surnames[(i + k) % surnames] + DemoCatalog.GivenNames[(i * 7 + k / surnames) % DemoCatalog.GivenNames.Count];
            return name;
        }
        for (var i = 0; i < MemberCount; i++)
        {
            var community = ordered[i % ordered.Count];
            var compounds = community.Compounds.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
            var member = PartyMember.Register(new PartyMemberDetails(
                NameOf(i),
                MemberPhone(i), unitList[i % unitList.Count].Id, null, $"{unitList[i % unitList.Count].Name}党支部",
                community.Id, compounds[i / ordered.Count % compounds.Count].Id,
                $"{skills[i % skills.Length]}、{skills[(i + 3) % skills.Length]}", new DateOnly(2019, 10, 1).AddDays(i * 3)));
            // The last two of each community are waiting for the community to confirm.
            if (i < MemberCount - 2 * ordered.Count) member.Confirm(now.AddDays(-300 + i));
            members.Add(member);
        }
        db.PartyMembers.AddRange(members);
        await db.SaveChangesAsync(cancellationToken);

        var held = await db.Activities.Where(a => a.Status == ActivityStatus.Held).OrderBy(a => a.StartUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var byCommunity = members.Where(m => m.CanVolunteer).GroupBy(m => m.HomeCommunityId).ToDictionary(g => g.Key, g => g.ToList());
        var random = new Random(5);
        var checkIns = new List<CheckIn>();
        foreach (var activity in held)
        {
            if (!byCommunity.TryGetValue(activity.CommunityId, out var pool)) continue;
            // About four fifths of the members take part now and then; the rest (the pool's tail) never do.
            var active = pool.Take(pool.Count * 4 / 5).ToList();
            var count = Math.Min(active.Count, 4 + random.Next(4));
            foreach (var member in active.OrderBy(_ => random.Next()).Take(count).OrderBy(m => m.Id))
            {
                var inAt = activity.StartUtc.AddMinutes(-15 + random.Next(30));
                var checkIn = CheckIn.Start(activity, member, CheckInSource.Desk, inAt);
                checkIn.Finish(activity, CheckInSource.Desk, activity.EndUtc.AddMinutes(-30 + random.Next(45)));
                checkIns.Add(checkIn);
            }
        }
        // zhiyuan01 took part in 南区社区's recent service day.
        var zhiyuan = members[0];
        var southRecent = held.Where(a => a.CommunityId == zhiyuan.HomeCommunityId).OrderByDescending(a => a.StartUtc).FirstOrDefault(a => a.Kind == ActivityKind.ServiceDay);
        if (southRecent is not null && checkIns.All(c => !(c.ActivityId == southRecent.Id && c.PartyMemberId == zhiyuan.Id)))
        {
            var checkIn = CheckIn.Start(southRecent, zhiyuan, CheckInSource.QrCode, southRecent.StartUtc.AddMinutes(-5));
            checkIn.Finish(southRecent, CheckInSource.QrCode, southRecent.EndUtc.AddMinutes(-10));
            checkIns.Add(checkIn);
        }
        db.CheckIns.AddRange(checkIns);

        // A few sign-ups for the coming service days (never filling them, so volunteers can still sign up).
        var planned = await db.Activities.Include(a => a.Services)
            .Where(a => a.Status == ActivityStatus.Planned && a.Kind == ActivityKind.ServiceDay && a.StartUtc > now)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        foreach (var activity in planned)
        {
            if (!byCommunity.TryGetValue(activity.CommunityId, out var pool)) continue;
            var service = activity.Services.Where(s => s.IsOffered && s.VolunteersNeeded > 1).OrderBy(s => s.Id).FirstOrDefault();
            if (service is null) continue;
            // Members 1.. of the community (not zhiyuan01 / zhiyuan02, who sign up themselves).
            foreach (var member in pool.Skip(1).Take(service.VolunteersNeeded - 1))
                db.ActivitySignUps.Add(ActivitySignUp.SignUp(activity, service, member, 0, null, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        _ = today;
    }

    private async Task SeedAccountAsync(string userName, string communityName, int subDistrictId, string password, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(userName) is not null) return;
        var member = await db.PartyMembers.Where(m => m.HomeCommunity!.Name == communityName && m.Registration == RegistrationStatus.Confirmed)
            .OrderBy(m => m.Id).FirstAsync(cancellationToken);
        var user = new AppUser { UserName = userName, DisplayName = member.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        user.AssignScope(PortalRole.Volunteer, subDistrictId, member.HomeCommunityId, null, null, member.Id);
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Demo account {userName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Code))}");
    }
}
