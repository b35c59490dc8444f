using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Joint;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Core.Notifications;

// The domain events that tell someone (issue 17). Each carries the record itself, not its id: a record added in
// the same save has its key only after the insert, and the events are turned into notifications after it.
// Who is told of each is NotificationRules; these only say what happened.

/// <summary>A new case entered its community's queue (staff intake, a resident's online form, a grid intake).</summary>
public sealed record CaseRegistered(Case Case, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>The case was given to a handler (accepted, handler changed, taken over or handed back with one named).</summary>
public sealed record CaseHandlerAssigned(Case Case, string HandlerUserId, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>The community reported the case to the sub-district (上报街道).</summary>
public sealed record CaseEscalated(Case Case, string Reason, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>The sub-district handed an escalated case back to the community.</summary>
public sealed record CaseHandedBack(Case Case, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A term was added to the case's agreement: its party owes it by its due date.</summary>
public sealed record TermRecorded(AgreementTerm Term, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A term was marked fulfilled.</summary>
public sealed record TermFulfilled(Case Case, AgreementTerm Term, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A joint meeting's decision assigned an action item to a unit or a community.</summary>
public sealed record ActionItemAssigned(ActionItem Item, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>The sub-district sent supervised work (an action item or a joint project) back with a comment.</summary>
public sealed record WorkSentBack(SupervisedWork Work, string Comment, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>The owner reported supervised work 100 % done.</summary>
public sealed record WorkCompleted(SupervisedWork Work, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A dissatisfied follow-up (or an agreement not honoured) reopened the case.</summary>
public sealed record CaseReopenedByFollowUp(Case Case, string Note, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A member unit was invited to an activity (scheduled with it, or added to it later).</summary>
public sealed record UnitInvited(Activity Activity, int MemberUnitId, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>An activity was cancelled, with its reason.</summary>
public sealed record ActivityCancelled(Activity Activity, string Reason, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A volunteer signed up for a service of an activity: a place (confirmed) or the waitlist.</summary>
public sealed record VolunteerSignedUp(Activity Activity, ActivitySignUp SignUp, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

/// <summary>A waiting volunteer took a freed place.</summary>
public sealed record VolunteerPromoted(Activity Activity, ActivitySignUp SignUp, DateTime AtUtc, string? ActorUserId) : DomainEvent(AtUtc, ActorUserId);

// ---- Raised by the scheduler's jobs (ADR 0013), not by a record's method: nothing about the record changed, time passed.

/// <summary>A pending term falls due in <see cref="NotificationRules.DueSoonDays"/> days.</summary>
public sealed record TermDueSoon(AgreementTerm Term, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>A pending term is overdue; <paramref name="Reminder"/> counts the daily reminders (1…7).</summary>
public sealed record TermOverdue(AgreementTerm Term, int Reminder, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>An open action item falls due in <see cref="NotificationRules.DueSoonDays"/> days.</summary>
public sealed record ActionItemDueSoon(ActionItem Item, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>An open action item is past its due date.</summary>
public sealed record ActionItemOverdue(ActionItem Item, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>A case's deadline light turned yellow (<see cref="Case.Stale"/>) or red (<see cref="Case.Overdue"/>).</summary>
public sealed record CaseDeadlineTurned(Case Case, bool Red, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>A planned activity takes place tomorrow (China time).</summary>
public sealed record ActivityTomorrow(Activity Activity, DateTime AtUtc) : DomainEvent(AtUtc, null);

/// <summary>A digest was computed: the sub-district's week, or a unit's month.</summary>
public sealed record DigestReady(NotificationDigest Digest, DateTime AtUtc) : DomainEvent(AtUtc, null);
