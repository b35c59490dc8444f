namespace TongkuangAlliance.Core.Activities;

/// <summary>A service offered at an activity: how many volunteers it needs and, afterwards, how many residents it served.</summary>
public class ActivityService : AuditableEntity
{
    private ActivityService() { }

    internal ActivityService(int serviceKindId, int volunteersNeeded)
    {
        ServiceKindId = serviceKindId;
        VolunteersNeeded = volunteersNeeded;
        IsOffered = true;
    }

    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public int ServiceKindId { get; private set; }
    public ServiceKind? ServiceKind { get; private set; }
    public int VolunteersNeeded { get; private set; }
    public int? ResidentsServed { get; private set; }

    /// <summary>False once the service was taken off the plan (rows are never deleted).</summary>
    public bool IsOffered { get; private set; }

    internal void SetVolunteersNeeded(int volunteers)
    {
        VolunteersNeeded = volunteers;
        IsOffered = true;
    }

    internal void Withdraw()
    {
        IsOffered = false;
        VolunteersNeeded = 0;
    }

    internal void SetServed(int served) => ResidentsServed = served;
}

/// <summary>A paired unit taking part in an activity, and its confirmation (with what it commits to bring).</summary>
public class ActivityUnit : AuditableEntity
{
    private ActivityUnit() { }

    internal ActivityUnit(int memberUnitId)
    {
        MemberUnitId = memberUnitId;
        IsInvited = true;
    }

    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public int MemberUnitId { get; private set; }
    public Structure.MemberUnit? MemberUnit { get; private set; }

    /// <summary>False once the unit was taken off the activity (rows are never deleted).</summary>
    public bool IsInvited { get; private set; }
    public DateTime? ConfirmedAtUtc { get; private set; }
    public string? Commitment { get; private set; }

    internal void Invite() => IsInvited = true;

    internal void Withdraw() => IsInvited = false;

    internal void Confirm(string? commitment, DateTime nowUtc)
    {
        if (!IsInvited) throw new DomainException("Activity.InvalidChoice");
        ConfirmedAtUtc = nowUtc;
        Commitment = commitment;
    }
}

/// <summary>A difficulty a resident raised at the activity; it can become a resident-request case, linked both ways.</summary>
public class ActivityDifficulty : AuditableEntity
{
    private ActivityDifficulty() { }

    internal ActivityDifficulty(string residentName, string residentPhone, string description)
    {
        ResidentName = residentName;
        ResidentPhone = residentPhone;
        Description = description;
    }

    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }

    /// <summary>Personal data: shown masked outside the handling staff.</summary>
    public string ResidentName { get; private set; } = "";
    public string ResidentPhone { get; private set; } = "";
    public string Description { get; private set; } = "";
    public int? CaseId { get; private set; }
    public Cases.Case? Case { get; private set; }

    internal void LinkCase(Cases.Case kase) => Case = kase;
}

/// <summary>
/// A community's iCalendar feed: the unguessable token in its subscription URL. Phone calendars cannot sign in,
/// so whoever has the URL reads the community's activities; regenerating the token invalidates the old URL.
/// </summary>
public class ActivityFeed : AuditableEntity
{
    public const int TokenLength = 43;

    private ActivityFeed() { }

    public int CommunityId { get; private set; }
    public Structure.Community? Community { get; private set; }
    public string Token { get; private set; } = "";

    public static ActivityFeed For(int communityId) => new() { CommunityId = communityId, Token = NewToken() };

    /// <summary>A feed with a given token (the demo's reproducible tokens).</summary>
    public static ActivityFeed WithToken(int communityId, string token) => new() { CommunityId = communityId, Token = token };

    public void Regenerate() => Token = NewToken();

    /// <summary>256 random bits, URL-safe base64 without padding (43 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
