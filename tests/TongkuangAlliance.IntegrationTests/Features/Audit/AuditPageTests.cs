using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Auditing;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Structure;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Audit;

/// <summary>
/// 审计日志: the sub-district committee reads its own sub-district's audit rows, filtered and paged, with
/// phone numbers hidden; a second sub-district's committee sees only its own.
/// </summary>
public sealed class AuditPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string OtherCommittee = "t-audit-other";

    [Fact]
    public async Task Each_sub_districts_committee_sees_only_its_own_sub_districts_rows()
    {
        var ids = await factory.DemoIdsAsync();
        var other = await SecondSubDistrictAsync();
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var otherAdmin = await factory.CreatePortalClient().SignedInAsAsync(OtherCommittee);

        // Each committee creates an account in its own sub-district: both are audited writes.
        await CreateAccountAsync(jiedao, "t-audit-tk", ids.SouthCommunity);
        await CreateAccountAsync(otherAdmin, "t-audit-xs", other.CommunityId);
        var tk = await UserIdAsync("t-audit-tk");
        var xs = await UserIdAsync("t-audit-xs");

        var stored = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "AppUser" && (a.EntityId == tk || a.EntityId == xs))
            .ToDictionaryAsync(a => a.EntityId, a => a.SubDistrictId));
        Assert.Equal(ids.SubDistrict, stored[tk]);
        Assert.Equal(other.SubDistrictId, stored[xs]);

        var mine = await jiedao.GetDocumentAsync("/Audit?EntityType=AppUser");
        Assert.Contains(RecordLinks(mine), href => href.EndsWith($"/Accounts/Details/{tk}", StringComparison.Ordinal));
        Assert.DoesNotContain(RecordLinks(mine), href => href.EndsWith($"/Accounts/Details/{xs}", StringComparison.Ordinal));

        // The other committee's page holds its own sign-in and account, and nothing of 铜矿街道's (the demo's cases, sign-ins, …).
        var theirs = await otherAdmin.GetDocumentAsync("/Audit");
        var links = RecordLinks(theirs);
        Assert.Contains(links, href => href.EndsWith($"/Accounts/Details/{xs}", StringComparison.Ordinal));
        Assert.DoesNotContain(links, href => href.EndsWith($"/Accounts/Details/{tk}", StringComparison.Ordinal));
        var theirCount = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.SubDistrictId == other.SubDistrictId));
        Assert.Equal(theirCount, theirs.QuerySelectorAll("table.audit-log tbody tr").Length);
        Assert.DoesNotContain(theirs.QuerySelectorAll("table.audit-log td[data-user-id]"), td => td.GetAttribute("data-user-id") is { Length: > 0 } id && id != other.CommitteeUserId);
        Assert.DoesNotContain("/Cases/Details/", theirs.Body!.InnerHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_residents_anonymous_report_is_on_the_page_of_the_sub_district_of_its_building()
    {
        var ids = await factory.DemoIdsAsync();
        using (var resident = factory.CreatePortalClient())
        {
            using var report = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", new()
            {
                ["Input.Kind"] = "Request",
                ["Input.BuildingId"] = $"{ids.SouthBuilding}",
                ["Input.PlaceDetail"] = "2 单元",
                ["Input.Description"] = "审计页测试：楼道扶手松动。",
                ["Input.Name"] = "审计测试居民",
                ["Input.Phone"] = "13900001111",
                ["Input.Website"] = "",
            });
            Assert.Equal(HttpStatusCode.Redirect, report.StatusCode);
        }
        var caseId = await factory.WithDbAsync(db => db.Cases.Where(c => c.Description.Contains("审计页测试：楼道扶手松动。")).Select(c => c.Id).SingleAsync());
        var row = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Case" && a.EntityId == caseId.ToString(CultureInfo.InvariantCulture) && a.Action == "Added"));
        Assert.Null(row.UserId);
        Assert.Equal(ids.SubDistrict, row.SubDistrictId);

        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}");
        var rows = page.QuerySelectorAll("table.audit-log tbody tr");
        Assert.NotEmpty(rows);
        Assert.Contains(rows, r => r.TextContent.Contains("未登录（居民或系统）", StringComparison.Ordinal) && r.TextContent.Contains("新增", StringComparison.Ordinal));
        Assert.DoesNotContain("13900001111", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_narrow_the_rows_newest_first_and_phone_numbers_show_only_that_they_changed()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var intake = await IntakeAsync(factory, "审计页筛选测试");
        intake["Input.ReporterPhone"] = "13812345678";
        var caseId = await RegisterAsync(nanqu, intake);
        await DoAsync(nanqu, caseId, "AddProgressNote", new() { ["text"] = "审计页进展" });

        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}");
        var rows = page.QuerySelectorAll("table.audit-log tbody tr");
        Assert.True(rows.Length >= 2, HtmlAssert.Summary(page));
        // Newest first: the registration (新增) is the last row.
        Assert.Contains("新增", rows[^1].QuerySelector("td[data-label='操作']")!.TextContent, StringComparison.Ordinal);
        Assert.All(rows, r => Assert.Contains("南区社区", r.TextContent, StringComparison.Ordinal)); // the actor 南区社区党委 (nanqu)
        var text = page.Body!.TextContent;
        Assert.DoesNotContain("13812345678", text, StringComparison.Ordinal);
        Assert.DoesNotContain("138****5678", text, StringComparison.Ordinal);
        Assert.Contains("（号码已隐藏）", text, StringComparison.Ordinal);
        Assert.Contains("审计页筛选测试", text, StringComparison.Ordinal);
        Assert.Equal($"/Cases/Details/{caseId}", rows[0].QuerySelector("a")!.GetAttribute("href"));

        // User, action and date filters.
        Assert.Equal(rows.Length, (await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}&User=nanqu")).QuerySelectorAll("table.audit-log tbody tr").Length);
        Assert.Empty((await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}&User=beiqu")).QuerySelectorAll("table.audit-log tbody tr"));
        Assert.Single((await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}&ActionName=Added")).QuerySelectorAll("table.audit-log tbody tr"));
        Assert.Empty((await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}&To={ChinaToday(-1)}")).QuerySelectorAll("table.audit-log tbody tr"));
        Assert.Equal(rows.Length, (await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={caseId}&From={ChinaToday()}&To={ChinaToday()}")).QuerySelectorAll("table.audit-log tbody tr").Length);

        // The type select lists the types present; unparsable filters are ignored, never a 500.
        var options = page.QuerySelectorAll("select#EntityType option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains("Case", options);
        Assert.Contains("SignIn", options);
        using var bad = await jiedao.GetAsync("/Audit?From=notadate&To=-1&page=-5&EntityId=" + new string('x', 500));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
    }

    [Fact]
    public async Task In_Chinese_every_field_is_named_in_Chinese_and_times_are_China_time()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var fieldNames = new HashSet<string>();
        foreach (var type in new[] { "Case", "CheckIn", "Activity", "ActivitySignUp", "PartyMember", "FollowUp", "AgreementTerm", "AppUser", "SignIn" })
        {
            var page = await jiedao.GetDocumentAsync($"/Audit?EntityType={type}");
            foreach (var item in page.QuerySelectorAll("td[data-label] ul li"))
            {
                fieldNames.Add(item.QuerySelector(".fw-semibold")!.TextContent);
                // No raw ISO timestamps: times read as 2026-12-01 22:50 (China time).
                Assert.DoesNotMatch(@"\d{4}-\d\d-\d\dT\d\d:\d\d", item.TextContent);
            }
        }
        Assert.True(fieldNames.Count > 20, $"only {fieldNames.Count} field names seen");
        Assert.All(fieldNames, name => Assert.DoesNotMatch("[A-Za-z]", name));
    }

    [Fact]
    public async Task Records_a_change_refers_to_are_named_by_their_names_and_numbers()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "审计页显示名称"));
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        var number = await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

        var addedPage = await jiedao.GetDocumentAsync($"/Audit?EntityType=Case&EntityId={id}&ActionName=Added");
        Assert.Equal($"案件 {number} (#{id})", addedPage.QuerySelector("table.audit-log tbody td[data-label='记录']")!.TextContent.Trim());
        var added = addedPage.QuerySelector("table.audit-log tbody")!.TextContent;
        Assert.Contains("南区社区 (#", added, StringComparison.Ordinal);
        Assert.Contains("建安小区 (#", added, StringComparison.Ordinal);
        Assert.Contains("人身损害赔偿 (#", added, StringComparison.Ordinal);

        var party = (await jiedao.GetDocumentAsync("/Audit?EntityType=CaseParty")).QuerySelector("table.audit-log tbody tr")!.TextContent;
        Assert.Contains($"{number} (#{id})", party, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_does_the_same_number_of_queries_with_many_more_rows_and_pages_them()
    {
        var ids = await factory.DemoIdsAsync();
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var counter = new QueryCounter(factory.DatabasePath);
        await jiedao.GetDocumentAsync("/Audit");
        counter.Reset();
        await jiedao.GetDocumentAsync("/Audit");
        var before = counter.Count;

        // Rows referring to records of every kind the page names (one query per kind, whatever the number of rows).
        var actor = await UserIdAsync(PortalClient.Users.SouthCommunity);
        var caseIds = await factory.WithDbAsync(db => db.Cases.OrderBy(c => c.Id).Select(c => c.Id).Take(300).ToListAsync());
        Task AddRowsAsync(int count) => factory.WithDbAsync(async db =>
        {
            db.AuditEntries.AddRange(Enumerable.Range(0, count).Select(i => new AuditEntry
            {
                AtUtc = DateTime.UtcNow, UserId = actor, SubDistrictId = ids.SubDistrict, EntityType = $"LoadType{i % 30}",
                EntityId = $"{i}", Action = "Modified",
                Changes = $$"""{"Title":["旧{{i}}","新{{i}}"],"CommunityId":[null,{{ids.SouthCommunity}}],"CaseId":[null,{{caseIds[i % caseIds.Count]}}],"MemberUnitId":[null,{{ids.EngineeringUnit}}],"GridId":[null,{{ids.SouthGrid}}],"HandlerUserId":[null,"{{actor}}"]}""",
            }));
            await db.SaveChangesAsync();
        });
        await AddRowsAsync(20);
        counter.Reset();
        await jiedao.GetDocumentAsync("/Audit");
        var withReferences = counter.Count;
        await AddRowsAsync(300);

        counter.Reset();
        var page = await jiedao.GetDocumentAsync("/Audit");
        Assert.Equal(withReferences, counter.Count);
        Assert.InRange(withReferences, 1, 20);
        Assert.Contains("南区社区 (#", page.QuerySelector("table.audit-log tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(20, page.QuerySelectorAll("table.audit-log tbody tr").Length);
        var second = await jiedao.GetDocumentAsync("/Audit?page=2");
        Assert.Equal(20, second.QuerySelectorAll("table.audit-log tbody tr").Length);
    }

    private static List<string> RecordLinks(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table.audit-log tbody td[data-label='记录'] a").Select(a => a.GetAttribute("href") ?? "").ToList();

    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private static async Task CreateAccountAsync(PortalClient admin, string userName, int community)
    {
        using var response = await admin.PostFormAsync("/Accounts/Create", "/Accounts/Create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "审计测试账号", ["Role"] = nameof(PortalRole.CommunityCommittee),
            ["CommunityId"] = $"{community}", ["MemberUnitId"] = "", ["Password"] = "audit-page-77",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Creating {userName} answered {(int)response.StatusCode}");
    }

    private sealed record OtherSubDistrict(int SubDistrictId, int CommunityId, string CommitteeUserId);

    /// <summary>A second sub-district (香屯街道) with one community and a committee account, made directly in the database.</summary>
    private async Task<OtherSubDistrict> SecondSubDistrictAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Core.Data.AppDbContext>();
        var subDistrict = new SubDistrict { Name = "香屯街道", City = "德兴市" };
        var community = new Community { SubDistrict = subDistrict, Name = "香屯社区", PartyCommitteeName = "香屯社区党委" };
        db.AddRange(subDistrict, community);
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var committee = new AppUser { UserName = OtherCommittee, DisplayName = "香屯街道党工委", CreatedAtUtc = DateTime.UtcNow };
        committee.AssignScope(PortalRole.SubDistrictCommittee, subDistrict.Id, null, null);
        var result = await users.CreateAsync(committee, PortalFactory.DemoPassword);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return new OtherSubDistrict(subDistrict.Id, community.Id, committee.Id);
    }
}
