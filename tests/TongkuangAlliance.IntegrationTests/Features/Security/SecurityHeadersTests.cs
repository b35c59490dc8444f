using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace TongkuangAlliance.IntegrationTests.Features.Security;

/// <summary>
/// The browser protections on every kind of response, and HTTPS: outside Development plain http is redirected
/// to https (when the https port is known) and https answers carry HSTS; in Development neither.
/// </summary>
public sealed class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/Account/SignIn", HttpStatusCode.OK)]          // a page with a form
    [InlineData("/css/site.css", HttpStatusCode.OK)]            // a static file
    [InlineData("/health", HttpStatusCode.OK)]
    [InlineData("/Error/404", HttpStatusCode.NotFound)]         // the error page
    [InlineData("/Cases", HttpStatusCode.Redirect)]             // a redirect to sign in
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode status)
    {
        using var client = portal.CreatePortalClient();
        using var response = await client.GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_signed_in_page_carries_the_headers_too()
    {
        using var client = await portal.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.GetAsync("/Cases");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertSecurityHeaders(response);

        using var missing = await client.GetAsync("/Cases/Details/987654321");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing);
    }

    [Fact]
    public async Task The_policy_allows_no_inline_script_and_no_framing()
    {
        using var client = portal.CreatePortalClient();
        using var response = await client.GetAsync("/Account/SignIn");
        var policy = Directives(response);

        Assert.Equal("'self'", policy["script-src"]);
        Assert.Equal("'self'", policy["style-src"]);
        Assert.Equal("'self'", policy["default-src"]);
        Assert.Equal("'none'", policy["frame-ancestors"]);
        Assert.Equal("'self'", policy["form-action"]);
        Assert.Equal("'self'", policy["base-uri"]);
        Assert.DoesNotContain("unsafe", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style_the_policy_would_block()
    {
        using var client = await portal.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        foreach (var url in new[] { "/", "/Cases", "/Cases/Create", "/Activities", "/Accounts" })
        {
            var document = await client.GetDocumentAsync(url);
            Assert.Empty(document.QuerySelectorAll("script:not([src])"));
            Assert.Empty(document.QuerySelectorAll("style, [style]"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Https_answers_outside_development_carry_hsts_of_at_least_180_days()
    {
        // HSTS is never sent for localhost; a real host name, as behind the proxy.
        using var client = new PortalClient(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example") }));
        using var response = await client.GetAsync("/Account/SignIn");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(maxAge >= 180 * 24 * 3600, hsts);
    }

    [Fact]
    public async Task Plain_http_without_a_known_https_port_still_serves_forms_instead_of_failing()
    {
        // The old bug: a Secure-only antiforgery cookie made every form page a 500 over plain http.
        using var client = new PortalClient(portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") }));
        using var page = await client.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        using var signIn = await client.SignInAsync(PortalClient.Users.SubDistrict);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("microphone=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(",", values)
            : throw new Xunit.Sdk.XunitException($"{(int)response.StatusCode} {response.RequestMessage?.RequestUri} has no {name} header");

    private static Dictionary<string, string> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', 2))
            .ToDictionary(d => d[0], d => d.Length > 1 ? d[1] : "");
}

/// <summary>
/// Outside Development with the https port known (as behind a TLS-terminating proxy on the real Kestrel port):
/// plain http is redirected to https, a request the loopback proxy marks X-Forwarded-Proto: https is served
/// with HSTS.
/// </summary>
public sealed class HttpsBehindProxyTests : IDisposable
{
    private readonly ProductionPortal _portal = new();

    [Fact]
    public async Task Plain_http_is_redirected_and_proxied_https_gets_hsts()
    {
        _portal.StartServer();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _portal.ClientOptions.BaseAddress };

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn"))
        {
            request.Headers.Host = "portal.example";
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
            Assert.Equal("https://portal.example/Account/SignIn", response.Headers.Location?.OriginalString);
            SecurityHeadersTests.AssertSecurityHeaders(response);
        }

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/Account/SignIn"))
        {
            request.Headers.Host = "portal.example";
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
            SecurityHeadersTests.AssertSecurityHeaders(response);
        }
    }

    public void Dispose() => _portal.Dispose();

    private sealed class ProductionPortal : PortalFactory
    {
        public ProductionPortal() => UseKestrel(0);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["https_port"] = "443" }));
        }
    }
}

/// <summary>In Development plain http is served as it is (no redirect, no HSTS); the other headers stay.</summary>
public sealed class DevelopmentHttpTests : IDisposable
{
    private readonly DevelopmentPortal _portal = new();

    [Fact]
    public async Task Development_neither_redirects_nor_sends_hsts()
    {
        using var http = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://portal.example") });
        using var plain = await http.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        SecurityHeadersTests.AssertSecurityHeaders(plain);

        using var https = _portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://portal.example") });
        using var secure = await https.GetAsync("/Account/SignIn");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.False(secure.Headers.Contains("Strict-Transport-Security"));
    }

    public void Dispose() => _portal.Dispose();

    private sealed class DevelopmentPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
            builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["https_port"] = "443" }));
        }
    }
}
