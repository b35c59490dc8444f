using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Web.Infrastructure.DemoData;

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
    int SouthCase)
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
            await SouthCaseAsync(db, south.Id));
    }

    /// <summary>
    /// The first case of 南区社区. Until the demo seeds cases, one is registered here when there is none
    /// (through the domain, as the intake page does), so the matrix has a case to ask for.
    /// </summary>
    private static async Task<int> SouthCaseAsync(AppDbContext db, int southId)
    {
        var id = await db.Cases.Where(c => c.CommunityId == southId).OrderBy(c => c.Id).Select(c => c.Id).FirstOrDefaultAsync();
        if (id != 0) return id;
        var category = await db.CaseCategories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).FirstAsync();
        var now = DateTime.UtcNow;
        var kase = Case.Register(
            new CaseDetails(CaseKind.Request, CaseSource.WalkIn, "测试居民", "13800000001", southId, null, null, null,
                "矩阵测试案件", "授权矩阵使用的案件（演示数据尚无案件）。", now.AddHours(-1), CaseUrgency.Normal),
            category, now, null);
        db.Cases.Add(kase);
        await CaseNumbers.SaveNewCaseAsync(db, kase);
        return kase.Id;
    }
}
