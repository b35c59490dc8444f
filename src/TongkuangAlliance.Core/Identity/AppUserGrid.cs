namespace TongkuangAlliance.Core.Identity;

/// <summary>
/// One grid of a grid worker's scope. Rows come and go with <see cref="AppUser.AssignScope"/>; the account
/// audit keeps the history (AppUser changes are audited by the Accounts feature, not the interceptor).
/// </summary>
public class AppUserGrid
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
}
