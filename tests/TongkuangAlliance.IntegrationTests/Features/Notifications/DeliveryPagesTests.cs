using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications;

namespace TongkuangAlliance.IntegrationTests.Features.Notifications;

/// <summary>
/// Issue 17's delivery pages over HTTP: 提醒设置, the unsubscribe link without signing in, the robot fields of a
/// community's form, and the sub-district's delivery log with its scope and resend. Own app: these tests write.
/// </summary>
public sealed class DeliveryPagesTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<string> UserIdAsync(string userName) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private Task<List<NotificationKind>> OffAsync(string userId) =>
        factory.WithDbAsync(db => db.NotificationOptOuts.Where(o => o.UserId == userId && o.Channel == DeliveryChannel.Email).Select(o => o.Kind).ToListAsync());

    [Fact]
    public async Task Reminder_settings_turn_kinds_off_for_email_and_set_the_language_and_a_bad_language_changes_nothing()
    {
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        var id = await UserIdAsync(PortalClient.Users.NorthCommunity);
        var inbox = await client.GetDocumentAsync("/Notifications");
        Assert.NotNull(inbox.QuerySelector("a[href='/NotificationSettings']"));
        Assert.Null(inbox.QuerySelector("a[href='/DeliveryLog']")); // the log is the sub-district's

        var page = await client.GetDocumentAsync("/NotificationSettings");
        Assert.Equal(Enum.GetValues<NotificationKind>().Length, page.QuerySelectorAll("input[name=Email]:checked").Length);

        using (var bad = await client.PostFormAsync("/NotificationSettings", "/NotificationSettings", new() { ["Culture"] = "fr", ["Email"] = "CaseNew" }))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
            Assert.Contains("请选择中文或 English。", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await OffAsync(id));

        var form = new List<KeyValuePair<string, string>> { new("Culture", "en") };
        form.AddRange(Enum.GetValues<NotificationKind>().Where(k => k != NotificationKind.CaseNew).Select(k => new KeyValuePair<string, string>("Email", k.ToString())));
        var token = await client.AntiforgeryTokenAsync("/NotificationSettings");
        form.Add(new("__RequestVerificationToken", token));
        using (var saved = await client.Http.PostAsync("/NotificationSettings", new FormUrlEncodedContent(form)))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([NotificationKind.CaseNew], await OffAsync(id));
        Assert.Equal("en", await factory.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PreferredCulture).SingleAsync()));
        Assert.False((await client.GetDocumentAsync("/NotificationSettings")).QuerySelector("#email-CaseNew")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task The_unsubscribe_link_works_without_signing_in_and_a_forged_one_changes_nothing()
    {
        var id = await UserIdAsync(PortalClient.Users.SouthCommunity);
        var token = factory.Services.GetRequiredService<NotificationSecrets>().UnsubscribeToken(id, NotificationKind.CaseAssigned);
        using var anonymous = factory.CreatePortalClient();
        var url = "/Unsubscribe?token=" + Uri.EscapeDataString(token);

        var page = await anonymous.GetDocumentAsync(url);
        Assert.Contains("案件交办", HtmlAssert.MainText(page), StringComparison.Ordinal);
        Assert.Empty(await OffAsync(id)); // opening the link changes nothing by itself

        using (var forged = await anonymous.PostFormAsync("/Unsubscribe", url, new() { ["token"] = token[..^4] + "AAAA" }))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("退订链接无效", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Empty(await OffAsync(id));

        using (var done = await anonymous.PostFormAsync("/Unsubscribe", url, new() { ["token"] = token }))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("已退订“案件交办”类邮件提醒。", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal([NotificationKind.CaseAssigned], await OffAsync(id));
    }

    [Theory]
    [InlineData("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4")]
    [InlineData("https://qyapi.weixin.qq.com.evil.example/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4")]
    [InlineData("https://10.0.0.5/robot/send?access_token=abcdef0123456789")]
    public async Task An_address_that_is_not_a_group_robots_https_address_gets_a_localized_message_and_nothing_is_saved(string address)
    {
        var ids = await factory.DemoIdsAsync();
        var before = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.NorthCommunity));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        using var response = await client.PostFormAsync($"/Communities/Edit/{ids.NorthCommunity}", "/", new()
        {
            ["Name"] = before.Name, ["PartyCommitteeName"] = before.PartyCommitteeName, ["Version"] = before.Version.ToString(), ["Robot.WebhookUrl"] = address,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
        var error = HtmlAssert.FieldError(document, "Robot.WebhookUrl");
        Assert.True(error.StartsWith("只能填写企业微信或钉钉群机器人的 https 地址", StringComparison.Ordinal), error + " | " + HtmlAssert.Summary(document));
        var after = await factory.WithDbAsync(db => db.Communities.AsNoTracking().SingleAsync(c => c.Id == ids.NorthCommunity));
        Assert.Equal((before.Version, before.RobotWebhookUrl), (after.Version, after.RobotWebhookUrl));
    }

    [Fact]
    public async Task A_units_robot_is_saved_with_its_secret_protected_and_the_secret_never_shown_again()
    {
        var ids = await factory.DemoIdsAsync();
        const string Secret = "SECd3b1f0a9c8e7d6c5b4a39281706f5e4d3c2b1a0";
        const string Webhook = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef";
        var before = await factory.WithDbAsync(db => db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == ids.EngineeringUnit));
        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using (var response = await client.PostFormAsync($"/MemberUnits/Edit/{ids.EngineeringUnit}", "/", new()
        {
            ["Name"] = before.Name, ["Kind"] = before.Kind.ToString(), ["PartyOrganisationName"] = before.PartyOrganisationName,
            ["Contact.Name"] = before.Contact?.Name ?? "", ["Contact.Phone"] = before.Contact?.Phone ?? "",
            ["Version"] = before.Version.ToString(), ["Robot.WebhookUrl"] = Webhook, ["Robot.Secret"] = Secret,
        }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var saved = await factory.WithDbAsync(db => db.MemberUnits.AsNoTracking().SingleAsync(u => u.Id == ids.EngineeringUnit));
        Assert.Equal(Webhook, saved.RobotWebhookUrl);
        Assert.NotNull(saved.RobotSecretProtected);
        Assert.DoesNotContain(Secret, saved.RobotSecretProtected, StringComparison.Ordinal);
        Assert.Equal(Secret, factory.Services.GetRequiredService<NotificationSecrets>().UnprotectRobotSecret(saved.RobotSecretProtected));

        var edit = await client.Http.GetStringAsync($"/MemberUnits/Edit/{ids.EngineeringUnit}");
        Assert.DoesNotContain(Secret, edit, StringComparison.Ordinal);
        Assert.DoesNotContain(saved.RobotSecretProtected!, edit, StringComparison.Ordinal);
        Assert.Contains("已保存密钥", edit, StringComparison.Ordinal);
        var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "MemberUnit").Select(a => a.Changes).ToListAsync());
        Assert.DoesNotContain(audits, a => a.Contains("0123456789abcdef", StringComparison.Ordinal) || a.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_delivery_log_shows_only_its_own_sub_districts_deliveries_with_channel_health_and_resends_a_failed_one()
    {
        var ids = await factory.DemoIdsAsync();
        var now = DateTime.UtcNow;
        var (mine, theirs) = await factory.WithDbAsync<(long, long)>(async db =>
        {
            var other = new TongkuangAlliance.Core.Structure.SubDistrict { Name = "测试外街道", City = "德兴市" };
            db.SubDistricts.Add(other);
            await db.SaveChangesAsync();
            var a = NotificationDelivery.Sms("13900000001", ids.SubDistrict, now);
            var b = NotificationDelivery.Sms("13900000002", other.Id, now);
            a.MarkFailed("isv.BUSINESS_LIMIT_CONTROL: 触发流控", permanent: true, now);
            b.MarkFailed("其他街道的错误", permanent: true, now);
            db.NotificationDeliveries.AddRange(a, b);
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        using var client = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var log = await client.GetDocumentAsync("/DeliveryLog?status=Failed&channel=Sms");
        var text = HtmlAssert.MainText(log);
        Assert.Contains("isv.BUSINESS_LIMIT_CONTROL", text, StringComparison.Ordinal);
        Assert.DoesNotContain("其他街道的错误", text, StringComparison.Ordinal);
        var health = log.QuerySelector(".channel-health")!.TextContent;
        Assert.Contains("短信", health, StringComparison.Ordinal);
        Assert.Contains("从未", health, StringComparison.Ordinal);

        using (var other = await client.PostFormAsync($"/DeliveryLog/Resend/{theirs}", "/DeliveryLog", []))
            Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(DeliveryStatus.Failed, await factory.WithDbAsync(db => db.NotificationDeliveries.Where(d => d.Id == theirs).Select(d => d.Status).SingleAsync()));

        using (var resend = await client.PostFormAsync($"/DeliveryLog/Resend/{mine}", "/DeliveryLog", []))
            Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var after = await factory.WithDbAsync(db => db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == mine));
        Assert.Equal((DeliveryStatus.Pending, 0), (after.Status, after.Attempts));
    }
}
