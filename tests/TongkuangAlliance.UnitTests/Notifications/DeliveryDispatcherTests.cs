using MimeKit;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.Web.Infrastructure.Notifications;
using TongkuangAlliance.Web.Infrastructure.Notifications.Email;
using TongkuangAlliance.UnitTests.Cases;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>
/// The dispatcher over a real SQLite database, sending email to a real SMTP server in the test process (issue 17):
/// rendering in the recipient's language, the link and the unsubscribe link, retries with backoff while the server
/// is down, scope re-checked before sending, quiet hours and the daily cap, and one claimant per delivery.
/// </summary>
public sealed class DeliveryDispatcherTests : IDisposable
{
    private readonly DeliveryWorld _w = new();
    private readonly TestSmtpServer _smtp = new();
    private readonly RecordingChannel _robot = new(DeliveryChannel.Robot);
    private readonly DeliveryRig _rig;

    public DeliveryDispatcherTests() => _rig = new DeliveryRig(_w.Clock, _w.Database.CreateContext, _smtp.Port, _robot);

    public void Dispose()
    {
        _rig.Dispose();
        _smtp.Dispose();
        _w.Dispose();
    }

    private List<NotificationDelivery> Deliveries()
    {
        using var db = _w.Database.CreateContext();
        return db.NotificationDeliveries.Include(d => d.AttemptLog).OrderBy(d => d.Id).ToList();
    }

    private MimeMessage MailTo(string address) => Assert.Single(_smtp.Received, m => m.To.Mailboxes.Single().Address == address);

    [Fact]
    public async Task Email_reaches_the_smtp_server_in_the_recipients_language_with_the_records_link_and_an_unsubscribe_link()
    {
        var id = await _w.RegisterAsync();
        await _rig.DrainAsync();

        Assert.Equal(2, _smtp.Received.Count);
        var zh = MailTo("nanqu@tongkuang.example");
        Assert.Equal("【铜矿街道党建联盟】新案件", zh.Subject);
        Assert.Contains("「路灯损坏致居民摔伤」已进入待办", zh.TextBody);
        Assert.Contains($"{DeliveryRig.BaseUrl}/Cases/Details/{id}", zh.TextBody);
        var unsubscribe = zh.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.StartsWith(DeliveryRig.BaseUrl + "/Unsubscribe?token=", unsubscribe);
        Assert.Contains(unsubscribe, zh.TextBody);
        var token = Uri.UnescapeDataString(unsubscribe[(unsubscribe.IndexOf('=') + 1)..]);
        Assert.Equal((_w.Id("nanqu"), NotificationKind.CaseNew), _rig.Secrets.ReadUnsubscribeToken(token));

        var en = MailTo("en@tongkuang.example");
        Assert.Equal("[Tongkuang Alliance] New case", en.Subject);
        Assert.Contains("Unsubscribe", en.TextBody);

        var deliveries = Deliveries();
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(deliveries.Where(d => d.Channel == DeliveryChannel.Email).Select(d => d.Id.ToString()).Order(),
            _smtp.Received.Select(m => m.Headers[SmtpEmailChannel.DeliveryIdHeader]).Order());
        Assert.All(deliveries, d => Assert.Equal(DeliveryOutcome.Sent, Assert.Single(d.AttemptLog).Outcome));

        // The robot channel (whichever is registered) got one post for 南区, with its webhook.
        var post = Assert.Single(_robot.Sent);
        Assert.Equal(DeliveryWorld.SouthRobot, post.Address);
        Assert.Equal($"{DeliveryRig.BaseUrl}/Cases/Details/{id}", post.Link);
    }

    [Fact]
    public async Task While_the_smtp_server_is_down_deliveries_retry_with_backoff_and_go_out_when_it_returns()
    {
        _smtp.Stop();
        await _w.RegisterAsync();
        await _rig.DrainAsync();

        var emails = Deliveries().Where(d => d.Channel == DeliveryChannel.Email).ToList();
        Assert.All(emails, d =>
        {
            Assert.Equal(DeliveryStatus.Pending, d.Status);
            Assert.Equal(1, d.Attempts);
            Assert.Equal(DeliveryWorld.Now.AddMinutes(1), d.NextAttemptUtc);
            Assert.Contains("SMTP 127.0.0.1", d.LastError);
            Assert.Equal(DeliveryOutcome.Failed, Assert.Single(d.AttemptLog).Outcome);
        });
        Assert.Contains(_rig.Log.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("failed, attempt 1") && l.Contains("SMTP 127.0.0.1"));

        // Not due before the backoff ends; the second failure waits 2 minutes.
        Assert.Equal(0, await _rig.RunOnceAsync());
        _w.Clock.UtcNow = DeliveryWorld.Now.AddMinutes(1);
        await _rig.DrainAsync();
        Assert.All(Deliveries().Where(d => d.Channel == DeliveryChannel.Email), d =>
        {
            Assert.Equal(2, d.Attempts);
            Assert.Equal(DeliveryWorld.Now.AddMinutes(3), d.NextAttemptUtc);
        });

        _smtp.Start();
        _w.Clock.UtcNow = DeliveryWorld.Now.AddMinutes(3);
        await _rig.DrainAsync();
        Assert.Equal(2, _smtp.Received.Count);
        Assert.All(Deliveries().Where(d => d.Channel == DeliveryChannel.Email), d =>
        {
            Assert.Equal(DeliveryStatus.Sent, d.Status);
            Assert.Equal(3, d.Attempts);
            Assert.Equal([DeliveryOutcome.Failed, DeliveryOutcome.Failed, DeliveryOutcome.Sent], d.AttemptLog.OrderBy(a => a.Id).Select(a => a.Outcome));
        });
    }

