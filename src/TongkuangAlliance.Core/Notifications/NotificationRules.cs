using System.Globalization;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Notifications;

/// <summary>
/// Who is told of what (issue 17), as one table: the event, the kind of notification, who receives it, the record it
/// is about and its text's parameters. <see cref="NotificationWriter"/> applies it when the change is saved: each
/// audience becomes the active accounts it names, less the person who made the change, less anyone who may not open
/// the record (the read rules of Core/Scoping). The time-based rules are lines of the same table: the scheduler's jobs
/// (ADR 0013, Web/Infrastructure/Scheduling) find the records whose time has come, raise the event and record what
/// they told (<see cref="ScheduledReminder"/>) so nothing is told twice; <see cref="Schedules"/> says when each runs.
/// </summary>
public static class NotificationRules
{
    /// <summary>"Due in 3 days": a term or action item due this many China days from today.</summary>
    public const int DueSoonDays = 3;

    /// <summary>An overdue term is reminded once a day until fulfilled, at most this many times.</summary>
    public const int OverdueMaxReminders = 7;

    /// <summary>When the time-based rules run (Quartz cron, China time): job → cron → what it raises.</summary>
    public static readonly IReadOnlyList<(string Job, string Cron, string Raises)> Schedules =
    [
        ("due-and-overdue", "0 0 8 * * ?",   "TermDueSoon, TermOverdue (daily, ≤ 7), ActionItemDueSoon, ActionItemOverdue (once)"),
        ("case-deadlines",  "0 5 * * * ?",   "CaseDeadlineTurned: yellow (stale) or red (overdue), once per deadline"),
        ("day-before",      "0 0 18 * * ?",  "ActivityTomorrow: the activities that start tomorrow"),
        ("weekly-digest",   "0 0 8 ? * MON", "DigestReady (Weekly): the past Monday–Sunday, per sub-district"),
        ("monthly-summary", "0 0 9 1 * ?",   "DigestReady (MonthlyUnit): the past month, per member unit"),
    ];

