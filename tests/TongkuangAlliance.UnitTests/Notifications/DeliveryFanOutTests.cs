using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Core.Notifications.Delivery;
using TongkuangAlliance.UnitTests.Cases;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>Which deliveries a notification gets, written with it in the same transaction (issue 17, ADR 0012).</summary>
public sealed class DeliveryFanOutTests : IDisposable
{
    private readonly DeliveryWorld _w = new();

    public void Dispose() => _w.Dispose();

    [Fact]
    public async Task A_new_case_emails_only_confirmed_addresses_and_posts_once_to_the_communitys_robot()
    {
        await _w.RegisterAsync();
        // Told: nanqu, nanqu-b (no email), nanqu-en, wangge1 (email not confirmed) — one robot post for 南区, not four.
        Assert.Equal(
            [("nanqu", DeliveryChannel.Email, "nanqu@tongkuang.example"), ("nanqu-en", DeliveryChannel.Email, "en@tongkuang.example"), ("community:" + _w.South, DeliveryChannel.Robot, "")],
            _w.Deliveries().OrderBy(d => d.Channel).ThenBy(d => d.Who, StringComparer.Ordinal).ToList());
        await using var db = _w.Database.CreateContext();
        Assert.Equal(4, await db.Notifications.CountAsync()); // the one without email still has the in-app notification
        Assert.All(await db.NotificationDeliveries.ToListAsync(), d =>
        {
            Assert.Equal(DeliveryStatus.Pending, d.Status);
            Assert.Equal(DeliveryWorld.Now, d.NextAttemptUtc);
            Assert.Equal(_w.SubDistrict, d.SubDistrictId);
            Assert.Equal(NotificationKind.CaseNew, d.Kind);
        });
    }

    [Fact]
    public async Task A_kind_turned_off_for_email_is_not_emailed_but_still_notified()
    {
        await using (var db = _w.Database.CreateContext())
        {
            db.NotificationOptOuts.Add(new NotificationOptOut { UserId = _w.Id("nanqu"), Kind = NotificationKind.CaseNew, Channel = DeliveryChannel.Email });
            await db.SaveChangesAsync();
        }
        await _w.RegisterAsync();
        Assert.DoesNotContain(_w.Deliveries(), d => d.Who == "nanqu");
        await using var check = _w.Database.CreateContext();
        Assert.True(await check.Notifications.AnyAsync(n => n.UserId == _w.Id("nanqu")));
    }

    [Fact]
    public async Task A_unit_with_a_robot_gets_one_post_and_a_community_without_one_none()
    {
        var id = await _w.RegisterAsync();
        _w.Step(id, "nanqu", k =>
        {
            k.Accept(_w.Id("nanqu"), DeliveryWorld.Now, _w.Id("nanqu"));
            k.StartMediation(DeliveryWorld.Now, _w.Id("nanqu"));
            var unit = k.AddParty(CasePartyKind.MemberUnit, "铜矿工程部", null, _w.Mine, CasePartyRole.ResponsibleUnit, DeliveryWorld.Now, _w.Id("nanqu"));
            k.AddTerm(unit, AgreementTermKind.Repair, "更换 4 盏路灯", null, new DateOnly(2026, 11, 9), DeliveryWorld.Now, _w.Id("nanqu"));
        });
        var deliveries = _w.Deliveries();
        Assert.Contains(("unit02", DeliveryChannel.Email, "unit02@tongkuang.example"), deliveries);
        Assert.Single(deliveries, d => d.Who == "unit:" + _w.Mine);
        Assert.DoesNotContain(deliveries, d => d.Who == "community:" + _w.North);
    }

    [Fact]
    public async Task A_rolled_back_change_leaves_no_delivery()
    {
        _w.User.UserId = null;
        await using (var db = _w.Database.CreateContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var details = new CaseDetails(CaseKind.Dispute, CaseSource.WalkIn, "刘贤英", CaseTestData.ResidentPhone, _w.South, _w.Compound, _w.Building1, _w.Grid1,
                "撤销的案件", "不会保存。", DeliveryWorld.Now.AddHours(-1), CaseUrgency.Normal);
            await db.RegisterCaseAsync(details, db.CaseCategories.First(), DeliveryWorld.Now, null);
            Assert.Equal(3, await db.NotificationDeliveries.CountAsync());
            await transaction.RollbackAsync();
        }
        await using var check = _w.Database.CreateContext();
        Assert.Equal(0, await check.NotificationDeliveries.CountAsync());
    }

    [Fact]
    public async Task The_audit_log_says_a_robot_address_changed_but_never_what_it_is()
    {
        _w.User.UserId = _w.Id("jiedao");
        await using (var db = _w.Database.CreateContext())
        {
            var north = await db.Communities.SingleAsync(c => c.Id == _w.North);
            north.RobotWebhookUrl = DeliveryWorld.MineRobot;
            north.RobotSecretProtected = "CfDJ8-protected";
            await db.SaveChangesAsync();
        }
        await using var check = _w.Database.CreateContext();
        var changes = await check.AuditEntries.Where(a => a.EntityType == "Community" && a.EntityId == _w.North.ToString()).Select(a => a.Changes).ToListAsync();
        var last = changes.Last();
        Assert.Contains("RobotWebhookUrl", last);
        Assert.DoesNotContain("access_token", string.Join("", changes));
        Assert.DoesNotContain("CfDJ8", string.Join("", changes));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(20, 60)]
    public void Backoff_doubles_from_a_minute_to_an_hour(int attempts, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), NotificationDelivery.Backoff(attempts));
}
