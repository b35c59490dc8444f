namespace TongkuangAlliance.IntegrationTests.Features.Terms;

using DemoCases = TongkuangAlliance.Web.Infrastructure.DemoData.DemoCases;

/// <summary>Marking a term fulfilled. Own app: these tests change terms.</summary>
public sealed class TermFulfilTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> OpenTermAsync(string description) =>
        factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Description == description).Select(t => t.Id).SingleAsync());

    private const string NanshanRepair = "更换南山小区 3 栋破损的雨水管并修补外墙";
    private const string BoosterPump = "为建安小区 5、6 栋加装供水增压泵";

    private static string Today => ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_unit_marks_the_term_it_owes_fulfilled_and_the_case_timeline_records_it()
    {
        var id = await OpenTermAsync(NanshanRepair);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var form = await client.GetDocumentAsync($"/Terms/Fulfil/{id}");
        var html = form.DocumentElement.OuterHtml;
        foreach (var secret in new[] { "黄秀兰", "网格员报告", "现场查看雨水管", DemoCases.OpenEngineeringCaseTitle, "/Cases/Details" })
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.Contains(NanshanRepair, html, StringComparison.Ordinal);

        var values = FormValues.Read(form);
        values["Input.FulfilledOn"] = Today;
        values["Input.ProofNote"] = "雨水管已更换，社区网格员现场核实";
        using var response = await client.PostFormAsync($"/Terms/Fulfil/{id}", "/Terms", values);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("已确认案件", list.QuerySelector(".alert-success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(FormValues.RowTexts(list), r => r.Contains(NanshanRepair, StringComparison.Ordinal) && r.Contains($"已于 {Today} 履行", StringComparison.Ordinal));

        var stored = await factory.WithDbAsync(db => db.AgreementTerms.AsNoTracking().SingleAsync(t => t.Id == id));
        Assert.Equal(AgreementTermStatus.Fulfilled, stored.Status);
        Assert.Equal("雨水管已更换，社区网格员现场核实", stored.ProofNote);
        var events = await factory.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == stored.CaseId && e.Kind == CaseEventKind.TermFulfilled).ToListAsync());
        Assert.Single(events);
        Assert.NotNull(events[0].UserId);

        // A second confirmation is refused with a message and changes nothing.
        var again = await client.GetDocumentAsync($"/Terms/Fulfil/{id}");
        Assert.Contains("这项条款已经履行", again.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(again.QuerySelector("main form[method=post]"));
    }

    [Theory]
    [InlineData("2099-12-31", "ok", "Input.FulfilledOn", "履行日期不能晚于今天。")]
    [InlineData("", "ok", "Input.FulfilledOn", "请填写履行日期。")]
    [InlineData("today", "", "Input.ProofNote", "请填写履行证明。")]
    [InlineData("today", "long", "Input.ProofNote", "履行证明不能超过 500 个字。")]
    public async Task Bad_input_gets_a_message_next_to_the_field_and_changes_nothing(string date, string proof, string field, string message)
    {
        var id = await OpenTermAsync(BoosterPump);
        var before = await factory.WithDbAsync(db => db.Cases.Where(c => c.Terms.Any(t => t.Id == id)).Select(c => c.Version).SingleAsync());
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var values = FormValues.Read(await client.GetDocumentAsync($"/Terms/Fulfil/{id}"));
        values["Input.FulfilledOn"] = date == "today" ? Today : date;
        values["Input.ProofNote"] = proof == "long" ? new string('证', 501) : proof;

        using var response = await client.PostFormAsync($"/Terms/Fulfil/{id}", "/Terms", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal(message, HtmlAssert.FieldError(document, field));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Cases.Where(c => c.Terms.Any(t => t.Id == id)).Select(c => c.Version).SingleAsync()));
    }

    [Fact]
    public async Task A_change_to_the_case_since_the_form_was_opened_refuses_the_save()
    {
        var id = await OpenTermAsync(BoosterPump);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var values = FormValues.Read(await client.GetDocumentAsync($"/Terms/Fulfil/{id}"));
        values["Input.FulfilledOn"] = Today;
        values["Input.ProofNote"] = "已加装";
        values["Input.Version"] = Guid.NewGuid().ToString();

        using var response = await client.PostFormAsync($"/Terms/Fulfil/{id}", "/Terms", values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        Assert.Contains("这个案件已有其他变动", HtmlAssert.Summary(document), StringComparison.Ordinal);
        Assert.Equal(AgreementTermStatus.Pending, await factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));
    }

    [Fact]
    public async Task Another_unit_gets_not_found_for_the_term_and_cannot_fulfil_it()
    {
        var id = await OpenTermAsync(BoosterPump);
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        using (var get = await client.GetAsync($"/Terms/Fulfil/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.DoesNotContain(BoosterPump, await get.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var post = await client.PostFormAsync($"/Terms/Fulfil/{id}", "/Terms", new() { ["Input.FulfilledOn"] = Today, ["Input.ProofNote"] = "x" });
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(AgreementTermStatus.Pending, await factory.WithDbAsync(db => db.AgreementTerms.Where(t => t.Id == id).Select(t => t.Status).SingleAsync()));
    }
}