    public static readonly IReadOnlyList<NotificationRule> All =
    [
        //  event                  kind                                    who is told                                                  about            parameters of the text
        On<CaseRegistered>(NotificationKind.CaseNew,             e => [Audience.CommunityCommittee(e.Case.CommunityId), Audience.GridWorkers(e.Case.GridId)], e => Subject(e.Case), e => [e.Case.Number, e.Case.Title]),
        On<CaseHandlerAssigned>(NotificationKind.CaseAssigned,   e => [Audience.Account(e.HandlerUserId)],                                                   e => Subject(e.Case), e => [e.Case.Number, e.Case.Title]),
        On<CaseEscalated>(NotificationKind.CaseEscalated,        e => [Audience.SubDistrictCommitteeOfCommunity(e.Case.CommunityId)],                        e => Subject(e.Case), e => [e.Case.Number, e.Case.Title, e.Reason]),
        On<CaseHandedBack>(NotificationKind.CaseHandedBack,      e => [Audience.CommunityCommittee(e.Case.CommunityId)],                                     e => Subject(e.Case), e => [e.Case.Number, e.Case.Title]),
        On<TermRecorded>(NotificationKind.TermRecorded,          e => [Audience.UnitAccounts(OwingUnit(e.Term))],                                            e => Subject(e.Term), e => [CaseNumber(e.Term), e.Term.Description, Day(e.Term.DueDate)]),
        On<TermFulfilled>(NotificationKind.TermFulfilled,        e => [Audience.Account(e.Case.HandlerUserId)],                                              e => Subject(e.Case), e => [e.Case.Number, e.Term.Description]),
        On<ActionItemAssigned>(NotificationKind.ActionItemAssigned, e => [Audience.Owner(e.Item)],                                                           e => Subject(e.Item), e => [e.Item.What, Day(e.Item.DueDate)]),
        On<WorkSentBack>(NotificationKind.ActionItemSentBack,    e => e.Work is ActionItem item ? [Audience.Owner(item)] : [],                               e => Subject((ActionItem)e.Work), e => [((ActionItem)e.Work).What, e.Comment]),
        On<WorkCompleted>(NotificationKind.ActionItemCompleted,  e => e.Work is ActionItem item ? [Audience.SubDistrictCommitteeOfMeeting(item.MeetingId)] : [], e => Subject((ActionItem)e.Work), e => [((ActionItem)e.Work).What]),
        On<CaseReopenedByFollowUp>(NotificationKind.CaseReopened, e => [Audience.Account(e.Case.HandlerUserId)],                                            e => Subject(e.Case), e => [e.Case.Number, e.Case.Title, e.Note]),

        // Activities and volunteers. A volunteer's own sign-up confirms it to them too (actorToo).
        On<UnitInvited>(NotificationKind.ActivityInvited,        e => [Audience.UnitAccounts(e.MemberUnitId)],                                               e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Activity.Place]),
        On<ActivityCancelled>(NotificationKind.ActivityCancelled, e => [Audience.SignedUpVolunteers(e.Activity.Id), Audience.InvitedUnits(e.Activity.Id)],   e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Reason]),
        On<VolunteerSignedUp>(NotificationKind.SignUpConfirmed,  e => e.SignUp.Status == SignUpStatus.Confirmed ? [Audience.Volunteer(e.SignUp.PartyMemberId)] : [], e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Activity.Place], actorToo: true),
        On<VolunteerSignedUp>(NotificationKind.SignUpWaitlisted, e => e.SignUp.Status == SignUpStatus.Waitlisted ? [Audience.Volunteer(e.SignUp.PartyMemberId)] : [], e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Activity.Place], actorToo: true),
        On<VolunteerPromoted>(NotificationKind.SignUpPromoted,   e => [Audience.Volunteer(e.SignUp.PartyMemberId)],                                          e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Activity.Place]),

        // Time-based (the scheduler's jobs raise these; see Schedules).
        On<TermDueSoon>(NotificationKind.TermDueSoon,            e => [Audience.UnitAccounts(OwingUnit(e.Term))],                                            e => Subject(e.Term), e => [CaseNumber(e.Term), e.Term.Description, Day(e.Term.DueDate)]),
        On<TermOverdue>(NotificationKind.TermOverdue,            e => [Audience.UnitAccounts(OwingUnit(e.Term)), Audience.Account(e.Term.Case?.HandlerUserId)], e => Subject(e.Term), e => [CaseNumber(e.Term), e.Term.Description, Day(e.Term.DueDate), Count(e.Reminder)]),
        On<ActionItemDueSoon>(NotificationKind.ActionItemDueSoon, e => [Audience.Owner(e.Item)],                                                             e => Subject(e.Item), e => [e.Item.What, Day(e.Item.DueDate)]),
        On<ActionItemOverdue>(NotificationKind.ActionItemOverdue, e => [Audience.Owner(e.Item)],                                                             e => Subject(e.Item), e => [e.Item.What, Day(e.Item.DueDate)]),
        On<CaseDeadlineTurned>(NotificationKind.CaseDeadlineYellow, e => e.Red ? [] : [Audience.Account(e.Case.HandlerUserId), Audience.CommunityCommittee(e.Case.CommunityId)], e => Subject(e.Case), e => [e.Case.Number, e.Case.Title]),
        On<CaseDeadlineTurned>(NotificationKind.CaseDeadlineRed,  e => e.Red ? [Audience.Account(e.Case.HandlerUserId), Audience.CommunityCommittee(e.Case.CommunityId)] : [], e => Subject(e.Case), e => [e.Case.Number, e.Case.Title]),
        On<ActivityTomorrow>(NotificationKind.ActivityTomorrow,  e => [Audience.SignedUpVolunteers(e.Activity.Id), Audience.InvitedUnits(e.Activity.Id)],    e => Subject(e.Activity), e => [e.Activity.Title, When(e.Activity), e.Activity.Place, WhatToBring(e.Activity)]),
        On<DigestReady>(NotificationKind.WeeklyDigest,           e => e.Digest.SubDistrictId is { } s ? [Audience.SubDistrictCommittee(s)] : [],            e => Subject(e.Digest), e => [Day(e.Digest.From), Day(e.Digest.To)]),
        On<DigestReady>(NotificationKind.MonthlyUnitSummary,     e => e.Digest.MemberUnitId is { } u ? [Audience.UnitAccounts(u)] : [],                     e => Subject(e.Digest), e => [Day(e.Digest.From), Day(e.Digest.To)]),
    ];

    /// <summary>The rules that apply to <paramref name="domainEvent"/>.</summary>
    public static IEnumerable<NotificationRule> For(DomainEvent domainEvent) => All.Where(r => r.EventType == domainEvent.GetType());

    private static NotificationRule On<TEvent>(NotificationKind kind, Func<TEvent, IReadOnlyList<Audience>> recipients,
        Func<TEvent, NotificationSubject> subject, Func<TEvent, string[]> parameters, bool actorToo = false) where TEvent : DomainEvent =>
        new(typeof(TEvent), kind, e => recipients((TEvent)e), e => subject((TEvent)e), e => parameters((TEvent)e)) { TellsActor = actorToo };

    private static NotificationSubject Subject(Case kase) => new(NotificationSubjectKind.Case, kase.Id);

    private static NotificationSubject Subject(AgreementTerm term) => new(NotificationSubjectKind.AgreementTerm, term.Id);

    private static NotificationSubject Subject(ActionItem item) => new(NotificationSubjectKind.ActionItem, item.Id);

    private static NotificationSubject Subject(Activity activity) => new(NotificationSubjectKind.Activity, activity.Id);

    private static NotificationSubject Subject(NotificationDigest digest) => new(NotificationSubjectKind.Digest, digest.Id);

    /// <summary>Start and end in China time: "2026-12-08 09:00–11:30" (the end's day too when it differs).</summary>
    private static string When(Activity a)
    {
        var start = ChinaTime.FromUtc(a.StartUtc);
        var end = ChinaTime.FromUtc(a.EndUtc);
        var endText = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : end.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return start.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + "–" + endText;
    }

    /// <summary>
    /// What to bring: an activity has no field of its own for it, so the reminder carries what the plan says — its
    /// description (where the organiser writes what to prepare), or "—" without one.
    /// </summary>
    private static string WhatToBring(Activity a) => string.IsNullOrWhiteSpace(a.Description) ? "—" : a.Description;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The member unit that owes the term; null when its party is a resident or an outside organisation (no account to tell).</summary>
    private static int? OwingUnit(AgreementTerm term) =>
        term.ObligatedParty is { Kind: CasePartyKind.MemberUnit, MemberUnitId: { } unit } ? unit : null;

    private static string CaseNumber(AgreementTerm term) => term.Case?.Number ?? "";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>One line of <see cref="NotificationRules.All"/>.</summary>
