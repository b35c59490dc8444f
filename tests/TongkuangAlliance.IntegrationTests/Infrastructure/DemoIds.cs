using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// Ids of demo records the tests use, looked up by name. "In scope" means inside the scope of the personas
/// nanqu (南区社区) and unit02 (铜矿工程部, paired with 南区); "out" means outside it.
/// </summary>
public sealed record DemoIds(
    int SubDistrict,
    int SouthCommunity,
    int NorthCommunity,
    int SouthGrid,
    int NorthGrid,
    int SouthCompound,
    int NorthCompound,
    int SouthBuilding,
    int NorthBuilding,
    int EngineeringUnit,
    int MiddleSchoolUnit,
    int SouthEngineeringPairing,
    int NorthSchoolPairing,
    string XincunAccount,
    int StoryCase,
    int StoryTerm,
    int SouthCase,
    long EngineeringNotification,
    int WeeklyDigest)
{
    public static async Task<DemoIds> LoadAsync(AppDbContext db)
    {
        var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
        var north = await db.Communities.SingleAsync(c => c.Name == "北区社区");
        var engineering = await db.MemberUnits.SingleAsync(u => u.Name == DemoCatalog.MineEngineering);
        var school = await db.MemberUnits.SingleAsync(u => u.Name == "铜矿中学");
        return new DemoIds(
            south.SubDistrictId,
            south.Id,
            north.Id,
            await db.Grids.Where(g => g.CommunityId == south.Id).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            await db.Grids.Where(g => g.CommunityId == north.Id).OrderBy(g => g.Id).Select(g => g.Id).FirstAsync(),
            await db.Compounds.Where(c => c.CommunityId == south.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Compounds.Where(c => c.CommunityId == north.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Buildings.Where(b => b.Grid!.CommunityId == south.Id).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Buildings.Where(b => b.Grid!.CommunityId == north.Id).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            engineering.Id,
            school.Id,
            await db.Pairings.Where(p => p.CommunityId == south.Id && p.MemberUnitId == engineering.Id).Select(p => p.Id).SingleAsync(),
            await db.Pairings.Where(p => p.CommunityId == north.Id && p.MemberUnitId == school.Id).Select(p => p.Id).SingleAsync(),
            await db.Users.Where(u => u.UserName == "xincun").Select(u => u.Id).SingleAsync(),
            await db.Cases.Where(c => c.Title == DemoCases.StoryCaseTitle).Select(c => c.Id).SingleAsync(),
            await db.AgreementTerms.Where(t => t.Case!.Title == DemoCases.StoryCaseTitle && t.ObligatedParty!.MemberUnitId == engineering.Id).Select(t => t.Id).SingleAsync(),
            // The demo seeds cases: the first case of 南区社区.
            await db.Cases.Where(c => c.CommunityId == south.Id).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            // The demo leaves unit02 (铜矿工程部) with notifications: its first one.
            await db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.UserName == "unit02")).OrderBy(n => n.Id).Select(n => n.Id).FirstAsync(),
            // The demo writes the sub-district's digest of last week (issue 17).
            await db.NotificationDigests.Where(d => d.SubDistrictId == south.SubDistrictId).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync());
    }
}
