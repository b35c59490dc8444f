namespace TongkuangAlliance.Core.Auditing;

/// <summary>Who is making the change: the signed-in user's id, or null for the system (seeding, jobs).</summary>
public interface ICurrentUser
{
    string? UserId { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public string? UserId => null;
}
