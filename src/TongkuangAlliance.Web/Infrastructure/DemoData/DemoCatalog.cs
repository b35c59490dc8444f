using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.Web.Infrastructure.DemoData;

/// <summary>
/// The demo's fixed content. From the source report: 铜矿街道, 南区社区 (secretary 吴金盛), 建安小区 and its party
/// branch, 德兴铜矿党委 and 铜矿工程部. Everything else — the other five communities, the other compounds and
/// units, every person's name and phone — is sample data (README says so).
/// </summary>
public static class DemoCatalog
{
    public sealed record CompoundSeed(string Name, int Buildings, bool HasBranch, string Address);
    public sealed record CommunitySeed(string Name, string Secretary, string OfficePhone, string Address, int Households, int GridCount, CompoundSeed[] Compounds);
    public sealed record UnitSeed(string Name, MemberUnitKind Kind, string PartyOrganisation);
    public sealed record PairingSeed(string Unit, string Community, DateOnly Start, string? Note, DateOnly? End = null, string? EndReason = null);
    public sealed record AccountSeed(string UserName, string DisplayName, PortalRole Role, string? Community = null, string? Unit = null);

    public const string SouthCommunity = "南区社区";
    public const string MinePartyCommittee = "德兴铜矿党委";
    public const string MineEngineering = "铜矿工程部";

    public static readonly IReadOnlyList<CommunitySeed> Communities =
    [
        new(SouthCommunity, "吴金盛", "0793-7512001", "铜矿街道南区路 1 号", 1980, 3,
            [new("建安小区", 6, true, "南区路 18 号"), new("南山小区", 4, false, "南山路 6 号")]),
        new("北区社区", "陈建华", "0793-7512002", "铜矿街道北区路 2 号", 1650, 2,
            [new("北苑小区", 5, true, "北苑路 3 号"), new("银山小区", 4, false, "银山路 9 号")]),
        new("东区社区", "王丽萍", "0793-7512003", "铜矿街道东风路 5 号", 1420, 2,
            [new("东风小区", 5, true, "东风路 12 号"), new("矿建小区", 3, false, "矿建路 2 号")]),
        new("西区社区", "李国强", "0793-7512004", "铜矿街道西华路 8 号", 1210, 2,
            [new("西华小区", 5, true, "西华路 20 号")]),
        new("新村社区", "张秀英", "0793-7512005", "铜矿街道新村路 1 号", 1330, 2,
            [new("新村小区", 4, true, "新村路 15 号"), new("和平小区", 3, false, "和平路 4 号")]),
        new("铜城社区", "刘志明", "0793-7512006", "铜矿街道铜城大道 30 号", 1560, 2,
            [new("铜城花园", 6, true, "铜城大道 66 号")]),
    ];

    public static readonly IReadOnlyList<UnitSeed> Units =
    [
        new(MinePartyCommittee, MemberUnitKind.Enterprise, "中共江西铜业股份有限公司德兴铜矿委员会"),
        new(MineEngineering, MemberUnitKind.Enterprise, "德兴铜矿工程部党支部"),
        new("德兴铜矿大山选矿厂", MemberUnitKind.Enterprise, "大山选矿厂党委"),
        new("德兴铜矿泗洲选矿厂", MemberUnitKind.Enterprise, "泗洲选矿厂党委"),
        new("德兴铜矿采矿场", MemberUnitKind.Enterprise, "采矿场党委"),
        new("德兴铜矿运输部", MemberUnitKind.Enterprise, "运输部党总支"),
        new("德兴铜矿动力部", MemberUnitKind.Enterprise, "动力部党总支"),
        new("德兴铜矿职工医院", MemberUnitKind.Hospital, "职工医院党总支"),
        new("铜矿中学", MemberUnitKind.School, "铜矿中学党支部"),
        new("铜矿小学", MemberUnitKind.School, "铜矿小学党支部"),
        new("铜矿派出所", MemberUnitKind.GovernmentBody, "铜矿派出所党支部"),
        new("铜矿街道社区卫生服务中心", MemberUnitKind.Institution, "社区卫生服务中心党支部"),
        new("德兴铜矿物业服务中心", MemberUnitKind.Enterprise, "物业服务中心党支部"),
        new("铜矿供电所", MemberUnitKind.Institution, "铜矿供电所党支部"),
    ];

