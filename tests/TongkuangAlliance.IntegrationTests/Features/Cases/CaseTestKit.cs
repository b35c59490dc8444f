using AngleSharp.Html.Dom;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>What the case tests do through the pages: register a case, read its version, post a step.</summary>
internal static class CaseTestKit
{
    public const string StoryPhone = "13907930606";

    public static string ChinaNow(double addHours = 0) =>
        ChinaTime.FromUtc(DateTime.UtcNow.AddHours(addHours)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public static string ChinaToday(int addDays = 0) =>
        DateOnly.FromDateTime(ChinaTime.FromUtc(DateTime.UtcNow)).AddDays(addDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The 南区 intake of 刘贤英's fall, as the form sends it; override fields to break it.</summary>
    public static async Task<Dictionary<string, string>> IntakeAsync(PortalFactory factory, string title = "路灯损坏致居民夜间摔伤")
    {
        var (compound, category) = await factory.WithDbAsync(async db => (
            await db.Compounds.Where(c => c.Name == "建安小区").Select(c => c.Id).SingleAsync(),
            await db.CaseCategories.Where(c => c.Name == "人身损害赔偿").Select(c => c.Id).SingleAsync()));
        return new()
        {
            ["Input.Kind"] = "Dispute",
            ["Input.Source"] = "WalkIn",
            ["Input.ReporterName"] = "刘贤英",
            ["Input.ReporterPhone"] = StoryPhone,
            ["Input.CompoundId"] = $"{compound}",
            ["Input.CategoryId"] = $"{category}",
            ["Input.Title"] = title,
            ["Input.Description"] = "建安小区路灯损坏 4 盏，污水管道施工沟槽未设围挡，居民夜间经过时摔伤。",
            ["Input.OccurredAt"] = ChinaNow(-48),
            ["Input.Urgency"] = "Urgent",
        };
    }

    /// <summary>Registers a case through the intake form and returns its id.</summary>
    public static async Task<int> RegisterAsync(PortalClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostFormAsync("/Cases/Create", "/Cases/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Cases/Details/", location, StringComparison.Ordinal);
        return int.Parse(location["/Cases/Details/".Length..], CultureInfo.InvariantCulture);
    }

    public static async Task<string> VersionAsync(PortalClient client, int id)
    {
        var page = await client.GetDocumentAsync($"/Cases/Details/{id}");
        return page.QuerySelector("input[name=version]")?.GetAttribute("value")
               ?? throw new InvalidOperationException("No step form on the case page");
    }

    /// <summary>Posts one step with the case's current version.</summary>
    public static async Task<HttpResponseMessage> StepAsync(PortalClient client, int id, string action, Dictionary<string, string>? fields = null, string? version = null)
    {
        var form = new Dictionary<string, string>(fields ?? new Dictionary<string, string>())
        {
            ["version"] = version ?? await VersionAsync(client, id),
        };
        return await client.PostFormAsync($"/Cases/{action}/{id}", $"/Cases/Details/{id}", form);
    }

    /// <summary>A step that must succeed (redirect back to the case).</summary>
    public static async Task DoAsync(PortalClient client, int id, string action, Dictionary<string, string>? fields = null)
    {
        using var response = await StepAsync(client, id, action, fields);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Fail($"{action} answered {(int)response.StatusCode}: {HtmlAssert.Summary(page)}");
        }
    }

    /// <summary>A step that must be refused: the case page again (200) with the message.</summary>
    public static async Task<IHtmlDocument> RefusedAsync(PortalClient client, int id, string action, Dictionary<string, string>? fields = null, string? version = null)
    {
        using var response = await StepAsync(client, id, action, fields, version);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }
}
