using TongkuangAlliance.Core.Cases;
using TongkuangAlliance.Core.Joint;

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
