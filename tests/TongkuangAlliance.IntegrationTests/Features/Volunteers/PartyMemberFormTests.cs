using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.IntegrationTests.Features.Volunteers;

/// <summary>Registering one party member by hand and correcting an entry: scope, one member per phone, no lost edits, status.</summary>
public sealed class PartyMemberFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<Dictionary<string, string>> FormAsync(string phone, string name = "手工登记党员")
    {
        var (south, unit) = await factory.WithDbAsync(async db => (
            await db.Communities.Where(c => c.Name == DemoCatalog.SouthCommunity).Select(c => c.Id).SingleAsync(),
            await db.MemberUnits.Where(u => u.Name == DemoCatalog.MineEngineering).Select(u => u.Id).SingleAsync()));
        return new()
        {
            ["Name"] = name, ["Phone"] = phone, ["MemberUnitId"] = unit.ToString(CultureInfo.InvariantCulture), ["EmployerName"] = "",
            ["PartyBranch"] = "第二党支部", ["HomeCommunityId"] = south.ToString(CultureInfo.InvariantCulture), ["HomeCompoundId"] = "",
            ["Skills"] = "理发", ["ReportedOn"] = "2026-11-20",
        };
    }

    private static async Task<string> ErrorForAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector($"[data-valmsg-for={field}]")?.TextContent.Trim() ?? "";
    }

    [Fact]
    public async Task A_community_registers_its_own_resident_once_per_phone_and_a_unit_only_its_own_employee()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await FormAsync("13907930001");
        using (var created = await nanqu.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", form))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var member = await factory.WithDbAsync(db => db.PartyMembers.AsNoTracking().SingleAsync(m => m.Phone == "13907930001"));
        Assert.Equal(("手工登记党员", RegistrationStatus.Pending, PartyMemberStatus.Active, "第二党支部"), (member.Name, member.Registration, member.Status, member.PartyBranch));

        // The same phone again (with spaces) is refused next to the phone field.
        using (var again = await nanqu.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", new(form) { ["Phone"] = "139 0793 0001", ["Name"] = "另一人" }))
            Assert.Contains("已登记给另一名党员", await ErrorForAsync(again, "Phone"), StringComparison.Ordinal);

        // 南区社区 cannot register a resident of 北区社区.
        var north = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == "北区社区").Select(c => c.Id).SingleAsync());
        using (var outside = await nanqu.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", new(form) { ["Phone"] = "13907930002", ["HomeCommunityId"] = north.ToString(CultureInfo.InvariantCulture) }))
            Assert.Contains("本社区", await ErrorForAsync(outside, "HomeCommunityId"), StringComparison.Ordinal);

        // A unit registers its own employees only: 第一中学 cannot put someone on 铜矿工程部's books.
        using var school = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        using (var otherUnit = await school.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", new(form) { ["Phone"] = "13907930003" }))
            Assert.Contains("本单位", await ErrorForAsync(otherUnit, "MemberUnitId"), StringComparison.Ordinal);

        // Bad input: a malformed phone and no employer at all get messages, nothing is stored.
        using (var bad = await nanqu.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", new(form) { ["Phone"] = "12345", ["MemberUnitId"] = "" }))
            Assert.NotEqual("", await ErrorForAsync(bad, "Phone"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.PartyMembers.CountAsync(m => m.Phone == "13907930002" || m.Phone == "13907930003" || m.Phone == "12345")));
    }

    [Fact]
    public async Task An_edit_from_an_old_form_is_refused_and_a_member_who_moved_away_can_no_longer_volunteer()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var form = await FormAsync("13907930011", "要修改的党员");
        using (var created = await nanqu.PostFormAsync("/PartyMembers/Create", "/PartyMembers/Create", form)) Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.Phone == "13907930011").Select(m => m.Id).SingleAsync());

        // Both open the form; the unit saves first, the community's save from the old form is refused and shows the current entry.
        var version = (await nanqu.GetDocumentAsync($"/PartyMembers/Edit/{id}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var unitForm = new Dictionary<string, string>(form) { ["Version"] = version, ["Status"] = nameof(PartyMemberStatus.Active), ["Skills"] = "理发、电工" };
        using (var first = await unit.PostFormAsync($"/PartyMembers/Edit/{id}", $"/PartyMembers/Edit/{id}", unitForm)) Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = new Dictionary<string, string>(form) { ["Version"] = version, ["Status"] = nameof(PartyMemberStatus.MovedAway) };
        using (var second = await nanqu.PostFormAsync($"/PartyMembers/Edit/{id}", $"/PartyMembers/Edit/{id}", stale))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Contains("其他人已修改了这条记录", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var kept = await factory.WithDbAsync(db => db.PartyMembers.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(("理发、电工", PartyMemberStatus.Active), (kept.Skills, kept.Status));

        // From the current version the move is saved; the member keeps the record but can no longer volunteer.
        var current = (await nanqu.GetDocumentAsync($"/PartyMembers/Edit/{id}")).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        using (var moved = await nanqu.PostFormAsync($"/PartyMembers/Edit/{id}", $"/PartyMembers/Edit/{id}", new(stale) { ["Version"] = current, ["Skills"] = "理发、电工" }))
            Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await factory.WithDbAsync(db => db.PartyMembers.AsNoTracking().SingleAsync(m => m.Id == id));
        Assert.Equal(PartyMemberStatus.MovedAway, after.Status);
        Assert.False(after.CanVolunteer);

        // Another community does not find the entry.
        using var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        Assert.Equal(HttpStatusCode.NotFound, (await beiqu.GetAsync($"/PartyMembers/Edit/{id}")).StatusCode);
    }
}
