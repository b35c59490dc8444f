using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>An HTTP client that keeps its cookies, signs in through the real form, and posts forms with their antiforgery token.</summary>
public sealed class PortalClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    /// <summary>Demo personas used across the tests (see DemoCatalog and README).</summary>
    public static class Users
    {
        public const string SubDistrict = "jiedao";
        public const string SouthCommunity = "nanqu";
        public const string NorthCommunity = "beiqu";
        public const string EngineeringUnit = "unit02";
        public const string MiddleSchoolUnit = "unit09";
    }

    public async Task<HttpResponseMessage> SignInAsync(string userName, string password = PortalFactory.DemoPassword)
    {
        var response = await PostFormAsync("/Account/SignIn", "/Account/AccessDenied", new() { ["UserName"] = userName, ["Password"] = password });
        return response;
    }

    /// <summary>Signs in and fails the test if that did not work.</summary>
    public async Task<PortalClient> SignedInAsAsync(string userName)
    {
        using var response = await SignInAsync(userName);
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Sign-in as {userName} failed: {(int)response.StatusCode}");
        return this;
    }

    /// <summary>Makes every further request of this client come from <paramref name="address"/> (see <see cref="TestClientAddress"/>).</summary>
    public PortalClient FromAddress(string address)
    {
        Http.DefaultRequestHeaders.Remove(TestClientAddress.Header);
        Http.DefaultRequestHeaders.Add(TestClientAddress.Header, address);
        return this;
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(url);

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var response = await Http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        return await Parser.ParseDocumentAsync(html);
    }

    public static Task<IHtmlDocument> ParseAsync(string html) => Parser.ParseDocumentAsync(html);

    /// <summary>Reads an antiforgery token from <paramref name="formPage"/>: any page works, the layout has a form (the language switch).</summary>
    public async Task<string> AntiforgeryTokenAsync(string formPage = "/Account/AccessDenied")
    {
        using var response = await Http.GetAsync(formPage);
        var document = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        return token ?? throw new InvalidOperationException($"No antiforgery token on {formPage} ({(int)response.StatusCode})");
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="url"/> with a token read from <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string tokenPage, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync(tokenPage);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(body);
        return await Http.PostAsync(url, content);
    }

    /// <summary>Posts without any antiforgery token, as a forged cross-site request would.</summary>
    public async Task<HttpResponseMessage> PostWithoutTokenAsync(string url, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await Http.PostAsync(url, content);
    }

    public void Dispose() => Http.Dispose();
}
