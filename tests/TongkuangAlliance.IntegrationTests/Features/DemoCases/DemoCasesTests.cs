using Microsoft.Extensions.DependencyInjection;

namespace TongkuangAlliance.IntegrationTests.Features.DemoCases;

/// <summary>The demo's cases: the story of 南区社区 walked to Closed, and open cases in various states.</summary>
[Collection(SharedPortal.Name)]
public sealed class DemoCasesTests(PortalFactory factory)
{
    [Fact]
    public async Task The_story_case_is_closed_with_three_fulfilled_terms_and_a_satisfied_follow_up()
    {
        var story = await factory.WithDbAsync(db => db.Cases.IncludeForRules()
            .Include(c => c.Community).Include(c => c.Compound)
            .SingleAsync(c => c.Title == Web.Infrastructure.DemoData.DemoCases.StoryCaseTitle));

        Assert.Equal(CaseStatus.Closed, story.Status);
        Assert.Null(story.CloseKind);
        Assert.Equal(CaseResolution.AgreementReached, story.Resolution);
        Assert.StartsWith("JF2020-", story.Number, StringComparison.Ordinal);
        Assert.Equal(DemoCatalog.SouthCommunity, story.Community!.Name);
        Assert.Equal("建安小区", story.Compound!.Name);
        Assert.Equal("刘贤英", story.ReporterName);
        Assert.Equal(
            ["刘贤英/Resident/Complainant", "铜矿工程部/MemberUnit/ResponsibleUnit", "大茅山建设公司/OutsideOrganisation/Respondent"],
            story.Parties.OrderBy(p => p.Id).Select(p => $"{p.Name}/{p.Kind}/{p.Role}"));
        Assert.Single(story.Sessions);

        Assert.Equal(3, story.Terms.Count);
        Assert.All(story.Terms, t => Assert.Equal(AgreementTermStatus.Fulfilled, t.Status));
        Assert.Contains(story.Terms, t => t.Kind == AgreementTermKind.Compensation && t.Amount == 2000m && t.ObligatedParty!.Name == "大茅山建设公司");
        Assert.Contains(story.Terms, t => t.Description.Contains("4 盏路灯", StringComparison.Ordinal) && t.ObligatedParty!.Name == "铜矿工程部");

        var followUp = Assert.Single(story.FollowUps);
        Assert.Equal(Satisfaction.Satisfied, followUp.Satisfaction);
        Assert.Equal(new DateOnly(2020, 6, 6), followUp.Date);
        Assert.Equal("对于街道的调解我很满意，整改措施也很好。", followUp.Note);
        Assert.True(followUp.AgreementHonoured);
        Assert.Equal(2020, ChinaTime.FromUtc(story.ClosedAtUtc!.Value).Year);
    }

    [Fact]
    public async Task The_demo_has_open_cases_across_communities_some_overdue_and_one_escalated()
    {
        var now = DateTime.UtcNow;
        var open = await factory.WithDbAsync(db => db.Cases.AsNoTracking().Where(c => c.Status != CaseStatus.Closed)
            .Select(c => new { c.CommunityId, c.IsEscalated, c.Status }).ToListAsync());
        var overdue = await factory.WithDbAsync(db => db.Cases.CountAsync(Case.OverdueAt(now)));

        Assert.True(open.Count >= 8, $"{open.Count} open cases");
        Assert.True(open.Select(c => c.CommunityId).Distinct().Count() >= 5);
        Assert.True(overdue >= 2, $"{overdue} overdue");
        Assert.Single(open, c => c.IsEscalated);
        Assert.Contains(open, c => c.Status == CaseStatus.Registered);
        Assert.Contains(open, c => c.Status == CaseStatus.Resolved);
    }

    [Fact]
    public async Task Seeding_again_adds_no_case_term_or_event()
    {
        async Task<string> Snapshot() => await factory.WithDbAsync(async db => string.Join(",",
            await db.Cases.CountAsync(), await db.CaseParties.CountAsync(), await db.AgreementTerms.CountAsync(),
            await db.CaseEvents.CountAsync(), await db.CaseCategories.CountAsync(), await db.CaseNumberSequences.SumAsync(s => s.Next)));

        var before = await Snapshot();
        using (var scope = factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        Assert.Equal(before, await Snapshot());
    }
}
