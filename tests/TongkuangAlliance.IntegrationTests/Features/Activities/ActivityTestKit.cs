namespace TongkuangAlliance.IntegrationTests.Features.Activities;

/// <summary>What the activity tests do through the pages: fill the scheduling form, post it, read the new id.</summary>
internal static class ActivityTestKit
{
    public static string China(DateTime utc) => ChinaTime.FromUtc(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>A 南区 service day at 建安小区 (理发 with 2 volunteers, 义诊 with 3), starting <paramref name="startInDays"/> from now.</summary>
    public static async Task<Dictionary<string, string>> ServiceDayAsync(PortalFactory factory, double startInDays, string title = "建安小区便民接待日（测试）",
        string compoundName = "建安小区", double hours = 3)
    {
        var (compound, haircut, clinic, unit) = await factory.WithDbAsync(async db => (
            await db.Compounds.Where(c => c.Name == compoundName).Select(c => c.Id).SingleAsync(),
            await db.ServiceKinds.Where(k => k.Name == "理发").Select(k => k.Id).SingleAsync(),
            await db.ServiceKinds.Where(k => k.Name == "义诊").Select(k => k.Id).SingleAsync(),
            await db.MemberUnits.Where(u => u.Name == "铜矿工程部").Select(u => u.Id).SingleAsync()));
        var start = DateTime.UtcNow.AddDays(startInDays);
        return new()
        {
            ["Input.Kind"] = "ServiceDay",
            ["Input.Stream"] = "",
            ["Input.Title"] = title,
            ["Input.CompoundId"] = $"{compound}",
            ["Input.Place"] = "建安小区广场",
            ["Input.StartAt"] = China(start),
            ["Input.EndAt"] = China(start.AddHours(hours)),
            ["Input.Organiser"] = "CommunityCommittee",
            ["Input.OrganiserUnitId"] = "",
            ["Input.Description"] = "理发、义诊进小区。",
            ["Input.Services[0].ServiceKindId"] = $"{haircut}",
            ["Input.Services[0].Offered"] = "true",
            ["Input.Services[0].Volunteers"] = "2",
            ["Input.Services[1].ServiceKindId"] = $"{clinic}",
            ["Input.Services[1].Offered"] = "true",
            ["Input.Services[1].Volunteers"] = "3",
            ["Input.UnitIds"] = $"{unit}",
            ["Input.ConfirmOverlap"] = "false",
        };
    }

    public static async Task<int> ScheduleAsync(PortalClient client, Dictionary<string, string> form)
    {
        using var response = await client.PostFormAsync("/Activities/Create", "/Activities/Create", form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/Activities/Details/", location, StringComparison.Ordinal);
        return int.Parse(location["/Activities/Details/".Length..], CultureInfo.InvariantCulture);
    }

    public static async Task<string> VersionAsync(PortalClient client, int id)
    {
        var page = await client.GetDocumentAsync($"/Activities/Details/{id}");
        return page.QuerySelector("input[name=version]")?.GetAttribute("value") ?? throw new InvalidOperationException("No step form on the activity page");
    }
}
