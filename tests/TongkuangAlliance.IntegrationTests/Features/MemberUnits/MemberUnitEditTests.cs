using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.MemberUnits;

/// <summary>
/// Creating and editing units. These change data, so they run on an app of their own; each test works on
/// a different unit, so their order does not matter.
/// </summary>
public sealed class MemberUnitEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> NewUnit(string name, string? contactName = "周红", string? contactPhone = "13907931234") => new()
    {
        ["Name"] = name,
        ["Kind"] = nameof(MemberUnitKind.Institution),
        ["PartyOrganisationName"] = $"{name}党支部",
        ["Contact.Name"] = contactName ?? "",
        ["Contact.Phone"] = contactPhone ?? "",
    };

    private Task<int> UnitCountAsync() => factory.WithDbAsync(db => db.MemberUnits.CountAsync());

    private Task<MemberUnit> UnitAsync(string name) => factory.WithDbAsync(db => db.MemberUnits.AsNoTracking().SingleAsync(u => u.Name == name));

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Sub_district_adds_a_unit_and_lands_on_its_page()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", NewUnit("铜矿街道文化站"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var unit = await UnitAsync("铜矿街道文化站");
        Assert.Equal($"/MemberUnits/Details/{unit.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal(MemberUnitKind.Institution, unit.Kind);
        Assert.Equal("周红", unit.Contact!.Name);
        Assert.Equal("13907931234", unit.Contact.Phone);

        var page = await client.GetDocumentAsync($"/MemberUnits/Details/{unit.Id}");
        Assert.Contains("已新增成员单位“铜矿街道文化站”。", page.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("事业单位", HtmlAssert.MainText(page), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='tel:13907931234']"));
        Assert.Contains("该单位还没有结对社区", HtmlAssert.MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_without_a_contact_can_be_added()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", NewUnit("铜矿街道老年大学", contactName: null, contactPhone: null));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await UnitAsync("铜矿街道老年大学")).Contact);
    }

    [Fact]
    public async Task A_duplicate_name_is_a_message_next_to_the_name_and_nothing_is_added()
    {
        var before = await UnitCountAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", NewUnit(" 铜矿中学 "));

        var document = await ParseAsync(response);
        Assert.Equal("本街道已有同名成员单位。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal(before, await UnitCountAsync());
    }

    [Fact]
    public async Task An_over_long_name_is_a_message_and_nothing_is_added()
    {
        var before = await UnitCountAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", NewUnit(new string('铜', 101)));

        var document = await ParseAsync(response);
        Assert.Equal("单位名称不能超过 100 个字。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal(before, await UnitCountAsync());
    }

    [Theory]
    [InlineData("周红", "12345", "Contact.Phone", "请填写有效的电话号码（11 位手机号，或带区号的座机号，如 0793-7512001）。")]
    [InlineData("周红", "", "Contact.Phone", "填写了姓名，请同时填写电话。")]
    [InlineData("", "13907931234", "Contact.Name", "填写了电话，请同时填写姓名。")]
    [InlineData("   ", "13907931234", "Contact.Name", "填写了电话，请同时填写姓名。")]
    public async Task A_bad_or_half_contact_is_a_message_next_to_the_field_and_nothing_is_added(string name, string phone, string field, string message)
    {
        var before = await UnitCountAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", NewUnit("铜矿街道青年之家", name, phone));

        var document = await ParseAsync(response);
        Assert.Equal(message, HtmlAssert.FieldError(document, field));
        Assert.Equal(before, await UnitCountAsync());
        Assert.Equal(name, document.QuerySelector("input[name='Contact.Name']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Missing_fields_and_an_unknown_kind_are_messages()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/MemberUnits/Create", new() { ["Name"] = "", ["Kind"] = "99", ["PartyOrganisationName"] = "" });

        var document = await ParseAsync(response);
        Assert.Equal("请填写单位名称。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal("请填写党组织名称。", HtmlAssert.FieldError(document, "PartyOrganisationName"));
        // A tampered choice gets the same localized message as every enum field (issue 20 #11).
        Assert.Equal("请从列表中选择一项。", HtmlAssert.FieldError(document, "Kind"));
    }

    [Fact]
    public async Task A_unit_edits_its_own_contact()
    {
        var unit = await UnitAsync("德兴铜矿大山选矿厂");
        using var client = await factory.CreatePortalClient().SignedInAsAsync("unit03");
        var form = FormValues.Read(await client.GetDocumentAsync($"/MemberUnits/Edit/{unit.Id}"));
        Assert.Equal(unit.Contact!.Name, form["Contact.Name"]);
        Assert.Equal("Enterprise", form["Kind"]);

        form["Contact.Name"] = "程晓东";
        form["Contact.Phone"] = "0793-7519999";
        using var response = await client.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await UnitAsync("德兴铜矿大山选矿厂");
        Assert.Equal("程晓东", saved.Contact!.Name);
        Assert.Equal("0793-7519999", saved.Contact.Phone);
        Assert.Equal(unit.PartyOrganisationName, saved.PartyOrganisationName);
        Assert.NotEqual(unit.Version, saved.Version);
        var page = await client.GetDocumentAsync($"/MemberUnits/Details/{unit.Id}");
        Assert.NotNull(page.QuerySelector("main a[href='tel:0793-7519999']"));
    }

    [Fact]
    public async Task Clearing_both_contact_fields_leaves_the_unit_without_a_contact()
    {
        var unit = await UnitAsync("德兴铜矿动力部");
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var form = FormValues.Read(await client.GetDocumentAsync($"/MemberUnits/Edit/{unit.Id}"));
        form["Contact.Name"] = "";
        form["Contact.Phone"] = "";
        using var response = await client.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null((await UnitAsync("德兴铜矿动力部")).Contact);
        var page = await client.GetDocumentAsync($"/MemberUnits/Details/{unit.Id}");
        Assert.Contains("未登记联系人", HtmlAssert.MainText(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_cannot_open_or_post_another_units_edit_form()
    {
        var school = await UnitAsync("铜矿中学");
        using var client = await factory.CreatePortalClient().SignedInAsAsync("unit03");
        using var get = await client.GetAsync($"/MemberUnits/Edit/{school.Id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);

        using var post = await client.PostFormAsync($"/MemberUnits/Edit/{school.Id}", "/", new()
        {
            ["Name"] = "铜矿中学", ["Kind"] = "School", ["PartyOrganisationName"] = "被改掉的党支部",
            ["Contact.Name"] = "冒名", ["Contact.Phone"] = "13900000000", ["Version"] = school.Version.ToString(),
        });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var after = await UnitAsync("铜矿中学");
        Assert.Equal(school.PartyOrganisationName, after.PartyOrganisationName);
        Assert.Equal(school.Version, after.Version);
    }

    [Fact]
    public async Task A_community_committee_may_see_a_paired_unit_but_not_edit_it()
    {
        var unit = await UnitAsync(Web.Infrastructure.DemoData.DemoCatalog.MineEngineering);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var details = await client.GetAsync($"/MemberUnits/Details/{unit.Id}");
        Assert.Equal(HttpStatusCode.OK, details.StatusCode);

        using var get = await client.GetAsync($"/MemberUnits/Edit/{unit.Id}");
        AssertForbidden(get);
        using var post = await client.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", new()
        {
            ["Name"] = unit.Name, ["Kind"] = "Enterprise", ["PartyOrganisationName"] = "被改掉的党支部", ["Version"] = unit.Version.ToString(),
        });
        AssertForbidden(post);
        Assert.Equal(unit.Version, (await UnitAsync(unit.Name)).Version);
    }

    [Fact]
    public async Task A_community_committee_cannot_create_units()
    {
        var before = await UnitCountAsync();
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        using var response = await client.PostFormAsync("/MemberUnits/Create", "/", NewUnit("南区自建单位"));
        AssertForbidden(response);
        Assert.Equal(before, await UnitCountAsync());
    }

    [Fact]
    public async Task Renaming_a_unit_to_another_units_name_is_a_message()
    {
        var unit = await UnitAsync("铜矿小学");
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var form = FormValues.Read(await client.GetDocumentAsync($"/MemberUnits/Edit/{unit.Id}"));
        form["Name"] = "铜矿中学";
        using var response = await client.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", form);

        var document = await ParseAsync(response);
        Assert.Equal("本街道已有同名成员单位。", HtmlAssert.FieldError(document, "Name"));
        Assert.Equal(unit.Version, (await UnitAsync("铜矿小学")).Version);
    }

    [Fact]
    public async Task A_second_edit_from_the_same_loaded_version_shows_the_conflict_and_does_not_overwrite()
    {
        var unit = await UnitAsync("铜矿供电所");
        using var first = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var second = await factory.CreatePortalClient().SignedInAsAsync("unit14");
        var firstForm = FormValues.Read(await first.GetDocumentAsync($"/MemberUnits/Edit/{unit.Id}"));
        var secondForm = FormValues.Read(await second.GetDocumentAsync($"/MemberUnits/Edit/{unit.Id}"));
        Assert.Equal(firstForm["Version"], secondForm["Version"]);

        // Both change only the contact, the part of the row EF Core keeps as an owned type.
        firstForm["Contact.Name"] = "先保存";
        firstForm["Contact.Phone"] = "13907930001";
        using (var saved = await first.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", firstForm))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        secondForm["Contact.Name"] = "后保存";
        secondForm["Contact.Phone"] = "13907930002";
        using var conflict = await second.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", secondForm);

        var document = await ParseAsync(conflict);
        Assert.Equal("保存失败：在您编辑期间，其他人已修改了这条记录。", HtmlAssert.Summary(document));
        Assert.Contains("先保存", document.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("后保存", document.QuerySelector("input[name='Contact.Name']")!.GetAttribute("value"));
        var stored = await UnitAsync("铜矿供电所");
        Assert.Equal("先保存", stored.Contact!.Name);
        Assert.Equal("13907930001", stored.Contact.Phone);

        // The form now carries the current version: saving again after checking goes through.
        var retry = FormValues.Read(document);
        Assert.Equal(stored.Version.ToString(), retry["Version"]);
        using var again = await second.PostFormAsync($"/MemberUnits/Edit/{unit.Id}", "/", retry);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("后保存", (await UnitAsync("铜矿供电所")).Contact!.Name);
    }

    private static void AssertForbidden(HttpResponseMessage response) =>
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Account/AccessDenied", StringComparison.Ordinal)),
            $"Expected a refusal, got {(int)response.StatusCode} {response.Headers.Location}");
}