public sealed record NotificationRule(
    Type EventType,
    NotificationKind Kind,
    Func<DomainEvent, IReadOnlyList<Audience>> Recipients,
    Func<DomainEvent, NotificationSubject> Subject,
    Func<DomainEvent, string[]> Parameters)
{
    /// <summary>Whether the person who made the change is told too (a volunteer's own sign-up confirms it to them).</summary>
    public bool TellsActor { get; init; }
}

/// <summary>Who a rule tells, before it becomes account ids: only active accounts, of the role the audience names.</summary>
public abstract record Audience
{
    /// <summary>One account (a case's handler). Null: nobody.</summary>
    public static Audience Account(string? userId) => new OneAccount(userId);

    /// <summary>The community committee accounts of a community (社区党委).</summary>
    public static Audience CommunityCommittee(int communityId) => new CommunityCommitteeOf(communityId);

    /// <summary>The grid workers of a grid (none when the case has no grid).</summary>
    public static Audience GridWorkers(int? gridId) => new GridWorkersOf(gridId);

    /// <summary>The accounts of a member unit (none when no unit).</summary>
    public static Audience UnitAccounts(int? memberUnitId) => new UnitAccountsOf(memberUnitId);

    /// <summary>The sub-district committee accounts of the sub-district a community belongs to.</summary>
    public static Audience SubDistrictCommitteeOfCommunity(int communityId) => new SubDistrictOfCommunity(communityId);

    /// <summary>The sub-district committee accounts of the sub-district that held a joint meeting.</summary>
    public static Audience SubDistrictCommitteeOfMeeting(int meetingId) => new SubDistrictOfMeeting(meetingId);

    /// <summary>The owner of an action item: its unit's accounts, or its community's committee.</summary>
    public static Audience Owner(ActionItem item) =>
        item.OwnerUnitId is { } unit ? UnitAccounts(unit) : CommunityCommittee(item.OwnerCommunityId ?? 0);

    /// <summary>The account of a volunteer (party member), if they have one.</summary>
    public static Audience Volunteer(int partyMemberId) => new VolunteerOf(partyMemberId);

    /// <summary>The volunteers signed up (placed or waiting) for an activity.</summary>
    public static Audience SignedUpVolunteers(int activityId) => new SignedUpFor(activityId);

    /// <summary>The accounts of every unit still invited to an activity.</summary>
    public static Audience InvitedUnits(int activityId) => new InvitedTo(activityId);

    /// <summary>The sub-district committee accounts of a sub-district.</summary>
    public static Audience SubDistrictCommittee(int subDistrictId) => new SubDistrictCommitteeOf(subDistrictId);

    public sealed record OneAccount(string? UserId) : Audience;
    public sealed record VolunteerOf(int PartyMemberId) : Audience;
    public sealed record SignedUpFor(int ActivityId) : Audience;
    public sealed record InvitedTo(int ActivityId) : Audience;
    public sealed record SubDistrictCommitteeOf(int SubDistrictId) : Audience;
    public sealed record CommunityCommitteeOf(int CommunityId) : Audience;
    public sealed record GridWorkersOf(int? GridId) : Audience;
    public sealed record UnitAccountsOf(int? MemberUnitId) : Audience;
    public sealed record SubDistrictOfCommunity(int CommunityId) : Audience;
    public sealed record SubDistrictOfMeeting(int MeetingId) : Audience;
}
