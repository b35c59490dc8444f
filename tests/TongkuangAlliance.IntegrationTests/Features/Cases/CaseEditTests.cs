using System.Net;
using Microsoft.EntityFrameworkCore;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.IntegrationTests.Infrastructure;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>Intake by the sub-district for a community it chooses; correcting the intake, with the concurrency rule.</summary>
public sealed class CaseEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string> FormOf(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("form[method=post] input[name^='Input.'], form[method=post] textarea[name^='Input.'], form[method=post] select[name^='Input.']")
            .ToDictionary(e => e.GetAttribute("name")!, e => e switch
            {
                AngleSharp.Html.Dom.IHtmlSelectElement select => select.Value ?? "",
                AngleSharp.Html.Dom.IHtmlTextAreaElement area => area.Value,
                AngleSharp.Html.Dom.IHtmlInputElement input => input.Value,
                _ => "",
            });

    [Fact]
    public async Task The_sub_district_registers_a_case_for_the_community_it_chooses()
    {
        using var jiedao = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var south = await factory.WithDbAsync(db => db.Communities.Where(c => c.Name == "南区社区").Select(c => c.Id).SingleAsync());
        var picker = await jiedao.GetDocumentAsync("/Cases/Create");
        Assert.NotNull(picker.QuerySelector("select[name=communityId]"));

        var form = await IntakeAsync(factory, "街道代为登记的案件");
        form["Input.CommunityId"] = $"{south}";
        var id = await RegisterAsync(jiedao, form);

        Assert.Equal(south, await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.CommunityId).SingleAsync()));
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        Assert.Contains("街道代为登记的案件", HtmlAssert.MainText(await nanqu.GetDocumentAsync($"/Cases/Details/{id}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_saved_over_someone_elses_is_refused_with_their_change_shown()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "待修改的案件"));
        var mine = FormOf(await nanqu.GetDocumentAsync($"/Cases/Edit/{id}"));
        var theirs = new Dictionary<string, string>(mine) { ["Input.Title"] = "同事改过的标题" };
        mine["Input.Title"] = "我改的标题";

        using (var first = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", theirs))
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        using var second = await nanqu.PostFormAsync($"/Cases/Edit/{id}", $"/Cases/Edit/{id}", mine);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await PortalClient.ParseAsync(await second.Content.ReadAsStringAsync());
        Assert.Contains("其他人已修改了这条记录", HtmlAssert.Summary(page), StringComparison.Ordinal);
        Assert.Contains("同事改过的标题", page.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("同事改过的标题", await factory.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Title).SingleAsync()));
        var edits = await factory.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == id && e.Kind == CaseEventKind.Edited));
        Assert.Equal(1, edits);
    }
}
