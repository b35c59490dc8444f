namespace TongkuangAlliance.IntegrationTests.Features.Security;

/// <summary>
/// Issue 20, finding 17 on every form: a crafted post that leaves out a choice the form always sends (an enum) is
/// refused with a localized message, and nothing is saved — it is never stored as the enum's default.
/// </summary>
public sealed class MissingChoiceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Anonymous = "";
    private const string GridWorker = "wangge-nanqu1";
    private const string VisitWorker = "the grid worker of a visit not yet made a case";

    [Theory]
    [InlineData(Anonymous, "/Residents/Report", "Input.Kind", "请选择您要反映的是矛盾纠纷还是诉求困难。")]
    [InlineData(GridWorker, "/GridWork/Intake", "Input.Kind", "请选择案件类型。")]
    [InlineData(GridWorker, "/GridWork/Intake", "Input.Urgency", "请选择紧急程度。")]
    [InlineData(VisitWorker, "visit", "CaseInput.Kind", "请选择案件类型。")]
    [InlineData(VisitWorker, "visit", "CaseInput.Urgency", "请选择紧急程度。")]
    [InlineData(PortalClient.Users.SouthCommunity, "/Activities/Create", "Input.Kind", "请选择活动类型。")]
    [InlineData(PortalClient.Users.SouthCommunity, "/Activities/Create", "Input.Organiser", "请选择承办方。")]
    [InlineData(PortalClient.Users.SouthCommunity, "/Cases/Create", "Input.Urgency", "请选择紧急程度。")]
    [InlineData(PortalClient.Users.SouthCommunity, "member", "Status", "请选择状态。")]
    [InlineData(PortalClient.Users.SouthCommunity, "AddParty", "kind", "请选择当事人类型。")]
    [InlineData(PortalClient.Users.SouthCommunity, "AddParty", "role", "请选择角色。")]
    [InlineData(PortalClient.Users.SouthCommunity, "AddTerm", "kind", "请选择条款类型。")]
    [InlineData(PortalClient.Users.SouthCommunity, "RecordFollowUp", "method", "请选择回访方式。")]
    [InlineData(PortalClient.Users.SouthCommunity, "RecordFollowUp", "satisfaction", "请选择满意度。")]
    [InlineData(PortalClient.Users.SouthCommunity, "CloseEarly", "closeKind", "请选择终结方式。")]
    public async Task A_post_without_a_required_choice_is_refused_with_a_localized_message_and_saves_nothing(string user, string form, string field, string message)
    {
        var visit = 0;
        if (user == VisitWorker)
        {
            var open = await factory.WithDbAsync(db => db.Visits.Where(v => v.CaseId == null).OrderBy(v => v.Id)
                .Select(v => new { v.Id, Worker = db.Users.Where(u => u.IsActive && db.AppUserGrids.Any(g => g.UserId == u.Id && g.GridId == v.GridId)).Select(u => u.UserName).FirstOrDefault() })
                .Where(v => v.Worker != null).FirstAsync());
            (visit, user) = (open.Id, open.Worker!);
        }
        using var client = user == Anonymous ? factory.CreatePortalClient() : await factory.CreatePortalClient().SignedInAsAsync(user);
        var (page, url, fields) = await FormAsync(client, form, visit);
        Assert.True(fields.Remove(field) || !fields.ContainsKey(field));
        var before = await factory.WithDbAsync(db => db.AuditEntries.CountAsync());

        using var response = await client.PostFormAsync(url, page, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        var shown = HtmlAssert.FieldError(document, field) + " " + HtmlAssert.Summary(document);
        Assert.Contains(message, shown, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    /// <summary>The page that holds the form, where it posts, and what a browser would send from it.</summary>
    private async Task<(string Page, string Url, Dictionary<string, string> Fields)> FormAsync(PortalClient client, string form, int visit)
    {
        if (form.StartsWith('/')) return (form, form, FormValues.Read(await client.GetDocumentAsync(form)));
        if (form == "visit")
        {
            var page = $"/GridWork/Visit/{visit}";
            var document = await client.GetDocumentAsync(page);
            return (page, $"/GridWork/VisitToCase/{visit}", FormValues.Read(document, $"form[action$='/GridWork/VisitToCase/{visit}']"));
        }

        if (form == "member")
        {
            var member = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.HomeCommunity!.Name == "南区社区").OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
            var page = $"/PartyMembers/Edit/{member}";
            return (page, page, FormValues.Read(await client.GetDocumentAsync(page)));
        }

        // A case step, posted as its form would be (the enum left out is all that is wrong).
        var kase = await factory.WithDbAsync(db => db.Cases.Where(c => c.Community!.Name == "南区社区").OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Version, Party = c.Parties.Select(p => (int?)p.Id).FirstOrDefault() }).FirstAsync());
        var fields = new Dictionary<string, string> { ["version"] = kase.Version.ToString(), ["seen"] = "0" };
        switch (form)
        {
            case "AddParty": fields["kind"] = "Resident"; fields["role"] = "Complainant"; fields["name"] = "测试当事人"; break;
            case "AddTerm": fields["kind"] = "Repair"; fields["obligatedPartyId"] = $"{kase.Party ?? 0}"; fields["description"] = "测试条款"; fields["dueDate"] = "2030-01-01"; break;
            case "RecordFollowUp": fields["method"] = "Phone"; fields["satisfaction"] = "Satisfied"; fields["date"] = "2026-01-01"; break;
            case "CloseEarly": fields["closeKind"] = "Withdrawn"; fields["reason"] = "测试"; break;
        }
        return ($"/Cases/Details/{kase.Id}", $"/Cases/{form}/{kase.Id}", fields);
    }
}
