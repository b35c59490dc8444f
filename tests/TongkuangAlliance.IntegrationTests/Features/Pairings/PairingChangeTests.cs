using AngleSharp.Html.Dom;
using TongkuangAlliance.Core.Structure;

namespace TongkuangAlliance.IntegrationTests.Features.Pairings;

/// <summary>
/// Starting and ending pairings. These change data, so they run on an app of their own; each test works on a
/// different pairing (or on records no other test here changes), so their order does not matter.
/// </summary>
public sealed class PairingChangeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<int> IdOfUnitAsync(string name) => factory.WithDbAsync(async db => (await db.MemberUnits.SingleAsync(u => u.Name == name)).Id);

    private Task<int> IdOfCommunityAsync(string name) => factory.WithDbAsync(async db => (await db.Communities.SingleAsync(c => c.Name == name)).Id);

    private Task<Pairing> PairingAsync(string unit, string community) => factory.WithDbAsync(db => db.Pairings.AsNoTracking()
        .SingleAsync(p => p.MemberUnit!.Name == unit && p.Community!.Name == community));

    private Task<int> PairingCountAsync() => factory.WithDbAsync(db => db.Pairings.CountAsync());

    private async Task<PortalClient> SubDistrictAsync() => await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);

    private static async Task<IHtmlDocument> RedisplayedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_second_unit_can_pair_with_a_community_and_shows_on_its_page_and_the_units_home()
    {
        var transport = await IdOfUnitAsync("德兴铜矿运输部");
        var south = await IdOfCommunityAsync("南区社区");
        using var client = await SubDistrictAsync();
        var form = FormValues.Read(await client.GetDocumentAsync($"/Pairings/Create?communityId={south}"));
        form["MemberUnitId"] = transport.ToString(CultureInfo.InvariantCulture);
        form["StartDate"] = "2026-01-05";
        form["Note"] = "  协助小区道路维修  ";
        using var response = await client.PostFormAsync("/Pairings/Create", "/Pairings", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await factory.WithDbAsync(db => db.Pairings.AsNoTracking().SingleAsync(p => p.MemberUnitId == transport && p.CommunityId == south));
        Assert.Equal(new DateOnly(2026, 1, 5), stored.StartDate);
        Assert.Equal("协助小区道路维修", stored.Note);
        Assert.Null(stored.EndDate);
        Assert.Equal(4, await factory.WithDbAsync(db => db.Pairings.CountAsync(p => p.CommunityId == south && p.EndDate == null)));

        var list = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已新增结对：德兴铜矿运输部 — 南区社区。", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, FormValues.RowTexts(list).Count);

        var community = await client.GetDocumentAsync($"/Communities/Details/{south}");
        Assert.Contains(FormValues.RowTexts(community), r => r.Contains("德兴铜矿运输部", StringComparison.Ordinal) && r.Contains("2026-01-05", StringComparison.Ordinal));

        // The unit (unit06) now sees 南区 on its home page and may open the community's page.
        using var unit = await factory.CreatePortalClient().SignedInAsAsync("unit06");
        var home = FormValues.RowTexts(await unit.GetDocumentAsync("/"));
        Assert.Contains(home, r => r.Contains("南区社区", StringComparison.Ordinal) && r.Contains("结对中", StringComparison.Ordinal));
        using var page = await unit.GetAsync($"/Communities/Details/{south}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task A_duplicate_active_pairing_is_a_message_and_nothing_is_stored()
    {
        var ids = await factory.DemoIdsAsync();
        var before = await PairingCountAsync();
        using var client = await SubDistrictAsync();
        using var response = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = $"{ids.EngineeringUnit}", ["CommunityId"] = $"{ids.SouthCommunity}", ["StartDate"] = "2025-01-01", ["Note"] = "",
        });

        var document = await RedisplayedAsync(response);
        Assert.Equal("该单位已与这个社区结对，不能重复结对。", HtmlAssert.Summary(document));
        Assert.Equal(before, await PairingCountAsync());
        // The form keeps what was chosen.
        Assert.Equal($"{ids.EngineeringUnit}", FormValues.Read(document)["MemberUnitId"]);
    }

    [Fact]
    public async Task A_start_date_in_the_future_or_missing_fields_are_messages_and_nothing_is_stored()
    {
        var ids = await factory.DemoIdsAsync();
        var before = await PairingCountAsync();
        using var client = await SubDistrictAsync();

        using (var future = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = $"{ids.MiddleSchoolUnit}", ["CommunityId"] = $"{ids.SouthCommunity}", ["StartDate"] = Iso(Today.AddDays(1)),
        }))
        {
            Assert.Equal("结对日期不能晚于今天。", HtmlAssert.FieldError(await RedisplayedAsync(future), "StartDate"));
        }

        using (var empty = await client.PostFormAsync("/Pairings/Create", "/Pairings", new() { ["MemberUnitId"] = "", ["CommunityId"] = "", ["StartDate"] = "" }))
        {
            var document = await RedisplayedAsync(empty);
            Assert.Equal("请填写成员单位。", HtmlAssert.FieldError(document, "MemberUnitId"));
            Assert.Equal("请填写社区。", HtmlAssert.FieldError(document, "CommunityId"));
            Assert.Equal("请填写结对日期。", HtmlAssert.FieldError(document, "StartDate"));
        }

        using (var garbage = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = $"{ids.MiddleSchoolUnit}", ["CommunityId"] = $"{ids.SouthCommunity}", ["StartDate"] = "not-a-date", ["Note"] = new string('注', 501),
        }))
        {
            var document = await RedisplayedAsync(garbage);
            Assert.NotEqual("", HtmlAssert.FieldError(document, "StartDate"));
            Assert.Equal("备注不能超过 500 个字。", HtmlAssert.FieldError(document, "Note"));
        }
        Assert.Equal(before, await PairingCountAsync());
    }

    [Fact]
    public async Task Ids_outside_the_admins_sub_district_are_field_errors_and_nothing_is_stored()
    {
        var ids = await factory.DemoIdsAsync();
        // Another sub-district with a community and a unit of its own, invisible to jiedao.
        var other = await factory.WithDbAsync(async db =>
        {
            var subDistrict = new SubDistrict { Name = "泗洲镇", City = "德兴市" };
            var community = new Community { SubDistrict = subDistrict, Name = "泗洲社区", PartyCommitteeName = "中共泗洲社区委员会" };
            var unit = new MemberUnit { SubDistrict = subDistrict, Name = "泗洲镇卫生院", Kind = MemberUnitKind.Hospital, PartyOrganisationName = "泗洲镇卫生院党支部" };
            db.AddRange(subDistrict, community, unit);
            await db.SaveChangesAsync();
            return new { Community = community.Id, Unit = unit.Id };
        });
        var before = await PairingCountAsync();
        using var client = await SubDistrictAsync();

        using (var foreignCommunity = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = $"{ids.EngineeringUnit}", ["CommunityId"] = $"{other.Community}", ["StartDate"] = "2025-01-01",
        }))
        {
            var document = await RedisplayedAsync(foreignCommunity);
            Assert.Equal("请选择本街道的社区。", HtmlAssert.FieldError(document, "CommunityId"));
            Assert.DoesNotContain("泗洲社区", document.QuerySelector("select[name=CommunityId]")!.TextContent, StringComparison.Ordinal);
        }

        using (var foreignUnit = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = $"{other.Unit}", ["CommunityId"] = $"{ids.SouthCommunity}", ["StartDate"] = "2025-01-01",
        }))
        {
            Assert.Equal("请选择本街道的成员单位。", HtmlAssert.FieldError(await RedisplayedAsync(foreignUnit), "MemberUnitId"));
        }

        using (var missing = await client.PostFormAsync("/Pairings/Create", "/Pairings", new()
        {
            ["MemberUnitId"] = "999999", ["CommunityId"] = $"{ids.SouthCommunity}", ["StartDate"] = "2025-01-01",
        }))
        {
            Assert.Equal("请选择本街道的成员单位。", HtmlAssert.FieldError(await RedisplayedAsync(missing), "MemberUnitId"));
        }
        Assert.Equal(before, await PairingCountAsync());

        // Nor can the foreign sub-district's records be reached through the other pages.
        var foreignPairing = await factory.WithDbAsync(async db =>
        {
            var pairing = Pairing.Start(await db.MemberUnits.SingleAsync(u => u.Id == other.Unit), await db.Communities.SingleAsync(c => c.Id == other.Community), new DateOnly(2024, 1, 1), false, null);
            db.Pairings.Add(pairing);
            await db.SaveChangesAsync();
            return pairing.Id;
        });
        using var end = await client.GetAsync($"/Pairings/End/{foreignPairing}");
        Assert.Equal(HttpStatusCode.NotFound, end.StatusCode);
        using var unitPage = await client.GetAsync($"/MemberUnits/Details/{other.Unit}");
        Assert.Equal(HttpStatusCode.NotFound, unitPage.StatusCode);
        Assert.DoesNotContain("泗洲镇卫生院", HtmlAssert.MainText(await client.GetDocumentAsync("/Pairings?status=all")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ending_a_pairing_keeps_it_with_its_reason_and_closes_the_community_to_the_unit()
    {
        var pairing = await PairingAsync("铜矿小学", "新村社区");
        var unitId = await IdOfUnitAsync("铜矿小学");

        // While paired, the unit (unit10) may open the community's page.
        using var unit = await factory.CreatePortalClient().SignedInAsAsync("unit10");
        using (var open = await unit.GetAsync($"/Communities/Details/{pairing.CommunityId}"))
            Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        using var client = await SubDistrictAsync();
        var form = FormValues.Read(await client.GetDocumentAsync($"/Pairings/End/{pairing.Id}"));
        form["EndReason"] = "学校调整共建安排";
        using var response = await client.PostFormAsync($"/Pairings/End/{pairing.Id}", "/Pairings", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await PairingAsync("铜矿小学", "新村社区");
        Assert.Equal(PairingStatus.Ended, stored.Status);
        Assert.Equal(Today, stored.EndDate);
        Assert.Equal("学校调整共建安排", stored.EndReason);

        var ended = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已结束结对：铜矿小学 — 新村社区。", ended.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FormValues.RowTexts(ended), r => r.Contains("铜矿小学", StringComparison.Ordinal) && r.Contains("学校调整共建安排", StringComparison.Ordinal));

        // The unit can no longer open the community's page, but still sees the ended pairing on its own pages.
        using (var closed = await unit.GetAsync($"/Communities/Details/{pairing.CommunityId}"))
            Assert.Equal(HttpStatusCode.NotFound, closed.StatusCode);
        var own = await unit.GetDocumentAsync($"/MemberUnits/Details/{unitId}");
        var row = Assert.Single(FormValues.RowTexts(own));
        Assert.Contains("新村社区", row, StringComparison.Ordinal);
        Assert.Contains($"已结束 {Iso(Today)}", row, StringComparison.Ordinal);
        Assert.Contains("学校调整共建安排", row, StringComparison.Ordinal);
        Assert.Null(own.QuerySelector($"main table a[href='/Communities/Details/{pairing.CommunityId}']"));
        var home = Assert.Single(FormValues.RowTexts(await unit.GetDocumentAsync("/")));
        Assert.Contains("已结束", home, StringComparison.Ordinal);

        // The community still sees the unit, with the pairing ended.
        using var community = await factory.CreatePortalClient().SignedInAsAsync("xincun");
        Assert.Contains("铜矿小学", FormValues.FirstCells(await community.GetDocumentAsync("/MemberUnits")));
    }

    [Theory]
    [InlineData("2022-03-31", "供电所调整", "EndDate", "结束日期不能早于结对日期。")]
    [InlineData("tomorrow", "供电所调整", "EndDate", "结束日期不能晚于今天。")]
    [InlineData("today", "", "EndReason", "请填写原因。")]
    [InlineData("today", "   ", "EndReason", "请填写原因。")]
    [InlineData("", "供电所调整", "EndDate", "请填写结束日期。")]
    public async Task A_bad_end_date_or_a_missing_reason_is_a_message_and_nothing_changes(string date, string reason, string field, string message)
    {
        var pairing = await PairingAsync("铜矿供电所", "铜城社区");
        using var client = await SubDistrictAsync();
        var form = FormValues.Read(await client.GetDocumentAsync($"/Pairings/End/{pairing.Id}"));
        form["EndDate"] = date switch { "today" => Iso(Today), "tomorrow" => Iso(Today.AddDays(1)), _ => date };
        form["EndReason"] = reason;
        using var response = await client.PostFormAsync($"/Pairings/End/{pairing.Id}", "/Pairings", form);

        var document = await RedisplayedAsync(response);
        Assert.Equal(message, HtmlAssert.FieldError(document, field));
        var after = await PairingAsync("铜矿供电所", "铜城社区");
        Assert.Null(after.EndDate);
        Assert.Null(after.EndReason);
        Assert.Equal(pairing.Version, after.Version);
    }

    [Fact]
    public async Task An_over_long_reason_is_a_message_and_nothing_changes()
    {
        var pairing = await PairingAsync("铜矿供电所", "铜城社区");
        using var client = await SubDistrictAsync();
        var form = FormValues.Read(await client.GetDocumentAsync($"/Pairings/End/{pairing.Id}"));
        form["EndReason"] = new string('因', 501);
        using var response = await client.PostFormAsync($"/Pairings/End/{pairing.Id}", "/Pairings", form);

        Assert.Equal("结束原因不能超过 500 个字。", HtmlAssert.FieldError(await RedisplayedAsync(response), "EndReason"));
        Assert.Null((await PairingAsync("铜矿供电所", "铜城社区")).EndDate);
    }

    [Fact]
    public async Task An_ended_pairing_cannot_be_ended_again()
    {
        var pairing = await PairingAsync("德兴铜矿运输部", "东区社区");
        using var client = await SubDistrictAsync();
        var page = await client.GetDocumentAsync($"/Pairings/End/{pairing.Id}");
        Assert.Null(page.QuerySelector("main form[method=post]"));
        Assert.Contains("该结对关系已经结束。", HtmlAssert.MainText(page), StringComparison.Ordinal);

        using var response = await client.PostFormAsync($"/Pairings/End/{pairing.Id}", "/Pairings", new()
        {
            ["EndDate"] = Iso(Today), ["EndReason"] = "再次结束", ["Version"] = pairing.Version.ToString(),
        });
        await RedisplayedAsync(response);
        var after = await PairingAsync("德兴铜矿运输部", "东区社区");
        Assert.Equal(new DateOnly(2025, 6, 30), after.EndDate);
        Assert.Equal(pairing.EndReason, after.EndReason);
        Assert.Equal(pairing.Version, after.Version);
    }

    [Fact]
    public async Task Ending_from_a_stale_form_shows_the_conflict_and_the_pairing_stays_active()
    {
        var pairing = await PairingAsync("德兴铜矿采矿场", "西区社区");
        using var client = await SubDistrictAsync();
        var form = FormValues.Read(await client.GetDocumentAsync($"/Pairings/End/{pairing.Id}"));

        // Someone changes the pairing after the form was opened.
        await factory.WithDbAsync(async db =>
        {
            var tracked = await db.Pairings.SingleAsync(p => p.Id == pairing.Id);
            tracked.Note = "采矿场安全宣传进社区";
            await db.SaveChangesAsync();
        });

        form["EndReason"] = "采矿场调整";
        using var response = await client.PostFormAsync($"/Pairings/End/{pairing.Id}", "/Pairings", form);
        var document = await RedisplayedAsync(response);
        Assert.Equal("保存失败：在您编辑期间，其他人已修改了这条记录。", HtmlAssert.Summary(document));
        Assert.Contains("采矿场安全宣传进社区", document.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        var after = await PairingAsync("德兴铜矿采矿场", "西区社区");
        Assert.Null(after.EndDate);
        Assert.Equal("采矿场调整", FormValues.Read(document)["EndReason"]);
    }
}
