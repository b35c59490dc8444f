namespace TongkuangAlliance.IntegrationTests.Features.CaseCategories;

/// <summary>案件类别 admin. Own app: these tests change categories.</summary>
public sealed class CaseCategoriesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> Form(string name, string nameEn = "Noise", string accept = "1", string update = "3", string resolve = "20", bool active = true) => new()
    {
        ["Name"] = name, ["NameEn"] = nameEn, ["AcceptWithinDays"] = accept, ["UpdateEveryDays"] = update, ["ResolveWithinDays"] = resolve,
        ["SortOrder"] = "20", ["IsActive"] = active ? "true" : "false",
    };

    [Fact]
    public async Task The_list_shows_the_default_categories_with_their_deadlines()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var document = await client.GetDocumentAsync("/CaseCategories");
        var rows = FormValues.RowTexts(document);
        Assert.Contains(rows, r => r.Contains("市政设施", StringComparison.Ordinal) && r.Contains("Municipal facilities", StringComparison.Ordinal) && r.Contains("30", StringComparison.Ordinal));
        Assert.True(rows.Count >= 7);
    }

    [Fact]
    public async Task The_sub_district_adds_a_category_and_a_duplicate_name_is_a_message()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (var created = await client.PostFormAsync("/CaseCategories/Create", "/CaseCategories/Create", Form("噪音扰民")))
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var stored = await factory.WithDbAsync(db => db.CaseCategories.AsNoTracking().SingleAsync(c => c.Name == "噪音扰民"));
        Assert.Equal(20, stored.ResolveWithinDays);
        Assert.True(stored.IsActive);

        using var duplicate = await client.PostFormAsync("/CaseCategories/Create", "/CaseCategories/Create", Form(" 噪音扰民 "));
        Assert.Equal(HttpStatusCode.OK, duplicate.StatusCode);
        var document = await PortalClient.ParseAsync(await duplicate.Content.ReadAsStringAsync());
        Assert.Equal("已有同名的案件类别。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CaseCategories.CountAsync(c => c.Name == "噪音扰民")));
    }

    [Theory]
    [InlineData("AcceptWithinDays", "0", "受理时限（天）必须在 1 到 365 之间。")]
    [InlineData("ResolveWithinDays", "366", "化解时限（天）必须在 1 到 365 之间。")]
    [InlineData("UpdateEveryDays", "", "请填写更新间隔（天）。")]
    [InlineData("NameEn", "", "请填写英文名称。")]
    [InlineData("AcceptWithinDays", "40", "受理期限不能长于化解期限。")]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_stores_nothing(string field, string value, string message)
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var form = Form("无效类别" + field + value);
        form[field] = value;
        using var response = await client.PostFormAsync("/CaseCategories/Create", "/CaseCategories/Create", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, HtmlAssert.FieldError(document, field));
        Assert.Equal(0, await factory.WithDbAsync(db => db.CaseCategories.CountAsync(c => c.Name.StartsWith("无效类别"))));
    }

    [Fact]
    public async Task Editing_changes_the_deadlines_and_deactivates_without_deleting()
    {
        var category = await factory.WithDbAsync(db => db.CaseCategories.AsNoTracking().SingleAsync(c => c.Name == "家庭纠纷"));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var values = FormValues.Read(await client.GetDocumentAsync($"/CaseCategories/Edit/{category.Id}"));
        values["ResolveWithinDays"] = "45";
        values["IsActive"] = "false";

        using var response = await client.PostFormAsync($"/CaseCategories/Edit/{category.Id}", "/CaseCategories", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.CaseCategories.AsNoTracking().SingleAsync(c => c.Id == category.Id));
        Assert.Equal(45, after.ResolveWithinDays);
        Assert.False(after.IsActive);
        var list = await client.GetDocumentAsync("/CaseCategories");
        Assert.Contains(FormValues.RowTexts(list), r => r.Contains("家庭纠纷", StringComparison.Ordinal) && r.Contains("停用", StringComparison.Ordinal));

        // A stale form is refused with what the other person saved.
        values["Name"] = "家庭矛盾";
        using var stale = await client.PostFormAsync($"/CaseCategories/Edit/{category.Id}", "/CaseCategories", values);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var document = await PortalClient.ParseAsync(await stale.Content.ReadAsStringAsync());
        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(document), StringComparison.Ordinal);
        Assert.Equal("家庭纠纷", await factory.WithDbAsync(db => db.CaseCategories.Where(c => c.Id == category.Id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_category_is_not_found()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.GetAsync("/CaseCategories/Edit/999999");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
