using System.Globalization;
using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Joint;

namespace TongkuangAlliance.Core.Notifications;

/// <summary>
/// Who is told of what (issue 17), as one table: the event, the kind of notification, who receives it, the record it
/// is about and its text's parameters. <see cref="NotificationWriter"/> applies it when the change is saved: each
/// audience becomes the active accounts it names, less the person who made the change, less anyone who may not open
/// the record (the read rules of Core/Scoping). Time-based rules (due in 3 days, overdue, digests) are not here yet:
/// they need the scheduler (ADR 0012).
/// </summary>
public static class NotificationRules
{
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
    ];

    /// <summary>The rules that apply to <paramref name="domainEvent"/>.</summary>
    public static IEnumerable<NotificationRule> For(DomainEvent domainEvent) => All.Where(r => r.EventType == domainEvent.GetType());

    private static NotificationRule On<TEvent>(NotificationKind kind, Func<TEvent, IReadOnlyList<Audience>> recipients,
        Func<TEvent, NotificationSubject> subject, Func<TEvent, string[]> parameters) where TEvent : DomainEvent =>
        new(typeof(TEvent), kind, e => recipients((TEvent)e), e => subject((TEvent)e), e => parameters((TEvent)e));

    private static NotificationSubject Subject(Case kase) => new(NotificationSubjectKind.Case, kase.Id);

    private static NotificationSubject Subject(AgreementTerm term) => new(NotificationSubjectKind.AgreementTerm, term.Id);

    private static NotificationSubject Subject(ActionItem item) => new(NotificationSubjectKind.ActionItem, item.Id);

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
    Func<DomainEvent, string[]> Parameters);

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

    public sealed record OneAccount(string? UserId) : Audience;
    public sealed record CommunityCommitteeOf(int CommunityId) : Audience;
    public sealed record GridWorkersOf(int? GridId) : Audience;
    public sealed record UnitAccountsOf(int? MemberUnitId) : Audience;
    public sealed record SubDistrictOfCommunity(int CommunityId) : Audience;
    public sealed record SubDistrictOfMeeting(int MeetingId) : Audience;
}
