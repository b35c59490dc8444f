using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Accounts;

namespace TongkuangAlliance.IntegrationTests.Features.Volunteers;

/// <summary>
/// A committee opens a party member's own account from the registry: only for a confirmed, active member of its
/// community, once, with Identity's rules; the account signs in and reaches only the volunteer's own pages.
/// </summary>
public sealed class VolunteerAccountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> PendingSouthMemberAsync(string name, string phone) => factory.WithDbAsync(async db =>
    {
        var south = await db.Communities.SingleAsync(c => c.Name == DemoCatalog.SouthCommunity);
        var member = PartyMember.Register(new PartyMemberDetails(name, phone, null, "德兴市供电公司", null, south.Id, null, null, new DateOnly(2026, 3, 1)));
        db.PartyMembers.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    private static Task<HttpResponseMessage> OpenAsync(PortalClient client, int member, string userName, string password) =>
        client.PostFormAsync($"/Volunteers/Account/{member}", $"/Volunteers/Account/{member}", new() { ["UserName"] = userName, ["Password"] = password });

    private Task<int> AccountsOfAsync(int member) => factory.WithDbAsync(db => db.Users.CountAsync(u => u.PartyMemberId == member));

    [Fact]
    public async Task The_home_community_opens_an_account_for_a_confirmed_member_once_and_it_reaches_only_the_volunteer_s_pages()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var member = await PendingSouthMemberAsync("账号测试党员", "13907931234");

        // Not yet confirmed: the form explains why, and a post changes nothing.
        var pending = await nanqu.GetDocumentAsync($"/Volunteers/Account/{member}");
        Assert.Contains("报到确认后才能开通账号", pending.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Null(pending.QuerySelector("input[name=Password]"));
        using (var refused = await OpenAsync(nanqu, member, "zhanghao01", "Tongkuang2026x")) Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal(0, await AccountsOfAsync(member));

        using (var confirmed = await nanqu.PostFormAsync($"/Volunteers/Confirm/{member}", "/Volunteers", [])) Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var list = await nanqu.GetDocumentAsync("/Volunteers?q=账号测试党员");
        Assert.NotNull(list.QuerySelector($"a[href='/Volunteers/Account/{member}']"));
        var form = await nanqu.GetDocumentAsync($"/Volunteers/Account/{member}");
        Assert.Equal("zy1234", form.QuerySelector("input[name=UserName]")!.GetAttribute("value"));

        // Identity's rules: a weak password and a taken user name are shown next to their fields, nothing is stored.
        using (var weak = await OpenAsync(nanqu, member, "zhanghao01", "short"))
        {
            Assert.Equal(HttpStatusCode.OK, weak.StatusCode);
            var page = await PortalClient.ParseAsync(await weak.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for=Password]")!.TextContent));
        }
        using (var taken = await OpenAsync(nanqu, member, DemoVolunteers.VolunteerIn, "Tongkuang2026x"))
        {
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            var page = await PortalClient.ParseAsync(await taken.Content.ReadAsStringAsync());
            Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for=UserName]")!.TextContent));
        }
        Assert.Equal(0, await AccountsOfAsync(member));

        // Another community's committee does not find the member.
        using (var beiqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await beiqu.GetAsync($"/Volunteers/Account/{member}")).StatusCode);
            using var outside = await OpenAsync(beiqu, member, "zhanghao02", "Tongkuang2026x");
            Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
        }
        Assert.Equal(0, await AccountsOfAsync(member));

        using (var created = await OpenAsync(nanqu, member, "zhanghao01", "Tongkuang2026x")) Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var account = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.PartyMemberId == member));
        Assert.Equal(("zhanghao01", PortalRole.Volunteer, "账号测试党员"), (account.UserName, account.Role, account.DisplayName));
        var south = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == DemoCatalog.SouthCommunity).Select(c => c.Id).SingleAsync());
        Assert.Equal(south, account.CommunityId);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == AccountAudit.EntityType && a.EntityId == account.Id && a.Action == AccountAudit.Created)));
        var after = await nanqu.GetDocumentAsync("/Volunteers?q=账号测试党员");
        Assert.Contains("zhanghao01", after.QuerySelector(".member-list")!.TextContent, StringComparison.Ordinal);

        // Once only.
        using (var again = await OpenAsync(nanqu, member, "zhanghao03", "Tongkuang2026x")) Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(1, await AccountsOfAsync(member));

        // The new account signs in to the volunteer's own pages and nothing of the staff's.
        using var volunteer = factory.CreatePortalClient();
        using (var signIn = await volunteer.SignInAsync("zhanghao01", "Tongkuang2026x")) Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await volunteer.GetAsync("/MyVolunteering")).StatusCode);
        foreach (var staffPage in new[] { "/Volunteers", "/Cases", $"/Volunteers/Account/{member}" })
        {
            using var refusedPage = await volunteer.GetAsync(staffPage);
            Assert.Contains("/Account/AccessDenied", refusedPage.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_volunteer_account_s_role_and_scope_cannot_be_edited_on_the_accounts_page()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var id = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoVolunteers.VolunteerIn).Select(u => u.Id).SingleAsync());
        var stamp = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleAsync());

        var details = await jiedao.GetDocumentAsync($"/Accounts/Details/{id}");
        Assert.Null(details.QuerySelector($"a[href='/Accounts/Edit/{id}']"));
        using var edit = await jiedao.PostFormAsync($"/Accounts/Edit/{id}", "/Accounts", new()
        {
            ["DisplayName"] = "改成社区账号", ["Role"] = nameof(PortalRole.CommunityCommittee), ["CommunityId"] = "1", ["ConcurrencyStamp"] = stamp ?? "",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var account = await factory.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == id));
        Assert.Equal(PortalRole.Volunteer, account.Role);
        Assert.NotEqual("改成社区账号", account.DisplayName);
    }
}
