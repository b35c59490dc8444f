using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>The portal with a small export limit, so that a selection above it is cheap to build.</summary>
public sealed class SmallExportPortal : PortalFactory
{
    public const int Limit = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?> { ["Cases:ExportLimit"] = $"{Limit}" }));
    }
}

/// <summary>An export never holds part of a selection silently: above the limit it is refused with a message.</summary>
public sealed class CaseExportLimitTests(SmallExportPortal factory) : IClassFixture<SmallExportPortal>
{
    [Fact]
    public async Task A_selection_above_the_limit_is_refused_with_a_message_and_one_at_the_limit_is_exported_whole()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        Assert.True(await factory.WithDbAsync(db => db.Cases.CountAsync(c => c.Community!.Name == "南区社区" && c.Kind == Core.Cases.CaseKind.Dispute)) > SmallExportPortal.Limit);

        using var refused = await nanqu.GetAsync("/Cases/Export?kind=Dispute");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/Cases?kind=Dispute", refused.Headers.Location!.OriginalString);
        var list = await nanqu.GetDocumentAsync(refused.Headers.Location!.OriginalString);
        Assert.Contains("超过一次导出的上限 5 条", HtmlAssert.MainText(list), StringComparison.Ordinal);

        for (var i = 0; i < SmallExportPortal.Limit; i++)
            await CaseTestKit.RegisterAsync(nanqu, await CaseTestKit.IntakeAsync(factory, $"导出上限测试{i}"));
        using var exported = await nanqu.GetAsync($"/Cases/Export?q={Uri.EscapeDataString("导出上限测试")}");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exported.Content.Headers.ContentType!.MediaType);
    }
}
