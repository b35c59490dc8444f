using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

/// <summary>The supervision list, "my commitments", a pairing's page and the meetings run the same number of queries with ten times the data.</summary>
public sealed class JointQueryCountTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Joint_pages_do_the_same_number_of_queries_with_ten_times_the_data()
    {
        var ids = await factory.DemoIdsAsync();
        string[] subDistrictPages = ["/Supervision", "/Supervision?overdue=true", $"/Supervision/Commitments?unitId={ids.EngineeringUnit}", "/JointMeetings",
            $"/PairingLists/Details/{ids.SouthEngineeringPairing}", $"/JointMeetings/Details/{JointDemo.CommunityMeetingId}", $"/Supervision/Project/{JointDemo.OpenProjectId}"];
        string[] unitPages = ["/Supervision/Commitments", "/JointMeetings", $"/PairingLists/Details/{ids.SouthEngineeringPairing}"];

        using var counter = new QueryCounter(factory.DatabasePath);
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);

        async Task<Dictionary<string, int>> CountAsync(PortalClient client, string[] pages)
        {
            var counts = new Dictionary<string, int>();
            foreach (var page in pages)
            {
                await client.GetDocumentAsync(page); // warm
                counter.Reset();
                await client.GetDocumentAsync(page);
                counts[page] = counter.Count;
            }
            return counts;
        }

        var before = await CountAsync(jiedao, subDistrictPages);
        var beforeUnit = await CountAsync(unit, unitPages);
        var projects = await factory.WithDbAsync(db => db.JointProjects.CountAsync());
        var items = await factory.WithDbAsync(db => db.ActionItems.CountAsync());

        await factory.WithDbAsync(async db =>
        {
            var today = ChinaTime.Today(TimeProvider.System);
            var pairing = await db.Pairings.SingleAsync(p => p.Id == ids.SouthEngineeringPairing);
            for (var i = 0; i < 9 * projects; i++)
            {
                var need = new PairingNeed { PairingId = pairing.Id, Year = today.Year, Title = $"扩展需求{i}" };
                var resource = new PairingResource { PairingId = pairing.Id, Year = today.Year, Title = $"扩展资源{i}" };
                db.AddRange(need, resource);
                await db.SaveChangesAsync();
                var project = JointProject.Create(pairing, today.Year, $"扩展项目{i}", ActivityStream.Volunteering, i % 2 == 0 ? PairingSide.Unit : PairingSide.Community,
                    "目标", today.AddDays(i % 3 == 0 ? -1 : 10), need, resource, needAlreadyUsed: false);
                project.RecordProgress(10, "开始", DateTime.UtcNow, null);
                db.JointProjects.Add(project);
            }
            var meeting = await db.JointMeetings.SingleAsync(m => m.Id == JointDemo.CommunityMeetingId);
            for (var i = 0; i < 9 * items; i++)
            {
                var item = meeting.AddActionItem(new JointDecision { Text = $"扩展决定{i}" }, i % 2 == 0 ? ids.EngineeringUnit : null, i % 2 == 0 ? null : ids.SouthCommunity,
                    $"扩展事项{i}", meeting.MeetingDate.AddDays(i % 20), null);
                item.RecordProgress(5, "开始", DateTime.UtcNow, null);
            }
            await db.SaveChangesAsync();
        });
        Assert.Equal(10 * projects, await factory.WithDbAsync(db => db.JointProjects.CountAsync()));

        Assert.Equal(before, await CountAsync(jiedao, subDistrictPages));
        Assert.Equal(beforeUnit, await CountAsync(unit, unitPages));
        Assert.All(before.Values, count => Assert.InRange(count, 1, 12));
    }
}
