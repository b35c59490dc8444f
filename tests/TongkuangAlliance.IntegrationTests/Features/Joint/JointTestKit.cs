using AngleSharp.Html.Dom;

namespace TongkuangAlliance.IntegrationTests.Features.Joint;

internal static class JointTestKit
{
    public static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts a form read from <paramref name="formPage"/> with <paramref name="changes"/> applied.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(PortalClient client, string formPage, string action, Dictionary<string, string> changes, string selector = "main form[method=post]")
    {
        var values = FormValues.Read(await client.GetDocumentAsync(formPage), selector);
        // FormValues reads every checkbox's value, ticked or not: a test says which boxes it ticks.
        foreach (var key in values.Keys.Where(k => k.EndsWith("Ids", StringComparison.Ordinal)).ToList()) values.Remove(key);
        foreach (var (key, value) in changes) values[key] = value;
        return await client.PostFormAsync(action, formPage, values);
    }

    /// <summary>A re-displayed form (200) parsed, or a failure naming what came back instead.</summary>
    public static async Task<IHtmlDocument> RedisplayedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    public static string Text(IHtmlDocument document, string selector) =>
        string.Join(" | ", document.QuerySelectorAll(selector).Select(e => string.Join(" ", e.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
}
