using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace TongkuangAlliance.IntegrationTests.Features.Residents;

/// <summary>The residents' channel: a public form from a building's QR link becomes a case in the grid's queue; status by number + phone.</summary>
public sealed class ResidentChannelTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Phone = "13607931234";

    private async Task<(int BuildingId, int GridId, int CompoundId, int CommunityId)> BuildingAsync() =>
        await factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == "建安小区" && b.Name == "2栋")
            .Select(b => new ValueTuple<int, int, int, int>(b.Id, b.GridId, b.CompoundId, b.Grid!.CommunityId)).SingleAsync());

    private static Dictionary<string, string> Form(int buildingId, string description = "楼道灯坏了好几天，晚上很黑，老人上下楼不方便。") => new()
    {
        ["Input.Kind"] = "Request",
        ["Input.BuildingId"] = $"{buildingId}",
        ["Input.PlaceDetail"] = "1 单元三楼",
        ["Input.Description"] = description,
        ["Input.Name"] = "李女士",
        ["Input.Phone"] = Phone,
        ["Input.Website"] = "",
    };

    private Task<int> CaseCountAsync() => factory.WithDbAsync(db => db.Cases.CountAsync());

    [Fact]
    public async Task A_resident_submits_from_the_QR_link_and_the_case_lands_in_the_grid_queue()
    {
        var place = await BuildingAsync();
        using var resident = factory.CreatePortalClient();

        var form = await resident.GetDocumentAsync($"/Residents/Report?building={place.BuildingId}");
        Assert.Contains("建安小区 · 2栋", form.QuerySelector(".resident-place")!.TextContent);
        Assert.Null(form.QuerySelector("select[name='Input.BuildingId']"));

        using var response = await resident.PostFormAsync("/Residents/Report", $"/Residents/Report?building={place.BuildingId}", Form(place.BuildingId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var submitted = await resident.GetDocumentAsync(response.Headers.Location!.OriginalString);
        var number = submitted.QuerySelector("[data-case-number]")!.GetAttribute("data-case-number")!;
        Assert.StartsWith("JF", number, StringComparison.Ordinal);

        var kase = await factory.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Number == number));
        Assert.Equal(CaseSource.ResidentOnline, kase.Source);
        Assert.Equal(CaseStatus.Registered, kase.Status);
        Assert.Equal((place.BuildingId, place.GridId, place.CompoundId, place.CommunityId), (kase.BuildingId!.Value, kase.GridId!.Value, kase.CompoundId!.Value, kase.CommunityId));
        Assert.Equal(Phone, kase.ReporterPhone);
        Assert.Contains("1 单元三楼", kase.Description, StringComparison.Ordinal);

        // The number is shown once: a reload goes back to the form.
        using var again = await resident.GetAsync("/Residents/Submitted");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);

        // The grid worker of that grid finds it in its queue.
        using var worker = await factory.CreatePortalClient().SignedInAsAsync("wangge-nanqu1");
        var myGrid = await worker.GetDocumentAsync("/GridWork");
        Assert.Contains(number, myGrid.QuerySelector(".grid-cases")!.TextContent);
    }

    [Fact]
    public async Task Status_shows_number_status_and_dates_only_and_a_wrong_phone_reads_like_an_unknown_number()
    {
        var place = await BuildingAsync();
        using var resident = factory.CreatePortalClient();
        using var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", Form(place.BuildingId, "小区门口的井盖松动，踩上去会晃，担心有人摔倒。"));
        var number = (await resident.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("[data-case-number]")!.GetAttribute("data-case-number")!;

        using var ok = await resident.PostFormAsync("/Residents/Status", "/Residents/Status", new() { ["Input.Number"] = number.ToLowerInvariant(), ["Input.Phone"] = Phone });
        var found = await PortalClient.ParseAsync(await ok.Content.ReadAsStringAsync());
        var result = found.QuerySelector(".resident-status")!.TextContent;
        Assert.Contains(number, result);
        Assert.Contains("已登记", result);
        var main = HtmlAssert.MainText(found);
        Assert.DoesNotContain("井盖", main);
        Assert.DoesNotContain("李女士", main);

        async Task<string> LookupAsync(string n, string phone)
        {
            using var r = await resident.PostFormAsync("/Residents/Status", "/Residents/Status", new() { ["Input.Number"] = n, ["Input.Phone"] = phone });
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var doc = await PortalClient.ParseAsync(await r.Content.ReadAsStringAsync());
            Assert.Null(doc.QuerySelector(".resident-status"));
            return doc.QuerySelector(".resident-status-none")!.TextContent.Trim();
        }
        var wrongPhone = await LookupAsync(number, "13900000000");
        var unknownNumber = await LookupAsync("JF1999-9999", Phone);
        Assert.Equal(unknownNumber, wrongPhone);
    }

    [Theory]
    [InlineData("Input.Description", "", "请填写")]
    [InlineData("Input.Description", "。。。。。。。", "文字")]
    [InlineData("Input.Description", "aaaaaaaaaaaa", "文字")]
    [InlineData("Input.Description", "1234567890", "文字")]
    [InlineData("Input.Description", "优惠多多 请访问 http://spam.example.com 领取", "网址")]
    [InlineData("Input.Description", "<script>alert('x')</script> 楼道灯坏了", "代码")]
    [InlineData("Input.Phone", "12345", "电话")]
    [InlineData("Input.Phone", "", "请填写")]
    [InlineData("Input.Name", "", "请填写")]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_stores_nothing(string field, string value, string message)
    {
        var place = await BuildingAsync();
        var before = await CaseCountAsync();
        using var resident = factory.CreatePortalClient();
        var form = Form(place.BuildingId);
        form[field] = value;

        using var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, HtmlAssert.FieldError(page, field));
        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task Ten_thousand_characters_a_missing_place_a_foreign_building_and_a_filled_honeypot_are_refused_without_a_500()
    {
        var place = await BuildingAsync();
        var before = await CaseCountAsync();
        using var resident = factory.CreatePortalClient();

        var huge = Form(place.BuildingId, new string('楼', 10_000));
        huge["Input.Name"] = new string('王', 10_000);
        huge["Input.PlaceDetail"] = new string('x', 10_000);
        using (var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", huge))
        {
            var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("不能超过", HtmlAssert.FieldError(page, "Input.Description"));
            Assert.Contains("不能超过", HtmlAssert.FieldError(page, "Input.Name"));
        }

        var nowhere = Form(place.BuildingId);
        nowhere.Remove("Input.BuildingId");
        using (var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", nowhere))
            Assert.Contains("社区", HtmlAssert.FieldError(await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync()), "Input.CommunityId"));

        using (var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", Form(999_999)))
            Assert.NotEqual("", HtmlAssert.FieldError(await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync()), "Input.BuildingId"));

        var bot = Form(place.BuildingId);
        bot["Input.Website"] = "http://bot.example";
        using (var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", bot))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("未成功", HtmlAssert.Summary(await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync())));
        }

        Assert.Equal(before, await CaseCountAsync());
    }

    [Fact]
    public async Task An_unknown_building_in_the_link_shows_the_plain_form()
    {
        using var resident = factory.CreatePortalClient();
        var page = await resident.GetDocumentAsync("/Residents/Report?building=999999");
        Assert.Null(page.QuerySelector(".resident-place"));
        Assert.NotNull(page.QuerySelector("select[name='Input.BuildingId']"));
    }
}

/// <summary>The app with the residents' form limited to 3 accepted submissions and 8 posts per address and window.</summary>
public sealed class StrictResidentLimitFactory : PortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ResidentChannel:SubmitPermitLimit"] = "3",
            ["ResidentChannel:PostPermitLimit"] = "8",
            ["ResidentChannel:LookupPermitLimit"] = "2",
            ["ResidentChannel:WindowMinutes"] = "10",
        }));
    }
}

