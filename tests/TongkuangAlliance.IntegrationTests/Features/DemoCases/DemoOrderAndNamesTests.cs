namespace TongkuangAlliance.IntegrationTests.Features.DemoCases;

/// <summary>Issue 20, findings 15 and 16: the seeded demo numbers its cases in registration order and names people plainly.</summary>
public sealed class DemoOrderAndNamesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Finding_15_each_years_case_numbers_follow_the_order_of_registration()
    {
        var cases = await factory.WithDbAsync(db => db.Cases.AsNoTracking().Select(c => new { c.Number, c.RegisteredAtUtc, c.Id }).ToListAsync());
        foreach (var year in cases.GroupBy(c => c.Number[..6]))
        {
            var byNumber = year.OrderBy(c => c.Number, StringComparer.Ordinal).Select(c => c.Number).ToList();
            var byRegistration = year.OrderBy(c => c.RegisteredAtUtc).ThenBy(c => c.Id).Select(c => c.Number).ToList();
            Assert.Equal(byRegistration, byNumber);
        }
    }

    /// <summary>The renumbering runs after the seeders wrote their notifications: each must name its case's final number.</summary>
    [Fact]
    public async Task The_demo_notifications_name_the_numbers_their_cases_carry_after_renumbering()
    {
        var rows = await factory.WithDbAsync(db => db.Notifications.AsNoTracking()
            .Select(n => new
            {
                n.Parameters,
                Number = n.CaseId != null
                    ? db.Cases.Where(c => c.Id == n.CaseId).Select(c => c.Number).FirstOrDefault()
                    : db.AgreementTerms.Where(t => t.Id == n.AgreementTermId).Select(t => t.Case!.Number).FirstOrDefault(),
            })
            .Where(r => r.Number != null)
            .ToListAsync());
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var numbers = System.Text.RegularExpressions.Regex.Matches(row.Parameters, @"JF\d{4}-\d{4,}").Select(m => m.Value).ToList();
            Assert.All(numbers, n => Assert.Equal(row.Number, n));
        }
    }

    [Fact]
    public async Task Finding_16_demo_party_members_have_one_surname_and_one_given_name_each_name_once()
    {
        var names = await factory.WithDbAsync(db => db.PartyMembers.AsNoTracking().Select(m => m.Name).ToListAsync());
        Assert.Equal(DemoVolunteers.MemberCount, names.Count);
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.True(
            DemoCatalog.Surnames.Any(s => name.StartsWith(s, StringComparison.Ordinal) && DemoCatalog.GivenNames.Contains(name[s.Length..])),
            $"{name} is not a surname followed by a given name"));
    }
}
