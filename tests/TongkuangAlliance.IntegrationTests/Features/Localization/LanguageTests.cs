namespace TongkuangAlliance.IntegrationTests.Features.Localization;

/// <summary>Issue 20, findings 9 and 10: a chosen language lasts, and names kept in two languages follow it.</summary>
[Collection(SharedPortal.Name)]
public sealed class LanguageTests(PortalFactory factory)
{
    [Fact]
    public async Task Culture_in_the_address_lasts_until_it_is_changed()
    {
        using var client = factory.CreatePortalClient();
        using (var page = await client.GetAsync("/Account/SignIn?culture=en")) Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The form's POST carries no ?culture=: it still answers in English.
        using var response = await client.SignInAsync(PortalClient.Users.NorthCommunity, "wrong-password-1");
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The user name or password is wrong.", HtmlAssert.Summary(document));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));

        // Changed by the switch (or another ?culture=), Chinese lasts in turn.
        using (await client.GetAsync("/Account/SignIn?culture=zh-CN")) { }
        using var again = await client.SignInAsync(PortalClient.Users.NorthCommunity, "wrong-password-1");
        Assert.Equal("用户名或密码错误。", HtmlAssert.Summary(await PortalClient.ParseAsync(await again.Content.ReadAsStringAsync())));
    }

    [Fact]
    public async Task An_unsupported_culture_in_the_address_is_ignored_and_not_remembered()
    {
        using var client = factory.CreatePortalClient();
        using var page = await client.GetAsync("/Account/SignIn?culture=xx-bogus");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal)));
        var document = await PortalClient.ParseAsync(await page.Content.ReadAsStringAsync());
        Assert.Equal("zh-CN", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task In_English_case_categories_show_their_English_names()
    {
        // The source report's case (its number follows registration order since issue 20 #15, so it is found by title).
        var story = await factory.WithDbAsync(db => db.Cases.Where(c => c.Title == global::TongkuangAlliance.Web.Infrastructure.DemoData.DemoCases.StoryCaseTitle)
            .Select(c => new { c.Id, c.Number, c.Category!.Name, c.Category.NameEn }).SingleAsync());
        var (caseId, number, name, nameEn) = (story.Id, story.Number, story.Name, story.NameEn);
        Assert.NotEqual(name, nameEn);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using (await client.GetAsync("/?culture=en")) { }

        var details = await client.GetDocumentAsync($"/Cases/Details/{caseId}");
        Assert.Contains(nameEn, HtmlAssert.MainText(details), StringComparison.Ordinal);
        Assert.DoesNotContain(name, HtmlAssert.MainText(details), StringComparison.Ordinal);

        var list = await client.GetDocumentAsync($"/Cases?q={number}");
        Assert.Contains(nameEn, HtmlAssert.MainText(list), StringComparison.Ordinal);
        Assert.DoesNotContain(name, HtmlAssert.MainText(list), StringComparison.Ordinal);

        var categories = await factory.WithDbAsync(db => db.CaseCategories.Where(c => c.IsActive).Select(c => c.NameEn).ToListAsync());
        var intake = await client.GetDocumentAsync("/Cases/Create");
        var options = intake.QuerySelectorAll("select[name='Input.CategoryId'] option").Select(o => o.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        Assert.Subset(options.ToHashSet(), categories.ToHashSet());
    }
}