public sealed class ResidentRateLimitTests(StrictResidentLimitFactory factory) : IClassFixture<StrictResidentLimitFactory>
{
    [Fact]
    public async Task A_burst_from_one_address_gets_a_polite_localized_429_and_stores_nothing_more()
    {
        var building = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == "南山小区").Select(b => b.Id).FirstAsync());
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());
        using var resident = factory.CreatePortalClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", new()
            {
                ["Input.Kind"] = "Request",
                ["Input.BuildingId"] = $"{building}",
                ["Input.Description"] = $"第 {i + 1} 次反映：小区路面坑洼积水，出行不便。",
                ["Input.Name"] = "张先生",
                ["Input.Phone"] = "13807930000",
            });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
                Assert.Contains("太频繁", HtmlAssert.MainText(page));
            }
        }
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(before + 3, await factory.WithDbAsync(db => db.Cases.CountAsync()));

        // Look-ups have their own, separate allowance.
        var lookups = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await resident.PostFormAsync("/Residents/Status", "/Residents/Status", new() { ["Input.Number"] = "JF1999-0001", ["Input.Phone"] = "13807930000" });
            lookups.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], lookups);

        // The English page says it in English.
        using var english = factory.CreatePortalClient();
        using (await english.PostFormAsync("/Culture/Set", "/Residents/Report", new() { ["culture"] = "en", ["returnUrl"] = "/" })) { }
        using var refused = await english.PostFormAsync("/Residents/Report", "/Residents/Report", new() { ["Input.Description"] = "" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("too often", HtmlAssert.MainText(await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync())));
    }
}

