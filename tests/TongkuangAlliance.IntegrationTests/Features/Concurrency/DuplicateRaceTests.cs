using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.Concurrency;

/// <summary>
/// Two people submit the same name (or the same pairing) at once: both pass the form's check, and the second save
/// meets the unique index. The race is staged exactly there: <see cref="CompetitorInterceptor"/> lets the other
/// person's record be saved just before the app's own save of the form, after its check. The loser gets the
/// check's own message, not a 500, and only the winner's record is stored.
/// </summary>
public sealed class DuplicateRaceTests(RacingPortalFactory factory) : IClassFixture<RacingPortalFactory>
{
    private static async Task<IHtmlDocument> RedisplayedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected the form again, got {(int)response.StatusCode} {response.Headers.Location}");
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_community_name_saved_by_someone_else_after_the_check_is_the_name_taken_message()
    {
        const string name = "竞态测试社区";
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        factory.Competitor.Arrange(
            db => db.ChangeTracker.Entries<Community>().Any(e => e.State == EntityState.Added && e.Entity.Name == name),
            db => db.Communities.Add(new Community { SubDistrictId = ids.SubDistrict, Name = name, PartyCommitteeName = "先保存的社区党委" }));

        using var response = await client.PostFormAsync("/Communities/Create", "/Communities/Create", new()
        {
            ["Name"] = name, ["PartyCommitteeName"] = "后提交的社区党委",
        });

        Assert.True(factory.Competitor.Ran, "the competing save did not run: the race was not staged");
        Assert.Equal("本街道已有同名社区。", HtmlAssert.FieldError(await RedisplayedAsync(response), "Name"));
        var stored = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == name).Select(c => c.PartyCommitteeName).ToListAsync());
        Assert.Equal(["先保存的社区党委"], stored);
    }

    [Fact]
    public async Task Renaming_a_unit_to_a_name_saved_by_someone_else_after_the_check_is_the_name_taken_message()
    {
        const string name = "竞态测试单位";
        var ids = await factory.DemoIdsAsync();
        var unit = await factory.WithDbAsync(db => db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == ids.MiddleSchoolUnit));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        factory.Competitor.Arrange(
            db => db.ChangeTracker.Entries<MemberUnit>().Any(e => e.State == EntityState.Modified && e.Entity.Name == name),
            db => db.MemberUnits.Add(new MemberUnit { SubDistrictId = ids.SubDistrict, Name = name, PartyOrganisationName = "先保存的党支部" }));

        using var response = await client.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", $"/MemberUnits/Edit/{unit.Id}", new()
        {
            ["Name"] = name, ["Kind"] = unit.Kind.ToString(), ["PartyOrganisationName"] = unit.PartyOrganisationName,
            ["Contact.Name"] = unit.Contact?.Name ?? "", ["Contact.Phone"] = unit.Contact?.Phone ?? "", ["Version"] = unit.Version.ToString(),
        });

        Assert.True(factory.Competitor.Ran, "the competing save did not run: the race was not staged");
        Assert.Equal("本街道已有同名成员单位。", HtmlAssert.FieldError(await RedisplayedAsync(response), "Name"));
        var school = await factory.WithDbAsync(db => db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == unit.Id));
        Assert.Equal(unit.Name, school.Name);
        Assert.Equal(unit.Version, school.Version);
    }

    [Fact]
    public async Task A_grid_name_saved_by_someone_else_after_the_check_is_the_name_taken_message()
    {
        const string name = "竞态测试网格";
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        factory.Competitor.Arrange(
            db => db.ChangeTracker.Entries<Grid>().Any(e => e.State == EntityState.Added && e.Entity.Name == name),
            db => db.Grids.Add(new Grid { CommunityId = ids.SouthCommunity, Name = name }));

        using var response = await client.PostFormAsync($"/Grids/Create?communityId={ids.SouthCommunity}", $"/Grids/Create?communityId={ids.SouthCommunity}", new()
        {
            ["Name"] = name, ["Chief.Name"] = "", ["Chief.Phone"] = "",
        });

        Assert.True(factory.Competitor.Ran, "the competing save did not run: the race was not staged");
        Assert.Equal("本社区已有同名网格。", HtmlAssert.FieldError(await RedisplayedAsync(response), "Name"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Grids.CountAsync(g => g.CommunityId == ids.SouthCommunity && g.Name == name)));
    }

    [Fact]
    public async Task A_user_name_created_by_someone_else_after_the_check_is_identitys_duplicate_message()
    {
        const string userName = "race-account";
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        factory.Competitor.Arrange(
            db => db.ChangeTracker.Entries<AppUser>().Any(e => e.State == EntityState.Added && e.Entity.UserName == userName),
            db =>
            {
                var first = new AppUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = "先建的账号", SecurityStamp = Guid.NewGuid().ToString() };
                first.AssignScope(PortalRole.CommunityCommittee, ids.SubDistrict, ids.NorthCommunity, null);
                db.Users.Add(first);
            });

        using var response = await client.PostFormAsync("/Accounts/Create", "/Accounts/Create", new()
        {
            ["UserName"] = userName, ["DisplayName"] = "后建的账号", ["Role"] = nameof(PortalRole.CommunityCommittee),
            ["CommunityId"] = $"{ids.SouthCommunity}", ["MemberUnitId"] = "", ["Password"] = "race-account-77",
        });

        Assert.True(factory.Competitor.Ran, "the competing save did not run: the race was not staged");
        Assert.Equal($"用户名“{userName}”已被使用。", HtmlAssert.FieldError(await RedisplayedAsync(response), "UserName"));
        var stored = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.DisplayName).ToListAsync());
        Assert.Equal(["先建的账号"], stored);
    }

    [Fact]
    public async Task A_pairing_started_by_someone_else_after_the_check_is_the_already_paired_message()
    {
        var (unit, community) = await factory.WithDbAsync(async db => (
            (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿运输部")).Id,
            (await db.Communities.SingleAsync(c => c.Name == "北区社区")).Id));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        factory.Competitor.Arrange(
            db => db.ChangeTracker.Entries<Pairing>().Any(e => e.State == EntityState.Added && e.Entity.MemberUnitId == unit && e.Entity.CommunityId == community),
            db => db.Pairings.Add(new Pairing { MemberUnitId = unit, CommunityId = community, StartDate = new DateOnly(2026, 1, 1), Note = "先保存的结对" }));

        using var response = await client.PostFormAsync("/Pairings/Create", "/Pairings/Create", new()
        {
            ["MemberUnitId"] = $"{unit}", ["CommunityId"] = $"{community}", ["StartDate"] = "2026-01-02", ["Note"] = "后提交的结对",
        });

        Assert.True(factory.Competitor.Ran, "the competing save did not run: the race was not staged");
        Assert.Equal("该单位已与这个社区结对，不能重复结对。", HtmlAssert.Summary(await RedisplayedAsync(response)));
        var active = await factory.WithDbAsync(db => db.Pairings.Where(p => p.MemberUnitId == unit && p.CommunityId == community && p.EndDate == null).Select(p => p.Note).ToListAsync());
        Assert.Equal(["先保存的结对"], active);
    }

    /// <summary>
    /// The index itself, without the app: a second active pairing of one unit and one community is refused by the
    /// database (on SQLite, and on PostgreSQL when the suite runs there), while an ended one does not count.
    /// </summary>
    [Fact]
    public async Task The_database_refuses_a_second_active_pairing_of_a_unit_and_a_community_but_not_after_an_ended_one()
    {
        var (unit, community) = await factory.WithDbAsync(async db => (
            (await db.MemberUnits.SingleAsync(u => u.Name == "德兴铜矿采矿场")).Id,
            (await db.Communities.SingleAsync(c => c.Name == "铜城社区")).Id));

        await factory.WithDbAsync(async db =>
        {
            var ended = new Pairing { MemberUnitId = unit, CommunityId = community, StartDate = new DateOnly(2021, 1, 1) };
            ended.End(new DateOnly(2022, 1, 1), "调整", new DateOnly(2026, 1, 1));
            db.Pairings.AddRange(ended, new Pairing { MemberUnitId = unit, CommunityId = community, StartDate = new DateOnly(2023, 1, 1) });
            await db.SaveChangesAsync();
        });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => factory.WithDbAsync(db =>
        {
            db.Pairings.Add(new Pairing { MemberUnitId = unit, CommunityId = community, StartDate = new DateOnly(2024, 1, 1) });
            return db.SaveChangesAsync();
        }));
        Assert.True(refused.IsUniqueViolation(), refused.InnerException?.Message);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.MemberUnitId == unit && p.CommunityId == community && p.EndDate == null)));
    }
}

