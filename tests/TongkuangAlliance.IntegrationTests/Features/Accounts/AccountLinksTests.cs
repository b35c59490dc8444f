namespace TongkuangAlliance.IntegrationTests.Features.Accounts;

/// <summary>
/// The account pages are served by three controllers (list and details, the forms, access) under the one /Accounts
/// address: every link and form of each page still points at /Accounts/… Read-only: it changes no account.
/// </summary>
public sealed class AccountLinksTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Every_account_page_links_and_posts_under_Accounts()
    {
        var ids = await factory.DemoIdsAsync();
        var id = ids.XincunAccount;
        using var admin = factory.CreatePortalClient();
        await admin.SignedInAsAsync(PortalClient.Users.SubDistrict);

        var index = await admin.GetDocumentAsync("/Accounts");
        Assert.NotNull(index.QuerySelector("main a[href='/Accounts/Create']"));
        Assert.NotNull(index.QuerySelector("main a[href^='/Accounts/Details/']"));

        var details = await admin.GetDocumentAsync($"/Accounts/Details/{id}");
        Assert.NotNull(details.QuerySelector($"main a[href='/Accounts/Edit/{id}']"));
        Assert.NotNull(details.QuerySelector($"main a[href='/Accounts/ResetPassword/{id}']"));
        var actions = details.QuerySelectorAll("main form[method='post']").Select(f => f.GetAttribute("action")).ToList();
        Assert.Contains($"/Accounts/Lock/{id}", actions);
        Assert.Contains($"/Accounts/Deactivate/{id}", actions);

        foreach (var (page, post) in new[]
                 {
                     ("/Accounts/Create", "/Accounts/Create"),
                     ($"/Accounts/Edit/{id}", $"/Accounts/Edit/{id}"),
                     ($"/Accounts/ResetPassword/{id}", $"/Accounts/ResetPassword/{id}"),
                 })
        {
            var form = await admin.GetDocumentAsync(page);
            Assert.Equal(post, form.QuerySelector("main form[method='post']")!.GetAttribute("action"));
            Assert.NotNull(form.QuerySelector("a[href='/Accounts']"));
        }
    }
}
