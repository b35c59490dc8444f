using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.UnitTests.Activities;

/// <summary>Scheduling and results rules on the entity, at fixed times.</summary>
public sealed class ActivityRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    private static ActivityDetails Details(double startInDays = 3, double hours = 3, ActivityKind kind = ActivityKind.ServiceDay, ActivityStream? stream = null,
        IReadOnlyList<PlannedService>? services = null, string title = "便民接待日") =>
        new(1, 2, kind, stream, title, "广场", Now.AddDays(startInDays), Now.AddDays(startInDays).AddHours(hours), ActivityOrganiser.CommunityCommittee, null, null,
            services ?? [new PlannedService(1, 2), new PlannedService(2, 3)], [5]);

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).MessageKey;

    [Fact]
    public void Scheduling_refuses_bad_plans_with_the_field_they_belong_to()
    {
        Assert.Equal("Activity.EndBeforeStart", Refused(() => Activity.Schedule(Details(hours: -1), Now)));
        Assert.Equal("Activity.EndBeforeStart", Refused(() => Activity.Schedule(Details(hours: 0), Now)));
        Assert.Equal("Activity.StartTooFarInPast", Refused(() => Activity.Schedule(Details(startInDays: -8), Now)));
        Assert.Equal("Activity.ServicesRequired", Refused(() => Activity.Schedule(Details(services: []), Now)));
        Assert.Equal("Activity.CountOutOfRange", Refused(() => Activity.Schedule(Details(services: [new PlannedService(1, -1)]), Now)));
        Assert.Equal("Activity.StreamRequired", Refused(() => Activity.Schedule(Details(kind: ActivityKind.StreamActivity), Now)));
        Assert.Equal("Activity.TextTooLong", Refused(() => Activity.Schedule(Details(title: new string('长', FieldLengths.Title + 1)), Now)));
        var error = Assert.Throws<DomainException>(() => Activity.Schedule(Details(startInDays: -8), Now));
        Assert.Equal(nameof(Activity.StartUtc), error.Field);

        // Six days ago is fine (results of a recent one), and a "1+6" activity needs no services.
        Assert.Equal(ActivityStatus.Planned, Activity.Schedule(Details(startInDays: -6), Now).Status);
        Assert.Empty(Activity.Schedule(Details(kind: ActivityKind.StreamActivity, stream: ActivityStream.EveningSchool, services: []), Now).Services);
    }

    [Fact]
    public void Results_tally_per_service_and_can_be_corrected_but_not_before_the_start()
    {
        var activity = Activity.Schedule(Details(startInDays: -1), Now);
        Assert.Equal("Activity.CountOutOfRange", Refused(() => activity.RecordResults(new Dictionary<int, int?> { [1] = -3 }, 0, null, Now)));
        Assert.Equal(ActivityStatus.Planned, activity.Status);

        activity.RecordResults(new Dictionary<int, int?> { [1] = 12, [2] = 30 }, 1, "顺利", Now);
        Assert.Equal(ActivityStatus.Held, activity.Status);
        Assert.Equal(42, activity.ResidentsServed);
        activity.RecordResults(new Dictionary<int, int?> { [1] = 15, [2] = 30 }, 1, "更正", Now.AddDays(2));
        Assert.Equal(45, activity.ResidentsServed);

        var future = Activity.Schedule(Details(startInDays: 2), Now);
        Assert.Equal("Activity.NotStartedYet", Refused(() => future.RecordResults(new Dictionary<int, int?> { [1] = 1 }, 0, null, Now)));
    }

    [Fact]
    public void Only_a_planned_activity_is_cancelled_with_a_reason_and_then_nothing_changes()
    {
        var activity = Activity.Schedule(Details(), Now);
        Assert.Equal("Validation.ReasonRequired", Refused(() => activity.Cancel("  ", Now)));
        activity.Cancel("下雨改期", Now);
        Assert.Equal(ActivityStatus.Cancelled, activity.Status);
        Assert.Equal("下雨改期", activity.CancelReason);
        Assert.Equal("Activity.OnlyPlannedCancel", Refused(() => activity.Cancel("再取消", Now)));
        Assert.Equal("Activity.IsCancelled", Refused(() => activity.UpdateDetails(Details(), Now)));
        Assert.Equal("Activity.IsCancelled", Refused(() => activity.RecordResults(new Dictionary<int, int?>(), 0, null, Now.AddDays(5))));
    }

    [Fact]
    public void Editing_keeps_service_rows_and_units_taken_off_the_plan_are_withdrawn_not_deleted()
    {
        var activity = Activity.Schedule(Details(), Now);
        activity.UpdateDetails(Details(services: [new PlannedService(2, 4), new PlannedService(3, 1)]) with { UnitIds = [] }, Now);
        Assert.Equal(3, activity.Services.Count);
        Assert.False(activity.Services.Single(s => s.ServiceKindId == 1).IsOffered);
        Assert.Equal(4, activity.Services.Single(s => s.ServiceKindId == 2).VolunteersNeeded);
        Assert.False(activity.Units.Single().IsInvited);
        Assert.Equal("Activity.InvalidChoice", Refused(() => activity.ConfirmParticipation(5, null, Now)));
    }

    [Fact]
    public void Feed_tokens_are_random_and_url_safe()
    {
        var tokens = Enumerable.Range(0, 50).Select(_ => ActivityFeed.NewToken()).ToList();
        Assert.Equal(50, tokens.Distinct().Count());
        Assert.All(tokens, t => Assert.Matches("^[A-Za-z0-9_-]{43}$", t));
    }
}
