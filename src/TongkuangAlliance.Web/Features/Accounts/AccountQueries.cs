using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using TongkuangAlliance.Core.Auditing;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>An account as the pages show it, with the name of its scope.</summary>
internal sealed record AccountRow(string Id, string UserName, string DisplayName, PortalRole Role, int SubDistrictId, string? ScopeName, bool IsActive,
    DateTimeOffset? LockoutEnd, int AccessFailedCount, DateTime CreatedAtUtc)
{
    public AccountResource Resource => new(SubDistrictId, Role);
}

/// <summary>What the account controllers (list and details, the forms, access) share: the reads, the audit row and Identity's errors.</summary>
internal static class AccountQueries
{
    /// <summary>Accounts with the name of their scope: the community, the member unit, or the sub-district.</summary>
    public static IQueryable<AccountRow> Rows(AppDbContext db, IQueryable<AppUser> accounts) => accounts.Select(u => new AccountRow(
        u.Id,
        u.UserName!,
        u.DisplayName,
        u.Role,
        u.SubDistrictId,
        u.CommunityId != null ? db.Communities.Where(c => c.Id == u.CommunityId).Select(c => c.Name).FirstOrDefault()
            : u.MemberUnitId != null ? db.MemberUnits.Where(m => m.Id == u.MemberUnitId).Select(m => m.Name).FirstOrDefault()
            : db.SubDistricts.Where(s => s.Id == u.SubDistrictId).Select(s => s.Name).FirstOrDefault(),
        u.IsActive,
        u.LockoutEnd,
        u.AccessFailedCount,
        u.CreatedAtUtc));

    /// <summary>The account to change, tracked; null (→ 404) when it is outside the administrator's sub-district.</summary>
    public static Task<AppUser?> FindAsync(AppDbContext db, UserScope scope, string id, CancellationToken cancellationToken) =>
        db.Users.VisibleTo(scope).Include(u => u.GridLinks).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The audit row of a change, added to the context so that it is stored by the one save of the change.</summary>
    public static AuditEntry AddAudit(AppDbContext db, string accountId, string action, string? actorId, DateTime nowUtc, IReadOnlyDictionary<string, object?[]> changes)
    {
        var audit = AccountAudit.Entry(accountId, action, actorId, nowUtc, changes);
        db.AuditEntries.Add(audit);
        return audit;
    }

    /// <summary>
    /// Identity's errors (already localized by LocalizedIdentityErrorDescriber) next to the field they concern,
    /// joined into one message per field: a field shows only its first error, and a weak password often breaks
    /// several rules at once.
    /// </summary>
    public static void AddIdentityErrors(this ModelStateDictionary modelState, IdentityResult result, string passwordField)
    {
        var byField = result.Errors.GroupBy(error =>
            error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
            : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(NewAccountInput.UserName)
            : string.Empty);
        foreach (var field in byField)
            modelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
    }

    /// <summary>The roles an administrator gives (a volunteer's account comes with their party-member record).</summary>
    public static List<SelectListItem> RoleItems(IStringLocalizer l) =>
        Enum.GetValues<PortalRole>().Where(r => r != PortalRole.Volunteer).Select(r => new SelectListItem(l["Role." + r], r.ToString())).ToList();
}
