namespace TongkuangAlliance.IntegrationTests.Features.Account;

[Collection(SharedPortal.Name)]
public sealed class SignInTests(PortalFactory factory)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Communities")]
    [InlineData("/Communities/Details/1")]
    public async Task Anonymous_requests_to_a_page_go_to_sign_in(string url)
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/Account/SignIn?ReturnUrl=", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_shows_a_localized_error_in_Chinese_by_default()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.SignInAsync(PortalClient.Users.NorthCommunity, "wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("用户名或密码错误。", HtmlAssert.Summary(document));
    }

    [Fact]
    public async Task Wrong_password_shows_the_error_in_English_when_English_is_chosen()
    {
        using var client = factory.CreatePortalClient();
        using (await client.PostFormAsync("/Culture/Set", "/Account/SignIn", new() { ["culture"] = "en", ["returnUrl"] = "/Account/SignIn" })) { }
        using var response = await client.SignInAsync(PortalClient.Users.NorthCommunity, "wrong-password-1");
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("The user name or password is wrong.", HtmlAssert.Summary(document));
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Empty_sign_in_form_names_the_missing_fields()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.PostFormAsync("/Account/SignIn", "/Account/SignIn", new() { ["UserName"] = "", ["Password"] = "" });
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("请填写用户名。", HtmlAssert.FieldError(document, "UserName"));
        Assert.Equal("请填写密码。", HtmlAssert.FieldError(document, "Password"));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.PostFormAsync("/Account/SignIn", "/Account/SignIn", new()
        {
            ["UserName"] = PortalClient.Users.NorthCommunity, ["Password"] = PortalFactory.DemoPassword, ["ReturnUrl"] = "https://evil.example/",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_post_without_antiforgery_token_is_refused()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.PostWithoutTokenAsync("/Account/SignIn", new() { ["UserName"] = "jiedao", ["Password"] = PortalFactory.DemoPassword });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        using (var home = await client.GetAsync("/")) Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        using (var signOut = await client.PostFormAsync("/Account/SignOut", "/", [])) Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        using var after = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_secure_and_same_site()
    {
        using var client = factory.CreatePortalClient();
        using var response = await client.SignInAsync(PortalClient.Users.NorthCommunity);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("tk.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