/// <summary>Issue 20 finding 5: only accepted submissions use up the allowance; all posts have a separate, higher limit.</summary>
public sealed class ResidentAllowanceTests(StrictResidentLimitFactory factory) : IClassFixture<StrictResidentLimitFactory>
{
    [Fact]
    public async Task Rejected_forms_do_not_use_up_the_allowance_but_all_posts_have_a_higher_limit()
    {
        var building = await factory.WithDbAsync(db => db.Buildings.Where(b => b.Compound!.Name == "南山小区").Select(b => b.Id).FirstAsync());
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());
        using var resident = factory.CreatePortalClient().FromAddress("198.51.100.5");
        async Task<HttpStatusCode> PostAsync(string description)
        {
            using var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", new()
            {
                ["Input.Kind"] = "Request",
                ["Input.BuildingId"] = $"{building}",
                ["Input.Description"] = description,
                ["Input.Name"] = "张先生",
                ["Input.Phone"] = "13807930000",
            });
            return response.StatusCode;
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++) statuses.Add(await PostAsync(""));
        for (var i = 0; i < 4; i++) statuses.Add(await PostAsync($"第 {i + 1} 次反映：小区路面坑洼积水，出行不便。"));
        statuses.Add(await PostAsync(""));
        Assert.Equal(
        [
            HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, // four empty forms: refused, not counted
            HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, // three accepted
            HttpStatusCode.TooManyRequests, // the fourth accepted one is over the allowance
            HttpStatusCode.TooManyRequests, // and the ninth post of any kind is over the limit on all posts
        ], statuses);
        Assert.Equal(before + 3, await factory.WithDbAsync(db => db.Cases.CountAsync()));

        // Another address: eight empty forms are answered, the ninth post is refused.
        using var other = factory.CreatePortalClient().FromAddress("198.51.100.6");
        var empty = new List<HttpStatusCode>();
        for (var i = 0; i < 9; i++)
        {
            using var response = await other.PostFormAsync("/Residents/Report", "/Residents/Report", new() { ["Input.Description"] = "" });
            empty.Add(response.StatusCode);
        }
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 8), HttpStatusCode.TooManyRequests], empty);
    }

    /// <summary>Issue 20 finding 6: the 429 page leads a resident back to the form or the lookup, and a refused lookup speaks of look-ups.</summary>
    [Fact]
    public async Task The_429_page_leads_back_to_the_form_and_the_lookup_and_a_refused_lookup_speaks_of_look_ups()
    {
        using var resident = factory.CreatePortalClient().FromAddress("198.51.100.7");
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 9 && refused is null; i++)
        {
            var response = await resident.PostFormAsync("/Residents/Report", "/Residents/Report", new() { ["Input.Description"] = "" });
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }
        Assert.NotNull(refused);
        var page = await PortalClient.ParseAsync(await refused.Content.ReadAsStringAsync());
        refused.Dispose();
        var links = page.QuerySelectorAll("main a[href]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains("/Residents/Report", links);
        Assert.Contains("/Residents/Status", links);
        Assert.DoesNotContain("/", links);
        Assert.DoesNotContain(links, href => href.Contains("SignIn", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("提交过于频繁", HtmlAssert.MainText(page));

        var statuses = new List<HttpStatusCode>();
        string? lookupPage = null;
        for (var i = 0; i < 3; i++)
        {
            using var response = await resident.PostFormAsync("/Residents/Status", "/Residents/Status", new() { ["Input.Number"] = "JF1999-0001", ["Input.Phone"] = "13807930000" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) lookupPage = await response.Content.ReadAsStringAsync();
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        var lookup = HtmlAssert.MainText(await PortalClient.ParseAsync(lookupPage!));
        Assert.Contains("查询过于频繁，请稍后再试", lookup);
        Assert.DoesNotContain("提交", lookup);
    }
}
