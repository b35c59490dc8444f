using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace TongkuangAlliance.IntegrationTests.Features.Grids;

/// <summary>What a user does on the grid pages: open a form as it is filled in now, change some fields, submit it.</summary>
internal static partial class GridPages
{
    /// <summary>The fields of the page's post form with the values they show (a user's starting point).</summary>
    public static async Task<Dictionary<string, string>> OpenFormAsync(this PortalClient client, string url)
    {
        var document = await client.GetDocumentAsync(url);
        var form = document.QuerySelector("main form[method=post]") ?? throw new InvalidOperationException($"No form on {url}");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (input.Name is null or "__RequestVerificationToken" || input.Type is "checkbox" or "submit") continue;
            fields[input.Name] = input.Value;
        }
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
            fields[select.Name!] = select.Value ?? "";
        return fields;
    }

    /// <summary>Opens the form at <paramref name="url"/>, applies <paramref name="changes"/> and posts it back.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this PortalClient client, string url, Dictionary<string, string> changes)
    {
        var fields = await client.OpenFormAsync(url);
        foreach (var (key, value) in changes) fields[key] = value;
        return await client.PostFormAsync(url, url, fields);
    }

    /// <summary>The re-displayed form after a refused post (200), for reading its messages.</summary>
    public static async Task<IHtmlDocument> RedisplayedAsync(this HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The rows of the grid list on /Grids (one per grid).</summary>
    public static async Task<List<(string Grid, string Community, string Text, int VacancyBadges)>> GridRowsAsync(this PortalClient client, string url)
    {
        var document = await client.GetDocumentAsync(url);
        return document.QuerySelectorAll("main table tbody tr")
            .Select(r => (r.QuerySelector("td")!.TextContent.Trim(), r.QuerySelectorAll("td")[1].TextContent.Trim(), r.TextContent, r.QuerySelectorAll(".badge").Length))
            .ToList();
    }

    /// <summary>The two vacancy figures of the sub-district home page ("网格长空缺 X 个，楼栋长空缺 Y 个").</summary>
    public static async Task<(int GridChiefs, int BuildingChiefs)> SubDistrictVacanciesAsync(this PortalClient client)
    {
        var alert = (await client.GetDocumentAsync("/")).QuerySelector("main .alert-warning")?.TextContent ?? "";
        var match = SubDistrictVacancy().Match(alert);
        return match.Success ? (Number(match.Groups[1].Value), Number(match.Groups[2].Value)) : (0, 0);
    }

    /// <summary>The building-chief vacancy figure of a community's home page ("有 X 栋楼的楼栋长空缺").</summary>
    public static async Task<int> CommunityBuildingVacanciesAsync(this PortalClient client)
    {
        var alert = (await client.GetDocumentAsync("/")).QuerySelector("main .alert-warning")?.TextContent ?? "";
        var match = CommunityVacancy().Match(alert);
        return match.Success ? Number(match.Groups[1].Value) : 0;
    }

    public static Task<int> GridIdAsync(this PortalFactory factory, string community, string grid) =>
        factory.WithDbAsync(db => db.Grids.Where(g => g.Community!.Name == community && g.Name == grid).Select(g => g.Id).SingleAsync());

    public static Task<int> BuildingIdAsync(this PortalFactory factory, string compound, string building) =>
        factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == compound && b.Name == building).Select(b => b.Id).SingleAsync());

    private static int Number(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"网格长空缺 (\d+) 个，楼栋长空缺 (\d+) 个")]
    private static partial Regex SubDistrictVacancy();

    [GeneratedRegex(@"有 (\d+) 栋楼的楼栋长空缺")]
    private static partial Regex CommunityVacancy();
}
