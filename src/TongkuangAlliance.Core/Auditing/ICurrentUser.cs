namespace TongkuangAlliance.Core.Auditing;

/// <summary>Who is making the change: the signed-in user's id and sub-district, or null for the system (seeding, jobs) and anonymous residents.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    /// <summary>The sub-district the signed-in user is scoped to; it scopes the audit rows of the user's writes.</summary>
    int? SubDistrictId { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
    public int? SubDistrictId => null;
}
