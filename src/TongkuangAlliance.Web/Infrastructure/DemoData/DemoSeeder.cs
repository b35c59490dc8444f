using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Structure;
using TongkuangAlliance.Web.Infrastructure.Database;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// Seeds the Tongkuang demo (DESIGN.md §5). Every record is looked up by its natural name first, so a
/// second run adds nothing and changes nothing. 南区社区, 建安小区, the copper mine's party committee and its
/// engineering department come from the source report; the other names are sample data.
/// </summary>
public sealed class DemoSeeder(AppDbContext db, UserManager<AppUser> users, IOptions<DemoDataOptions> options, TimeProvider clock, ILogger<DemoSeeder> logger,
    Scheduling.ScheduledRules rules)
{
    public const string SubDistrictName = "铜矿街道";

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        var seeding = System.Diagnostics.Stopwatch.GetTimestamp();
        var subDistrict = await db.SubDistricts.SingleOrDefaultAsync(s => s.Name == SubDistrictName, cancellationToken);
        if (subDistrict is null)
        {
            subDistrict = new SubDistrict { Name = SubDistrictName, City = "德兴市", WorkingCommitteeName = "中共德兴市铜矿街道工作委员会" };
            db.SubDistricts.Add(subDistrict);
            await db.SaveChangesAsync(cancellationToken);
        }

        var communities = await SeedCommunitiesAsync(subDistrict, cancellationToken);
        var units = await SeedUnitsAsync(subDistrict, cancellationToken);
        await SeedPairingsAsync(communities, units, cancellationToken);
        await SeedAccountsAsync(subDistrict, communities, units);
        var handlers = await db.Users.Where(u => u.CommunityId != null && u.UserName != null)
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        var firstCases = !await db.Cases.AnyAsync(cancellationToken);
        await new DemoCases(db, clock).SeedAsync(communities, units, handlers, cancellationToken);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await new DemoCaseHistory(db, clock).SeedAsync(communities, handlers, cancellationToken);
        logger.LogInformation("Demo case history seeded in {Milliseconds} ms", (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        await new DemoJoint(db, clock).SeedAsync(communities, units, cancellationToken);
        var activitiesStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        await new DemoActivities(db, clock).SeedAsync(communities, units, options.Value.Password!, cancellationToken);
        logger.LogInformation("Demo activities seeded in {Milliseconds} ms", (int)System.Diagnostics.Stopwatch.GetElapsedTime(activitiesStarted).TotalMilliseconds);
        await new DemoGridWork(db, users, clock).SeedAsync(subDistrict.Id, options.Value.Password!, cancellationToken);
        await new DemoVolunteers(db, users, clock).SeedAsync(subDistrict.Id, communities, units, options.Value.Password!, cancellationToken);
        if (firstCases) await DemoCaseNumbering.RenumberAsync(db, cancellationToken);
        // The outbox as the scheduler leaves it (issue 17): the day-before reminders of tomorrow's service day, and the
        // sub-district's digest of last week. Both idempotent: seeding again writes nothing twice.
        await rules.DayBeforeAsync(cancellationToken);
        await rules.WeeklyDigestAsync(cancellationToken);
        logger.LogInformation("Demo data seeded in {Milliseconds} ms", (int)System.Diagnostics.Stopwatch.GetElapsedTime(seeding).TotalMilliseconds);
    }

    private async Task<Dictionary<string, Community>> SeedCommunitiesAsync(SubDistrict subDistrict, CancellationToken cancellationToken)
    {
        var existing = await db.Communities.Where(c => c.SubDistrictId == subDistrict.Id)
            .Include(c => c.Compounds).ThenInclude(c => c.Buildings)
            .Include(c => c.Grids)
            .AsSplitQuery()
            .ToDictionaryAsync(c => c.Name, cancellationToken);

        foreach (var seed in DemoCatalog.Communities)
        {
            if (!existing.TryGetValue(seed.Name, out var community))
            {
                community = new Community
                {
                    SubDistrictId = subDistrict.Id,
                    Name = seed.Name,
                    PartyCommitteeName = $"中共{seed.Name}委员会",
                    SecretaryName = seed.Secretary,
                    OfficePhone = seed.OfficePhone,
                    Address = seed.Address,
                    Households = seed.Households,
                };
                db.Communities.Add(community);
                existing[seed.Name] = community;
            }

            for (var g = 1; g <= seed.GridCount; g++)
            {
                var gridName = $"第{g}网格";
                if (community.Grids.Any(x => x.Name == gridName)) continue;
                var grid = new Grid { Name = gridName, Community = community };
                grid.AssignChief(new Contact(DemoCatalog.PersonName(seed.Name, g), DemoCatalog.Phone(seed.Name, g)));
                community.Grids.Add(grid);
            }

            foreach (var compoundSeed in seed.Compounds)
            {
                var compound = community.Compounds.FirstOrDefault(c => c.Name == compoundSeed.Name);
                if (compound is null)
                {
                    compound = new Compound { Name = compoundSeed.Name, Community = community, PartyBranchName = compoundSeed.HasBranch ? $"{compoundSeed.Name}党支部" : null, Address = compoundSeed.Address };
                    community.Compounds.Add(compound);
                }

                for (var b = 1; b <= compoundSeed.Buildings; b++)
                {
                    var buildingName = $"{b}栋";
                    if (compound.Buildings.Any(x => x.Name == buildingName)) continue;
                    var grid = community.Grids.OrderBy(x => x.Name, StringComparer.Ordinal).ElementAt((b - 1) * seed.GridCount / compoundSeed.Buildings);
                    var building = new Building { Name = buildingName, Compound = compound, Grid = grid };
                    var chiefIndex = 10 + (b * 7) + compoundSeed.Name.Length;
                    building.AssignChief(b % 5 == 0 ? null : new Contact(DemoCatalog.PersonName(compoundSeed.Name, chiefIndex), DemoCatalog.Phone(compoundSeed.Name, chiefIndex)));
                    compound.Buildings.Add(building);
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task<Dictionary<string, MemberUnit>> SeedUnitsAsync(SubDistrict subDistrict, CancellationToken cancellationToken)
    {
        var existing = await db.MemberUnits.Where(u => u.SubDistrictId == subDistrict.Id).ToDictionaryAsync(u => u.Name, cancellationToken);
        foreach (var seed in DemoCatalog.Units)
        {
            if (existing.ContainsKey(seed.Name)) continue;
            var unit = new MemberUnit
            {
                SubDistrictId = subDistrict.Id,
                Name = seed.Name,
                Kind = seed.Kind,
                PartyOrganisationName = seed.PartyOrganisation,
                Contact = new Contact(DemoCatalog.PersonName(seed.Name, 3), DemoCatalog.Phone(seed.Name, 3)),
            };
            db.MemberUnits.Add(unit);
            existing[seed.Name] = unit;
        }
        await db.SaveChangesAsync(cancellationToken);
        return existing;
    }

    private async Task SeedPairingsAsync(Dictionary<string, Community> communities, Dictionary<string, MemberUnit> units, CancellationToken cancellationToken)
    {
        var today = Core.Common.ChinaTime.Today(clock);
        var existing = await db.Pairings.Select(p => new { p.MemberUnitId, p.CommunityId, p.StartDate }).ToListAsync(cancellationToken);
        foreach (var seed in DemoCatalog.Pairings)
        {
            var unit = units[seed.Unit];
            var community = communities[seed.Community];
            if (existing.Any(p => p.MemberUnitId == unit.Id && p.CommunityId == community.Id && p.StartDate == seed.Start)) continue;
            var pairing = Pairing.Start(unit, community, seed.Start, alreadyActivelyPaired: false, seed.Note);
            if (seed.End is { } end) pairing.End(end, seed.EndReason!, today);
            db.Pairings.Add(pairing);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedAccountsAsync(SubDistrict subDistrict, Dictionary<string, Community> communities, Dictionary<string, MemberUnit> units)
    {
        var password = options.Value.Password;
        if (string.IsNullOrEmpty(password))
            throw new InvalidOperationException("DemoData:Password must be set when demo data is enabled.");

        foreach (var seed in DemoCatalog.Accounts)
        {
            if (await users.FindByNameAsync(seed.UserName) is not null) continue;
            // A confirmed address at the reserved .example domain, so the demo's reminders are also emailed: in
            // Development they land as .eml files in App_Data/mail and in the delivery log (issue 17).
            var user = new AppUser
            {
                UserName = seed.UserName, DisplayName = seed.DisplayName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                Email = $"{seed.UserName}@tongkuang.example", EmailConfirmed = true,
            };
            user.AssignScope(seed.Role, subDistrict.Id,
                seed.Community is null ? null : communities[seed.Community].Id,
                seed.Unit is null ? null : units[seed.Unit].Id);
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
                throw new InvalidOperationException($"Demo account {seed.UserName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
        logger.LogInformation("Demo data ready: {Communities} communities, {Units} member units, {Accounts} demo accounts", communities.Count, units.Count, DemoCatalog.Accounts.Count);
    }
}