    [Fact]
    public async Task A_delivery_that_keeps_failing_is_given_up_after_the_last_attempt_and_a_refusal_at_once()
    {
        _smtp.Stop();
        _robot.Answer = ChannelResult.Refused("errcode 93000: invalid webhook url");
        await _w.RegisterAsync();
        for (var i = 0; i < NotificationDelivery.MaxAttempts; i++)
        {
            await _rig.DrainAsync();
            _w.Clock.UtcNow += NotificationDelivery.LongestRetry;
        }
        var deliveries = Deliveries();
        Assert.All(deliveries.Where(d => d.Channel == DeliveryChannel.Email), d =>
        {
            Assert.Equal(DeliveryStatus.Failed, d.Status);
            Assert.Equal(NotificationDelivery.MaxAttempts, d.Attempts);
            Assert.Equal(DeliveryOutcome.GaveUp, d.AttemptLog.OrderBy(a => a.Id).Last().Outcome);
        });
        var robot = Assert.Single(deliveries, d => d.Channel == DeliveryChannel.Robot);
        Assert.Equal((DeliveryStatus.Failed, 1, "errcode 93000: invalid webhook url"), (robot.Status, robot.Attempts, robot.LastError));
    }

    [Fact]
    public async Task A_record_moved_out_of_the_recipients_scope_before_delivery_is_not_sent_and_the_log_says_why()
    {
        var id = await _w.RegisterAsync();
        _w.Step(id, "jiedao", k =>
        {
            var d = new CaseDetails(k.Kind, k.Source, k.ReporterName, k.ReporterPhone, _w.North, null, null, null, k.Title, k.Description, k.OccurredAtUtc, k.Urgency);
            k.UpdateDetails(d, k.Category!, DeliveryWorld.Now, _w.Id("jiedao"));
        });
        await _rig.DrainAsync();

        Assert.Empty(_smtp.Received);
        Assert.Empty(_robot.Sent);
        Assert.All(Deliveries(), d =>
        {
            Assert.Equal(DeliveryStatus.Cancelled, d.Status);
            Assert.Equal(DeliveryProcessor.OutOfScope, d.LastError);
            Assert.Equal(DeliveryOutcome.Cancelled, Assert.Single(d.AttemptLog).Outcome);
        });
        Assert.Contains(_rig.Log.Lines, l => l.Contains("cancelled") && l.Contains(DeliveryProcessor.OutOfScope));
    }

    [Fact]
    public async Task A_kind_turned_off_after_the_notification_was_written_is_not_emailed()
    {
        await _w.RegisterAsync();
        await using (var db = _w.Database.CreateContext())
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { UserId = _w.Id("nanqu"), Kind = NotificationKind.CaseNew, Channel = DeliveryChannel.Email });
            await db.SaveChangesAsync();
        }
        await _rig.DrainAsync();
        Assert.Equal(["en@tongkuang.example"], _smtp.Received.Select(m => m.To.Mailboxes.Single().Address));
        Assert.Contains(Deliveries(), d => d.Status == DeliveryStatus.Cancelled && d.LastError == DeliveryProcessor.TurnedOff);
    }

    [Fact]
    public async Task Robot_posts_wait_out_the_quiet_hours_until_seven_and_email_does_not()
    {
        _w.Clock.UtcNow = CaseTestData.Utc(2026, 11, 2, 15, 30); // 23:30 China time
        await _w.RegisterAsync();
        await _rig.DrainAsync();

        Assert.Equal(2, _smtp.Received.Count);
        Assert.Empty(_robot.Sent);
        var robot = Assert.Single(Deliveries(), d => d.Channel == DeliveryChannel.Robot);
        Assert.Equal((DeliveryStatus.Pending, 0), (robot.Status, robot.Attempts));
        Assert.Equal(CaseTestData.Utc(2026, 11, 2, 23, 0), robot.NextAttemptUtc); // 07:00 China time
        Assert.Equal(DeliveryProcessor.QuietHours, Assert.Single(robot.AttemptLog).Error);

        _w.Clock.UtcNow = CaseTestData.Utc(2026, 11, 2, 23, 0);
        await _rig.DrainAsync();
        Assert.Single(_robot.Sent);
    }

    [Fact]
    public async Task Past_the_daily_cap_a_message_waits_for_the_next_china_day()
    {
        var cap = DeliveryLimits.DailyCap(DeliveryChannel.Robot);
        for (var i = 0; i <= cap; i++)
            await _w.RegisterAsync(title: $"第{i}件");
        await _rig.DrainAsync();

        Assert.Equal(cap, _robot.Sent.Count);
        var held = Assert.Single(Deliveries(), d => d.Channel == DeliveryChannel.Robot && d.Status == DeliveryStatus.Pending);
        Assert.Equal(DeliveryLimits.NextChinaDayUtc(DeliveryWorld.Now), held.NextAttemptUtc);
        Assert.Equal(DeliveryProcessor.DailyCap, held.AttemptLog.Single().Error);
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_send_each_delivery_once()
    {
        for (var i = 0; i < 10; i++)
            await _w.RegisterAsync(title: $"第{i}件");
        await Task.WhenAll(Enumerable.Range(0, 2).Select(n => Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++) await _rig.RunOnceAsync("dispatcher-" + n, batchSize: 3);
        })));
        var ids = _smtp.Received.Select(m => m.Headers[SmtpEmailChannel.DeliveryIdHeader]).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(10, _robot.Sent.Select(m => m.DeliveryId).Distinct().Count());
        Assert.Equal(10, _robot.Sent.Count);
    }
}
