using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.UnitTests.Joint;

/// <summary>The rules of 督办 work: progress range, append-only history, send-back, overdue, due dates.</summary>
public sealed class SupervisedWorkTests
{
    private static readonly DateOnly MeetingDay = new(2026, 3, 10);
    private static readonly DateTime Now = new(2026, 3, 12, 2, 0, 0, DateTimeKind.Utc);

    private static ActionItem NewItem(DateOnly? due = null)
    {
        var meeting = new JointMeeting { SubDistrictId = 1, MeetingDate = MeetingDay, Place = "会议室", ConvenedBy = "街道党工委", Topics = "议题" };
        return meeting.AddActionItem(new JointDecision { Text = "决定" }, 2, null, "事项", due ?? MeetingDay.AddDays(10), ActivityStream.HappyCompound);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Progress_outside_0_to_100_is_refused_and_nothing_is_recorded(int progress)
    {
        var item = NewItem();
        var error = Assert.Throws<DomainException>(() => item.RecordProgress(progress, "说明", Now, "u"));
        Assert.Equal(("Work.ProgressRange", "Progress"), (error.MessageKey, error.Field));
        Assert.Empty(item.Updates);
        Assert.Equal(0, item.Progress);
    }

    [Fact]
    public void Updates_are_appended_and_100_marks_the_work_done()
    {
        var item = NewItem();
        item.RecordProgress(30, "开始", Now, "u");
        item.RecordProgress(100, "完成", Now.AddDays(1), "u");
        Assert.Equal([(WorkUpdateKind.Progress, 30, "开始"), (WorkUpdateKind.Done, 100, "完成")], item.Updates.Select(u => (u.Kind, u.Progress, u.Note)));
        Assert.Equal((WorkStatus.Done, 100), (item.Status, item.Progress));
        Assert.Throws<DomainException>(() => item.RecordProgress(100, "再次", Now, "u"));
    }

    [Fact]
    public void Sent_back_work_is_open_again_after_its_owner_updates_it_and_even_done_work_can_be_sent_back()
    {
        var item = NewItem();
        item.RecordProgress(100, "完成", Now, "unit");
        item.SendBack("请附照片", Now.AddHours(1), "jiedao");
        Assert.Equal(WorkStatus.SentBack, item.Status);
        Assert.Throws<DomainException>(() => item.SendBack("再退", Now, "jiedao"));
        item.RecordProgress(90, "补充照片，尚余一处", Now.AddHours(2), "unit");
        Assert.Equal(WorkStatus.Open, item.Status);
        Assert.Equal([WorkUpdateKind.Done, WorkUpdateKind.SentBack, WorkUpdateKind.Progress], item.Updates.Select(u => u.Kind));
    }

    [Fact]
    public void Overdue_means_not_done_and_due_before_today()
    {
        var item = NewItem(MeetingDay.AddDays(1));
        Assert.False(item.IsOverdue(MeetingDay.AddDays(1)));
        Assert.True(item.IsOverdue(MeetingDay.AddDays(2)));
        item.SendBack("催办", Now, "jiedao");
        Assert.True(item.IsOverdue(MeetingDay.AddDays(2)));
        item.RecordProgress(100, "完成", Now, "u");
        Assert.False(item.IsOverdue(MeetingDay.AddDays(2)));
    }

    [Fact]
    public void An_action_item_due_before_its_meeting_or_without_exactly_one_owner_is_refused()
    {
        var meeting = new JointMeeting { SubDistrictId = 1, MeetingDate = MeetingDay, Place = "会议室", ConvenedBy = "街道党工委", Topics = "议题" };
        var decision = new JointDecision { Text = "决定" };
        Assert.Equal("Joint.DueBeforeMeeting", Assert.Throws<DomainException>(() => meeting.AddActionItem(decision, 2, null, "事项", MeetingDay.AddDays(-1), null)).MessageKey);
        Assert.Equal("Joint.OwnerNotInAlliance", Assert.Throws<DomainException>(() => meeting.AddActionItem(decision, 2, 3, "事项", MeetingDay, null)).MessageKey);
        Assert.Equal("Joint.OwnerNotInAlliance", Assert.Throws<DomainException>(() => meeting.AddActionItem(decision, null, null, "事项", MeetingDay, null)).MessageKey);
        Assert.Empty(meeting.ActionItems);
        Assert.Empty(meeting.Decisions);
    }
}
