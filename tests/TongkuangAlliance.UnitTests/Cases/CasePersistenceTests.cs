using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>The case as an aggregate in the database: one version for all its parts, scope, and its strings.</summary>
public sealed partial class CasePersistenceTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    [Fact]
    public async Task Two_people_changing_different_parts_of_one_case_cannot_both_save()
    {
        var id = await data.ArrangeAsync(Stage.InMediation);
        using var first = data.CreateContext();
        using var second = data.CreateContext();
        var mine = Load(first, id);
        var theirs = Load(second, id);

        mine.MarkTermFulfilled(mine.Terms.Single(), new DateOnly(2026, 11, 12), "路灯已更换", FulfilledAt, data.HandlerId);
        first.SaveChanges();

        theirs.AddParty(CasePartyKind.OutsideOrganisation, "大茅山建设公司", null, null, CasePartyRole.ResponsibleUnit, FulfilledAt, data.OtherHandlerId);
        Assert.Throws<DbUpdateConcurrencyException>(() => second.SaveChanges());

        using var check = data.CreateContext();
        var stored = Load(check, id);
        Assert.Equal(2, stored.Parties.Count);
        Assert.Equal(AgreementTermStatus.Fulfilled, stored.Terms.Single().Status);
    }

    [Fact]
    public async Task A_timeline_entry_can_be_neither_rewritten_nor_deleted()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        int before;
        using (var db = data.CreateContext()) before = db.CaseEvents.Count(e => e.CaseId == id);
        using (var db = data.CreateContext())
        {
            var entry = db.CaseEvents.First(e => e.CaseId == id);
            db.Entry(entry).Property(e => e.Summary).CurrentValue = "改写历史";
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        using (var db = data.CreateContext())
        {
            db.CaseEvents.Remove(db.CaseEvents.First(e => e.CaseId == id));
            Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
        }
        using var check = data.CreateContext();
        Assert.DoesNotContain(check.CaseEvents.Where(e => e.CaseId == id).Select(e => e.Summary).ToList(), s => s == "改写历史");
        Assert.Equal(before, check.CaseEvents.Count(e => e.CaseId == id));
    }

    [Fact]
    public async Task A_stale_version_from_a_form_is_refused()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        Guid formVersion;
        using (var db = data.CreateContext()) formVersion = db.Cases.Single(c => c.Id == id).Version;
        data.Step(id, Later, c => c.AddProgressNote("第一位", Later, data.HandlerId));

        using var late = data.CreateContext();
        var kase = Load(late, id);
        late.Entry(kase).Property(c => c.Version).OriginalValue = formVersion; // what the web layer does with the posted token
        kase.AddProgressNote("第二位", Later, data.OtherHandlerId);
        Assert.Throws<DbUpdateConcurrencyException>(() => late.SaveChanges());
    }

    [Fact]
    public async Task Communities_see_their_cases_the_sub_district_all_and_units_only_the_terms_they_owe()
    {
        var south = await data.ArrangeAsync(Stage.InMediation); // term owed by 铜矿工程部
        var north = await data.RegisterAsync(communityId: data.NorthId);

        var subDistrict = new UserScope(PortalRole.SubDistrictCommittee, data.SubDistrictId, null, null);
        var otherSubDistrict = new UserScope(PortalRole.SubDistrictCommittee, data.SubDistrictId + 100, null, null);
        var southCommittee = new UserScope(PortalRole.CommunityCommittee, data.SubDistrictId, data.SouthId, null);
        var northCommittee = new UserScope(PortalRole.CommunityCommittee, data.SubDistrictId, data.NorthId, null);
        var mineUnit = new UserScope(PortalRole.PairedUnit, data.SubDistrictId, null, data.MineEngineeringId);
        var school = new UserScope(PortalRole.PairedUnit, data.SubDistrictId, null, data.SchoolId);

        using var db = data.CreateContext();
        List<int> Cases(UserScope s) => db.Cases.VisibleTo(s).Where(c => c.Id == south || c.Id == north).Select(c => c.Id).OrderBy(i => i).ToList();
        List<int> Terms(UserScope s) => db.AgreementTerms.VisibleTo(s).Where(t => t.CaseId == south || t.CaseId == north).Select(t => t.CaseId).ToList();

        Assert.Equal([south, north], Cases(subDistrict));
        Assert.Empty(Cases(otherSubDistrict));
        Assert.Equal([south], Cases(southCommittee));
        Assert.Equal([north], Cases(northCommittee));
        Assert.Empty(Cases(mineUnit));

        Assert.Equal([south], Terms(mineUnit));
        Assert.Empty(Terms(school));
        Assert.Equal([south], Terms(southCommittee));
        Assert.Empty(Terms(northCommittee));
        Assert.Equal([south], Terms(subDistrict));
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; set; }

        public override InterceptionResult<System.Data.Common.DbDataReader> ReaderExecuting(System.Data.Common.DbCommand command, CommandEventData eventData, InterceptionResult<System.Data.Common.DbDataReader> result)
        {
            Count++;
            return result;
        }
    }

    [Fact]
    public async Task A_case_is_loaded_for_its_rules_in_the_same_number_of_queries_whatever_it_holds()
    {
        var small = await data.ArrangeAsync(Stage.Registered);
        var big = await data.ArrangeAsync(Stage.Closed);
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<Core.Data.AppDbContext>(data.Database.Options).AddInterceptors(counter).Options;

        int Queries(int id)
        {
            using var db = new Core.Data.AppDbContext(options);
            counter.Count = 0;
            Load(db, id);
            return counter.Count;
        }

        Assert.Equal(Queries(small), Queries(big));
        using var check = data.CreateContext();
        var kase = Load(check, big);
        Assert.Equal(("市政设施", 2, 1, 1, 1), (kase.Category!.Name, kase.Parties.Count, kase.Sessions.Count, kase.Terms.Count, kase.FollowUps.Count));
    }

    // ---- strings ---------------------------------------------------------------------------------------

    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "TongkuangAlliance.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }

    private static HashSet<string> Keys(string culture) =>
        XDocument.Load(Path.Combine(Root, "src", "TongkuangAlliance.Web", "Resources", $"SharedResource.{culture}.resx")).Root!
            .Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [GeneratedRegex(@"(?<!cref=)""((?:Case|CaseCategory|Validation)\.[A-Z][A-Za-z]*(?:\.[A-Z][A-Za-z]*)*)""")]
    private static partial Regex KeyLiteral();

    [Fact]
    public void Every_message_key_of_the_case_domain_exists_in_both_languages()
    {
        var used = Directory.EnumerateFiles(Path.Combine(Root, "src", "TongkuangAlliance.Core", "Cases"), "*.cs")
            .SelectMany(f => KeyLiteral().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(used.Count > 50, $"only {used.Count} keys found: the pattern is broken");
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var keys = Keys(culture);
            var missing = used.Where(k => !keys.Contains(k)).ToList();
            Assert.True(missing.Count == 0, $"missing in {culture}: {string.Join(", ", missing)}");
        }
    }

    [Fact]
    public void Every_value_of_every_case_enum_has_a_display_name()
    {
        Type[] enums = [typeof(CaseKind), typeof(CaseSource), typeof(CaseUrgency), typeof(CaseStatus), typeof(CaseResolution), typeof(CaseCloseKind),
            typeof(CasePartyKind), typeof(CasePartyRole), typeof(AgreementTermKind), typeof(AgreementTermStatus), typeof(FollowUpMethod),
            typeof(Satisfaction), typeof(CaseEventKind)];
        var keys = Keys("zh-CN");
        var missing = enums.SelectMany(e => Enum.GetNames(e).Select(n => $"{e.Name}.{n}")).Where(k => !keys.Contains(k)).ToList();
        Assert.Empty(missing);
    }
}
