using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;

namespace TongkuangAlliance.UnitTests.Notifications;

public class DeliveryLimitsTests
{
    // China time = UTC + 8: 22:00 China is 14:00 UTC, 07:00 China is 23:00 UTC the day before.
    [Theory]
    [InlineData(DeliveryChannel.Sms, "2026-12-07T13:59:00", "2026-12-07T13:59:00")] // 21:59 China: sent now
    [InlineData(DeliveryChannel.Sms, "2026-12-07T14:00:00", "2026-12-07T23:00:00")] // 22:00 China: held to 07:00
    [InlineData(DeliveryChannel.Robot, "2026-12-07T15:30:00", "2026-12-07T23:00:00")] // 23:30 China: held to 07:00
    [InlineData(DeliveryChannel.Robot, "2026-12-07T18:00:00", "2026-12-07T23:00:00")] // 02:00 China, next day: held to 07:00 that day
    [InlineData(DeliveryChannel.Sms, "2026-12-07T23:00:00", "2026-12-07T23:00:00")] // 07:00 China: sent now
    [InlineData(DeliveryChannel.Email, "2026-12-07T15:30:00", "2026-12-07T15:30:00")] // email is never held
    public void Sms_and_robots_wait_out_the_quiet_hours_in_China_time(DeliveryChannel channel, string due, string expected)
    {
        var dueUtc = DateTime.SpecifyKind(DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        var earliest = DeliveryLimits.EarliestSendUtc(channel, dueUtc);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), earliest);
        Assert.Equal(earliest != dueUtc, DeliveryLimits.IsQuiet(channel, dueUtc));
    }

    [Fact]
    public void A_capped_message_waits_for_the_next_China_day()
    {
        // 2026-12-07 20:00 UTC is 04:00 China on the 8th; the next China day starts 2026-12-08 16:00 UTC.
        var next = DeliveryLimits.NextChinaDayUtc(new DateTime(2026, 12, 7, 20, 0, 0, DateTimeKind.Utc));

        Assert.Equal(new DateTime(2026, 12, 8, 16, 0, 0), next);
    }

    [Fact]
    public void Sms_is_capped_lower_than_email()
    {
        Assert.True(DeliveryLimits.DailyCap(DeliveryChannel.Sms) < DeliveryLimits.DailyCap(DeliveryChannel.Email));
    }
}

public class RobotAddressTests
{
    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa", RobotService.WeChatWork)]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=1c5f2e0a9b8d7c6e5f4a3b2c1d0e9f8a", RobotService.DingTalk)]
    [InlineData("  https://OAPI.dingtalk.com/robot/send?access_token=1c5f2e0a9b8d7c6e  ", RobotService.DingTalk)]
    public void The_documented_robot_endpoints_are_accepted(string address, RobotService service)
    {
        Assert.Equal(service, RobotAddress.ServiceOf(address));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx")] // not https
    [InlineData("https://qyapi.weixin.qq.com.evil.cn/cgi-bin/webhook/send?key=693a91f6-7xxx")] // look-alike host
    [InlineData("https://qyapi.weixin.qq.com:8443/cgi-bin/webhook/send?key=693a91f6-7xxx")] // another port
    [InlineData("https://user:pw@oapi.dingtalk.com/robot/send?access_token=1c5f2e0a9b8d")] // credentials
    [InlineData("https://oapi.dingtalk.com/robot/other?access_token=1c5f2e0a9b8d")] // not the robot path
    [InlineData("https://oapi.dingtalk.com/robot/send")] // no token
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=1c5f2e0a9b8d&x=1")] // extra parameter
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc")] // too short to be a token
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?access_token=693a91f6-7xxx")] // the other service's parameter
    [InlineData("https://127.0.0.1/robot/send?access_token=1c5f2e0a9b8d")]
    [InlineData("javascript:alert(1)")]
    public void Anything_else_is_refused(string? address)
    {
        Assert.Null(RobotAddress.ServiceOf(address));
        Assert.False(RobotAddress.IsValid(address));
    }
}

public class RecordLinkTests
{
    [Theory]
    [InlineData(NotificationSubjectKind.Case, "https://portal.example/Cases/Details/7")]
    [InlineData(NotificationSubjectKind.AgreementTerm, "https://portal.example/Terms/Fulfil/7")]
    [InlineData(NotificationSubjectKind.ActionItem, "https://portal.example/Supervision/ActionItem/7")]
    [InlineData(NotificationSubjectKind.Activity, "https://portal.example/Notifications")]
    [InlineData(NotificationSubjectKind.Digest, "https://portal.example/Notifications/Digest/7")]
    public void Each_kind_of_record_has_its_link_in_a_message(NotificationSubjectKind kind, string expected)
    {
        var notification = new Notification("u1", NotificationKind.CaseNew, new NotificationSubject(kind, 7), [], DateTime.UtcNow);

        Assert.Equal(new NotificationSubject(kind, 7), notification.Subject);
        Assert.Equal(expected, TongkuangAlliance.Web.Infrastructure.Notifications.MessageRenderer.RecordLink("https://portal.example/", notification));
    }
}
