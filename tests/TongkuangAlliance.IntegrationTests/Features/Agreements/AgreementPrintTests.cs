namespace TongkuangAlliance.IntegrationTests.Features.Agreements;

/// <summary>调解协议书: the printable agreement of a case.</summary>
[Collection(SharedPortal.Name)]
public sealed class AgreementPrintTests(PortalFactory factory)
{
    [Fact]
    public async Task The_story_agreement_lists_parties_the_three_terms_amounts_and_signature_lines()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var document = await client.GetDocumentAsync($"/Agreements/Print/{ids.StoryCase}");
        var text = document.Body!.TextContent;

        Assert.Equal("调解协议书", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(document.QuerySelector("#portal-menu"));
        Assert.NotNull(document.QuerySelector("link[href*='css/print.css']"));
        Assert.Contains("JF2020-", text, StringComparison.Ordinal);
        var terms = document.QuerySelectorAll("ol.agreement-terms li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, terms.Count);
        Assert.Contains("铜矿工程部", terms[0], StringComparison.Ordinal);
        Assert.Contains("4 盏路灯", terms[0], StringComparison.Ordinal);
        Assert.Contains("¥2,000.00", terms[1], StringComparison.Ordinal);
        Assert.Contains("贰仟元整", terms[1], StringComparison.Ordinal);
        Assert.Contains("安全护栏", terms[2], StringComparison.Ordinal);
        Assert.Contains("大茅山建设公司", terms[2], StringComparison.Ordinal);
        Assert.Contains("中共南区社区委员会", text, StringComparison.Ordinal);

        var signatures = document.QuerySelectorAll(".signature-line").Select(s => s.TextContent).ToList();
        Assert.Equal(4, signatures.Count);
        Assert.Contains(signatures, s => s.Contains("刘贤英", StringComparison.Ordinal));
        Assert.Contains(signatures, s => s.Contains("调解员", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_case_page_links_to_its_printable_agreement()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var page = await client.GetDocumentAsync($"/Cases/Details/{ids.StoryCase}");
        var link = page.QuerySelectorAll("main a").Single(a => a.TextContent.Trim() == "打印调解协议书");
        Assert.Equal($"/Agreements/Print/{ids.StoryCase}", link.GetAttribute("href"));
        await client.GetDocumentAsync(link.GetAttribute("href")!);
    }

    [Fact]
    public async Task A_case_without_terms_says_there_is_nothing_to_print()
    {
        var caseId = await factory.WithDbAsync(db => db.Cases.Where(c => c.Title == "北苑小区楼上楼下噪音纠纷").Select(c => c.Id).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        var document = await client.GetDocumentAsync($"/Agreements/Print/{caseId}");
        Assert.Contains("本案尚无协议条款", document.QuerySelector(".no-terms")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll(".signature-line"));
    }

    [Fact]
    public async Task Another_community_gets_not_found_and_a_unit_is_refused()
    {
        var ids = await factory.DemoIdsAsync();
        using (var north = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity))
        using (var response = await north.GetAsync($"/Agreements/Print/{ids.StoryCase}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("刘贤英", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        using var refused = await unit.GetAsync($"/Agreements/Print/{ids.StoryCase}");
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden
            || (refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal)),
            $"{(int)refused.StatusCode} {refused.Headers.Location}");
    }

    [Fact]
    public async Task The_agreement_is_available_in_english()
    {
        var ids = await factory.DemoIdsAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync($"/Agreements/Print/{ids.StoryCase}?culture=en");
        Assert.Equal("Mediation agreement", document.QuerySelector("h1")!.TextContent.Trim());
    }
}
