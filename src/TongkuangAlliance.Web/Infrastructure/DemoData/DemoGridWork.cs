using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Core.GridWork;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// Grid work in the demo (issue 9): three grid workers (南区 第1网格 — the grid of the story case —, 南区 第2网格
/// and 北区 第1网格), a few months of visits in every grid, one visit that became a case, and a resident's online
/// request waiting in 南区 第1网格. Looked up by natural keys first: a second run adds nothing.
/// </summary>
public sealed class DemoGridWork(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public sealed record GridWorkerSeed(string UserName, string DisplayName, string Community, string Grid);

    public static readonly IReadOnlyList<GridWorkerSeed> GridWorkers =
    [
        new("wangge-nanqu1", "南区第1网格 网格员", DemoCatalog.SouthCommunity, "第1网格"),
        new("wangge-nanqu2", "南区第2网格 网格员", DemoCatalog.SouthCommunity, "第2网格"),
        new("wangge-beiqu1", "北区第1网格 网格员", "北区社区", "第1网格"),
    ];

    public const string ResidentCaseTitle = "建安小区 2 栋楼道灯不亮，老人上下楼不便";
    public const string VisitCaseTitle = "建安小区 3 栋独居老人家中电线老化";

    public async Task SeedAsync(int subDistrictId, string password, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var grids = await db.Grids.Include(g => g.Community).Where(g => g.Community!.SubDistrictId == subDistrictId).ToListAsync(cancellationToken);
        Grid GridOf(string community, string name) => grids.Single(g => g.Community!.Name == community && g.Name == name);

        var workers = new Dictionary<string, string>();
        foreach (var seed in GridWorkers)
        {
            var user = await users.FindByNameAsync(seed.UserName);
            if (user is null)
            {
                var grid = GridOf(seed.Community, seed.Grid);
                user = new AppUser { UserName = seed.UserName, DisplayName = seed.DisplayName, CreatedAtUtc = now };
                user.AssignScope(PortalRole.GridWorker, subDistrictId, grid.CommunityId, null, [grid]);
                var result = await users.CreateAsync(user, password);
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Demo account {seed.UserName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            }
            workers[seed.UserName] = user.Id;
        }

        if (await db.Visits.AnyAsync(cancellationToken)) return;

        var today = ChinaTime.Today(clock);
        var buildings = await db.Buildings.Include(b => b.Compound).Where(b => grids.Select(g => g.Id).Contains(b.GridId)).ToListAsync(cancellationToken);
        string[] places = ["1 单元 101 室", "2 单元 302 室", "3 单元 502 室", "楼下车棚", "1 单元 201 室", "小区健身广场"];
        string[] findings =
        [
            "入户走访，了解老人身体和生活情况，无特殊困难。",
            "住户反映楼道堆放杂物，已当场劝导清理。",
            "宣传防诈骗知识，发放宣传资料。",
            "了解到住户家中有学龄儿童放学后无人照看，已告知成长乐园时间。",
            "住户反映雨天楼顶渗水，需社区联系物业查看。",
            "邻里关系和睦，无矛盾纠纷。",
        ];
        var i = 0;
        // 南区社区's grids first, so that the first visit lies in its first grid (the matrix's GridIn grid).
        foreach (var grid in grids.OrderBy(g => g.Community!.Name != DemoCatalog.SouthCommunity).ThenBy(g => g.Id))
        {
            var inGrid = buildings.Where(b => b.GridId == grid.Id).OrderBy(b => b.Id).ToList();
            var visits = grid.Community!.Name == DemoCatalog.SouthCommunity ? 7 : 3;
            for (var v = 0; v < visits; v++, i++)
            {
                var building = inGrid.Count == 0 ? null : inGrid[v % inGrid.Count];
                var followUp = i % 6 == 4;
                var visitor = grid.Community.Name == DemoCatalog.SouthCommunity && grid.Name == "第1网格" ? workers["wangge-nanqu1"]
                    : grid.Community.Name == DemoCatalog.SouthCommunity && grid.Name == "第2网格" ? workers["wangge-nanqu2"]
                    : grid.Community.Name == "北区社区" && grid.Name == "第1网格" ? workers["wangge-beiqu1"] : null;
                db.Visits.Add(Visit.Record(grid.Id, building?.Id, places[i % places.Length], today.AddDays(-(v * 17 + i % 5)), findings[i % findings.Length],
                    followUp, followUp ? "联系物业到楼顶查看渗水点" : null, today, visitor));
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var categories = await db.CaseCategories.ToDictionaryAsync(c => c.Name, cancellationToken);
        var titles = (await db.Cases.Select(c => c.Title).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var south1 = GridOf(DemoCatalog.SouthCommunity, "第1网格");
        var south2 = GridOf(DemoCatalog.SouthCommunity, "第2网格");

        // A visit in 南区 第2网格 that became a case (GridReport), linked both ways.
        var b3 = buildings.Where(b => b.GridId == south2.Id).OrderBy(b => b.Id).First();
        if (!titles.Contains(VisitCaseTitle))
        {
            var visit = Visit.Record(south2.Id, b3.Id, "2 单元 402 室", today.AddDays(-3), "独居老人家中电线老化、插座发烫，存在火灾隐患。", true, "联系供电所上门检查线路", today, workers["wangge-nanqu2"]);
            db.Visits.Add(visit);
            var occurred = now.AddDays(-3);
            var kase = Case.Register(new CaseDetails(CaseKind.Request, CaseSource.GridReport, "何秀英", DemoCatalog.Phone("何秀英", 41), south2.CommunityId,
                b3.CompoundId, b3.Id, south2.Id, VisitCaseTitle, "走访发现：独居老人家中电线老化、插座发烫，存在火灾隐患。", occurred, CaseUrgency.Urgent),
                categories["其他"], now.AddDays(-3).AddHours(1), workers["wangge-nanqu2"]);
            visit.LinkCase(kase);
            await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
        }

        // A resident's online request from the stairwell QR code of 建安小区 2 栋 (南区 第1网格), not yet picked up.
        var b2 = buildings.Where(b => b.GridId == south1.Id).OrderBy(b => b.Id).Skip(1).FirstOrDefault() ?? buildings.First(b => b.GridId == south1.Id);
        if (!titles.Contains(ResidentCaseTitle))
        {
            var kase = Case.Register(new CaseDetails(CaseKind.Request, CaseSource.ResidentOnline, "王女士", DemoCatalog.Phone("王女士", 41), south1.CommunityId,
                b2.CompoundId, b2.Id, south1.Id, ResidentCaseTitle, "2 栋 1 单元楼道灯坏了一个星期，晚上很黑，家里老人上下楼不方便。", now.AddHours(-5), CaseUrgency.Normal),
                categories["其他"], now.AddHours(-5), null);
            await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
        }
    }
}