    private static readonly DateOnly AllianceFounded = new(2019, 11, 15);

    /// <summary>南区社区 has three units (多对一); the transport department moved from 东区 to 西区 (an ended pairing).</summary>
    public static readonly IReadOnlyList<PairingSeed> Pairings =
    [
        new(MinePartyCommittee, SouthCommunity, AllianceFounded, "矿党委牵头联系南区社区"),
        new(MineEngineering, SouthCommunity, AllianceFounded, "“三供一业”改造设施维护"),
        new("德兴铜矿职工医院", SouthCommunity, new DateOnly(2020, 3, 1), "义诊进小区"),
        new("德兴铜矿大山选矿厂", "北区社区", AllianceFounded, null),
        new("铜矿中学", "北区社区", new DateOnly(2020, 9, 1), "居民夜校"),
        new("德兴铜矿泗洲选矿厂", "东区社区", AllianceFounded, null),
        new("德兴铜矿运输部", "东区社区", AllianceFounded, null, new DateOnly(2025, 6, 30), "按街道党工委调整，改为与西区社区结对"),
        new("铜矿派出所", "东区社区", AllianceFounded, "联防联控"),
        new("德兴铜矿运输部", "西区社区", new DateOnly(2025, 7, 1), null),
        new("德兴铜矿采矿场", "西区社区", AllianceFounded, null),
        new("德兴铜矿动力部", "新村社区", AllianceFounded, null),
        new("铜矿小学", "新村社区", new DateOnly(2020, 9, 1), "成长乐园"),
        new("铜矿街道社区卫生服务中心", "新村社区", new DateOnly(2021, 1, 1), "养老驿站健康服务"),
        new("德兴铜矿物业服务中心", "铜城社区", AllianceFounded, "物业管理"),
        new("铜矿供电所", "铜城社区", new DateOnly(2022, 4, 1), null),
    ];

    public static readonly IReadOnlyList<AccountSeed> Accounts = BuildAccounts();

    private static AccountSeed[] BuildAccounts()
    {
        var accounts = new List<AccountSeed> { new("jiedao", "街道党工委", PortalRole.SubDistrictCommittee) };
        string[] communityLogins = ["nanqu", "beiqu", "dongqu", "xiqu", "xincun", "tongcheng"];
        for (var i = 0; i < Communities.Count; i++)
            accounts.Add(new(communityLogins[i], $"{Communities[i].Name}党委", PortalRole.CommunityCommittee, Community: Communities[i].Name));
        for (var i = 0; i < Units.Count; i++)
            accounts.Add(new($"unit{i + 1:00}", Units[i].Name, PortalRole.PairedUnit, Unit: Units[i].Name));
        return [.. accounts];
    }

    public static readonly IReadOnlyList<string> Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗"];
    public static readonly IReadOnlyList<string> GivenNames = ["建国", "秀兰", "志强", "丽华", "海燕", "国平", "红梅", "伟", "敏", "静", "军", "芳", "磊", "霞", "勇", "娟", "斌", "燕", "明", "玲"];

    /// <summary>A deterministic sample name for a post, so reseeding gives the same people.</summary>
    public static string PersonName(string place, int index)
    {
        var hash = Stable(place) + index;
        return Surnames[hash % Surnames.Count] + GivenNames[(hash / 7) % GivenNames.Count];
    }

    /// <summary>A deterministic sample mobile number (139 0793 xxxx).</summary>
    public static string Phone(string place, int index) => $"1390793{((long)Stable(place) * 31 + index * 97) % 10000:0000}";

    private static int Stable(string text)
    {
        var hash = 17;
        foreach (var ch in text) hash = unchecked(hash * 31 + ch) & 0x7FFFFFFF;
        return hash;
    }
}
