using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Core.Volunteers;
using TongkuangAlliance.Web.Features.Accounts;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>
/// Opens a party member's own sign-in account (role Volunteer), from the registry: the member's home community or
/// the sub-district does it once the registration is confirmed. One account per member. The account can only act for
/// that member (sign up, check in, see their own hours); the Accounts page manages it afterwards (lock, reset).
/// </summary>
public sealed class VolunteerAccounts(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, ILogger<VolunteerAccounts> logger)
{
    /// <summary>The resource key of why this member cannot get an account now, or null when it can.</summary>
    public async Task<string?> WhyNotAsync(PartyMember member, CancellationToken cancellationToken)
    {
        if (member.Registration != RegistrationStatus.Confirmed) return "Volunteers.AccountNeedsConfirmation";
        if (member.Status != PartyMemberStatus.Active) return "Volunteers.AccountNeedsActive";
        if (await db.Users.AnyAsync(u => u.PartyMemberId == member.Id, cancellationToken)) return "Volunteers.AccountExists";
        return null;
    }

    /// <summary>A user name to start from: "zy" and the last four digits of the member's phone (the committee may change it).</summary>
    public static string SuggestedUserName(PartyMember member) => "zy" + member.PhoneTail;

    /// <summary>Creates the account with its audit row in one save; returns the problems by form field (none: created).</summary>
    public async Task<List<(string Field, string Message)>> CreateAsync(PartyMember member, string userName, string password, int subDistrictId, ClaimsPrincipal by, CancellationToken cancellationToken)
    {
        var account = new AppUser { UserName = userName, DisplayName = member.Name, CreatedAtUtc = clock.GetUtcNow().UtcDateTime };
        account.AssignScope(PortalRole.Volunteer, subDistrictId, member.HomeCommunityId, null, null, member.Id);

        // Identity's rules (allowed characters, a unique user name, the password policy), all checked before saving
        // so that every problem shows at once.
        var problems = new List<(string, string)>();
        foreach (var validator in users.UserValidators)
            problems.AddRange(Describe(await validator.ValidateAsync(users, account)));
        foreach (var validator in users.PasswordValidators)
            problems.AddRange(Describe(await validator.ValidateAsync(users, account, password)));
        if (problems.Count > 0) return problems;

        var changes = AccountAudit.Diff(null, AccountSnapshot.Of(account));
        changes["UserName"] = [null, account.UserName];
        changes["PartyMemberId"] = [null, member.Id];
        var audit = AccountAudit.Entry(account.Id, AccountAudit.Created, users.GetUserId(by), clock.GetUtcNow().UtcDateTime, changes);
        db.AuditEntries.Add(audit);
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            return Describe(result).ToList();
        }
        logger.LogInformation("Volunteer account {AccountId} created for party member {PartyMemberId} by {UserId}", account.Id, member.Id, users.GetUserId(by));
        return [];
    }

    private static IEnumerable<(string, string)> Describe(IdentityResult result) => result.Errors.Select(e =>
        (e.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(VolunteerAccountInput.Password) : nameof(VolunteerAccountInput.UserName), e.Description));
}
