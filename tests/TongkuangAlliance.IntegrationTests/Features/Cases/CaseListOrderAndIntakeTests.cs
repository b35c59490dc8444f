using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>Issue 20, findings 14 and 17: the "nearest deadline" order, and an intake that leaves out a required choice.</summary>
public sealed class CaseListOrderAndIntakeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Nearest_deadline_lists_open_cases_by_their_deadline_and_cases_without_one_last()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Cases?sort=due");
        var ids = page.QuerySelectorAll("tr[data-case-id]").Select(r => int.Parse(r.GetAttribute("data-case-id")!, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(ids);
        var cases = await factory.WithDbAsync(db => db.Cases.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Status, c.AcceptDueAtUtc, c.ResolveDueAtUtc }).ToListAsync());
        var rows = ids.Select(id => cases.Single(c => c.Id == id)).ToList();
        static bool Open(CaseStatus s) => s is CaseStatus.Registered or CaseStatus.Accepted or CaseStatus.InMediation;

        Assert.True(Open(rows[0].Status), $"the first row is open, not {rows[0].Status}");
        var firstWithout = rows.FindIndex(r => !Open(r.Status));
        if (firstWithout >= 0) Assert.DoesNotContain(rows.Skip(firstWithout), r => Open(r.Status));
        var openDeadlines = rows.Where(r => Open(r.Status))
            .Select(r => r.Status == CaseStatus.Registered && r.AcceptDueAtUtc < r.ResolveDueAtUtc ? r.AcceptDueAtUtc : r.ResolveDueAtUtc).ToList();
        Assert.Equal(openDeadlines.Order().ToList(), openDeadlines);
        var nearest = await factory.WithDbAsync(db => db.Cases
            .Where(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation)
            .Select(c => c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < c.ResolveDueAtUtc ? c.AcceptDueAtUtc : c.ResolveDueAtUtc)
            .MinAsync());
        Assert.Equal(nearest, openDeadlines[0]);
    }

    [Theory]
    [InlineData("Input.Kind")]
    [InlineData("Input.Source")]
    public async Task An_intake_without_a_required_choice_is_refused_and_stores_nothing(string field)
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var form = await IntakeAsync(factory, $"缺少{field}的登记");
        form.Remove(field);
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());

        using var response = await nanqu.PostFormAsync("/Cases/Create", "/Cases/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("请", HtmlAssert.FieldError(page, field), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Cases.CountAsync()));
    }
}
