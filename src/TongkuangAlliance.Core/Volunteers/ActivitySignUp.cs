using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Notifications;

namespace TongkuangAlliance.Core.Volunteers;

/// <summary>Has a place, waits on the list, or withdrew (the row stays).</summary>
public enum SignUpStatus
{
    Confirmed = 1,
    Waitlisted = 2,
    Withdrawn = 3,
}

/// <summary>
/// A party member signed up for one service of an activity. The service's "volunteers needed" is its capacity:
/// beyond it, sign-ups wait on a list in the order they came (<see cref="QueuedAtUtc"/>, then id) and the first
/// one is promoted when a place frees. One row per member and activity: withdrawing and signing up again reuses it.
/// </summary>
public class ActivitySignUp : AuditableEntity
{
    private ActivitySignUp() { }

    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public int ActivityServiceId { get; private set; }
    public ActivityService? ActivityService { get; private set; }
    public int PartyMemberId { get; private set; }
    public PartyMember? PartyMember { get; private set; }
    public SignUpStatus Status { get; private set; }

    /// <summary>When the member joined the queue for this service: orders the waitlist.</summary>
    public DateTime QueuedAtUtc { get; private set; }

    /// <summary>
    /// Signs <paramref name="member"/> up for <paramref name="service"/> (of <paramref name="activity"/>), given how
    /// many places of that service are taken. <paramref name="existing"/> is the member's row for this activity, if any.
    /// </summary>
    public static ActivitySignUp SignUp(Activity activity, ActivityService service, PartyMember member, int confirmedForService,
        ActivitySignUp? existing, DateTime nowUtc)
    {
        if (activity.Status != ActivityStatus.Planned) throw new DomainException("Volunteer.ActivityNotOpen");
        if (activity.EndUtc <= nowUtc) throw new DomainException("Volunteer.ActivityNotOpen");
        if (service.ActivityId != activity.Id || !service.IsOffered) throw new DomainException("Volunteer.InvalidChoice", nameof(ActivityServiceId));
        if (!member.CanVolunteer) throw new DomainException("Volunteer.NotConfirmed");
        if (existing is { Status: not SignUpStatus.Withdrawn }) throw new DomainException("Volunteer.AlreadySignedUp");
        var status = confirmedForService < service.VolunteersNeeded ? SignUpStatus.Confirmed : SignUpStatus.Waitlisted;
        var signUp = existing ?? new ActivitySignUp { ActivityId = activity.Id, PartyMemberId = member.Id };
        signUp.ActivityServiceId = service.Id;
        signUp.Status = status;
        signUp.QueuedAtUtc = nowUtc;
        signUp.Raise(new VolunteerSignedUp(activity, signUp, nowUtc, null));
        return signUp;
    }

    /// <summary>Withdraws; returns true when this freed a confirmed place (the caller then promotes the first waiting).</summary>
    public bool Withdraw()
    {
        if (Status == SignUpStatus.Withdrawn) throw new DomainException("Volunteer.AlreadyWithdrawn");
        var freed = Status == SignUpStatus.Confirmed;
        Status = SignUpStatus.Withdrawn;
        return freed;
    }

    /// <summary>The first waiting sign-up of a service takes a freed place.</summary>
    public void Promote(Activity activity, DateTime nowUtc)
    {
        if (Status != SignUpStatus.Waitlisted || activity.Id != ActivityId) throw new DomainException("Volunteer.InvalidChoice");
        Status = SignUpStatus.Confirmed;
        Raise(new VolunteerPromoted(activity, this, nowUtc, null));
    }
}