/// <summary>The portal with a <see cref="CompetitorInterceptor"/> on its database context.</summary>
public sealed class RacingPortalFactory : PortalFactory
{
    public CompetitorInterceptor Competitor { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(Competitor)));
        Competitor.Services = () => Services;
    }
}

/// <summary>
/// Once arranged, the first save whose pending changes match <c>when</c> is preceded by the competitor's own
/// write, saved through a context of its own (a second user's request): the moment between a form's check and
/// its save. It runs once; the competitor's save passes through unmatched.
/// </summary>
public sealed class CompetitorInterceptor : SaveChangesInterceptor
{
    private sealed record Race(Func<DbContext, bool> When, Action<AppDbContext> Write);

    private Race? _race;

    internal Func<IServiceProvider>? Services { get; set; }

    public bool Ran { get; private set; }

    public void Arrange(Func<DbContext, bool> when, Action<AppDbContext> write)
    {
        Ran = false;
        _race = new Race(when, write);
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (_race is { } race && eventData.Context is { } context && race.When(context) && Interlocked.CompareExchange(ref _race, null, race) == race)
        {
            using var scope = Services!().CreateScope();
            var competitor = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            race.Write(competitor);
            await competitor.SaveChangesAsync(cancellationToken);
            Ran = true;
        }
        return result;
    }
}
