using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>The demo's lists, meetings and action items: what a newcomer sees, and the ids the matrix uses.</summary>
[Collection(SharedPortal.Name)]
public sealed class JointDemoTests(PortalFactory factory)
{
    [Fact]
    public async Task The_matrix_ids_name_the_records_they_describe()
    {
        var ids = await factory.DemoIdsAsync();
        var project = await factory.WithDbAsync(db => db.JointProjects.AsNoTracking().SingleAsync(p => p.Id == JointDemo.OpenProjectId));
        Assert.Equal(DemoJoint.OpenProject, project.Title);
        Assert.Equal(ids.SouthEngineeringPairing, project.PairingId);
        Assert.Equal(PairingSide.Unit, project.OwnerSide);

        var meeting = await factory.WithDbAsync(db => db.JointMeetings.AsNoTracking().SingleAsync(m => m.Id == JointDemo.CommunityMeetingId));
        Assert.Equal(ids.SouthCommunity, meeting.ConvenerCommunityId);
        var item = await factory.WithDbAsync(db => db.ActionItems.AsNoTracking().SingleAsync(a => a.Id == JointDemo.CommunityMeetingItemId));
        Assert.Equal(DemoJoint.CommunityMeetingItem, item.What);
        Assert.Equal(ids.EngineeringUnit, item.OwnerUnitId);
    }

    [Fact]
    public async Task The_demo_has_done_open_overdue_and_sent_back_work_in_2020_and_this_year()
    {
        var today = Core.Common.ChinaTime.Today(TimeProvider.System);
        var projects = await factory.WithDbAsync(db => db.JointProjects.AsNoTracking().ToListAsync());
        var items = await factory.WithDbAsync(db => db.ActionItems.AsNoTracking().ToListAsync());
        Assert.Contains(projects, p => p.Year == 2020 && p.Status == WorkStatus.Done);
        Assert.Contains(projects, p => p.Year == today.Year && p.Status == WorkStatus.Open && !p.IsOverdue(today));
        Assert.Contains(projects, p => p.Title == DemoJoint.OverdueProject && p.IsOverdue(today));
        Assert.Contains(items, a => a.Status == WorkStatus.Done);
        Assert.Contains(items, a => a.What == DemoJoint.OverdueItem && a.IsOverdue(today));
        Assert.Contains(items, a => a.What == DemoJoint.SentBackItem && a.Status == WorkStatus.SentBack);
        Assert.InRange(await factory.WithDbAsync(db => db.JointMeetings.CountAsync()), 2, 3);
    }
}
