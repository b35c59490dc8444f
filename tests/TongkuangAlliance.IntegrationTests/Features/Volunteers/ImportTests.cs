using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.IntegrationTests.Features.Volunteers;

/// <summary>A member unit imports its members: row-by-row problems, nothing imported from a broken file unless asked, GBK and xlsx files.</summary>
public sealed class ImportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> UploadAsync(PortalClient client, byte[] bytes, string fileName)
    {
        var token = await client.AntiforgeryTokenAsync("/Volunteers/Import");
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        var response = await client.Http.PostAsync("/Volunteers/Import", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ConfirmAsync(PortalClient client, AngleSharp.Html.Dom.IHtmlDocument preview, bool goodRowsOnly) =>
        client.PostFormAsync("/Volunteers/ImportConfirm", "/Volunteers/Import", new()
        {
            ["payload"] = preview.QuerySelector("input[name=payload]")!.GetAttribute("value")!,
            ["goodRowsOnly"] = goodRowsOnly ? "true" : "false",
        });

    [Fact]
    public async Task A_GBK_csv_with_broken_rows_imports_nothing_until_the_user_chooses_the_good_rows()
    {
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var csv = "姓名,手机号,报到社区,小区,党支部,特长,报到日期\r\n"
            + "甲导入,13600000001,南区社区,建安小区,一支部,理发,2026-03-01\r\n"
            + ",13600000002,南区社区,,,,\r\n"                       // name missing
            + "乙导入,1360000,南区社区,,,,\r\n"                      // bad phone
            + "丙导入,13600000001,北区社区,,,,\r\n"                  // duplicate in the file
            + $"丁导入,{DemoVolunteers.MemberPhone(5)},北区社区,,,,\r\n" // already registered
            + "戊导入,13600000006,不存在社区,,,,\r\n"                 // unknown community
            + "己导入,13600000007,北区社区,建安小区,,,\r\n";          // compound of another community
        System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var preview = await UploadAsync(unit, Encoding.GetEncoding("GBK").GetBytes(csv), "members.csv");

        var problems = preview.QuerySelectorAll(".import-rows tbody tr").Select(r => r.QuerySelector(".import-problems")!.TextContent.Trim()).ToList();
        Assert.Equal(["", "缺少姓名", "手机号格式不正确", "手机号在文件中重复", "该手机号已登记", "报到社区不存在", "小区不属于该社区"], problems);
        Assert.Contains("甲导入", preview.QuerySelector(".import-rows")!.TextContent, StringComparison.Ordinal); // decoded from GBK

        await ConfirmAsync(unit, preview, goodRowsOnly: false);
        Assert.False(await factory.WithDbAsync(db => db.PartyMembers.AnyAsync(m => m.Name.EndsWith("导入"))));

        var done = await ConfirmAsync(unit, preview, goodRowsOnly: true);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var imported = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.Name.EndsWith("导入")).Select(m => new { m.Name, Unit = m.MemberUnit!.Name, m.Registration }).ToListAsync());
        var only = Assert.Single(imported);
        Assert.Equal(("甲导入", DemoCatalog.MineEngineering, RegistrationStatus.Pending), (only.Name, only.Unit, only.Registration));
    }

    [Fact]
    public async Task A_clean_xlsx_and_a_utf8_csv_with_BOM_are_imported_whole()
    {
        using var unit = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var rows = new[]
        {
            new Dictionary<string, object> { ["姓名"] = "庚表格", ["手机号"] = "13600000011", ["报到社区"] = "南区社区", ["小区"] = "南山小区", ["党支部"] = "", ["特长"] = "义诊", ["报到日期"] = "2026-02-01" },
            new Dictionary<string, object> { ["姓名"] = "辛表格", ["手机号"] = "13600000012", ["报到社区"] = "东区社区", ["小区"] = "", ["党支部"] = "", ["特长"] = "", ["报到日期"] = "" },
        };
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows);
        var preview = await UploadAsync(unit, stream.ToArray(), "members.xlsx");
        Assert.All(preview.QuerySelectorAll(".import-problems"), p => Assert.Equal("", p.TextContent.Trim()));
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(unit, preview, goodRowsOnly: false)).StatusCode);

        var utf8 = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("姓名,手机号,报到社区\n壬文本,13600000013,西区社区\n")).ToArray();
        var csvPreview = await UploadAsync(unit, utf8, "members.csv");
        Assert.Equal(HttpStatusCode.Redirect, (await ConfirmAsync(unit, csvPreview, goodRowsOnly: false)).StatusCode);

        var names = await factory.WithDbAsync(db => db.PartyMembers.Where(m => m.Name.EndsWith("表格") || m.Name.EndsWith("文本")).OrderBy(m => m.Phone).Select(m => m.Name).ToListAsync());
        Assert.Equal(["庚表格", "辛表格", "壬文本"], names);

        var garbage = await UploadAsync(unit, [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5], "broken.xlsx");
        Assert.NotNull(garbage.QuerySelector(".import-error"));
    }
}
