using Microsoft.AspNetCore.Identity;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>
/// 账号管理: whether an account can sign in — lock and unlock, deactivate and reactivate, reset its password (the
/// URLs stay under /Accounts). Locking, deactivating and resetting renew the security stamp: the account's sessions
/// end on its next request. An administrator can neither lock nor deactivate its own account.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
[Route("Accounts/[action]/{id?}")]
public sealed class AccountAccessController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l,
    ILogger<AccountAccessController> logger) : Controller
{
    [HttpPost]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();
        if (IsSelf(account)) return Refused(id, "Accounts.CannotLockSelf");

        var before = account.LockoutEnd;
        // Set directly rather than with SetLockoutEndDateAsync, which saves on its own: the lock, the new
        // stamp and the audit row go in the one save of UpdateSecurityStampAsync.
        account.LockoutEnabled = true;
        account.LockoutEnd = AccountState.AdministratorLockEnd;
        return await SaveAsync(account, AccountAudit.Locked, new() { ["LockoutEnd"] = [before, account.LockoutEnd] }, endSessions: true, "Accounts.Locked");
    }

    [HttpPost]
    public async Task<IActionResult> Unlock(string id, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();

        var changes = new Dictionary<string, object?[]>();
        if (account.LockoutEnd is not null) changes["LockoutEnd"] = [account.LockoutEnd, null];
        if (account.AccessFailedCount != 0) changes["AccessFailedCount"] = [account.AccessFailedCount, 0];
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        return await SaveAsync(account, AccountAudit.Unlocked, changes, endSessions: false, "Accounts.Unlocked");
    }

    [HttpPost]
    public async Task<IActionResult> Deactivate(string id, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();
        if (IsSelf(account)) return Refused(id, "Accounts.CannotDeactivateSelf");

        var before = account.IsActive;
        account.Deactivate();
        return await SaveAsync(account, AccountAudit.Deactivated, new() { ["IsActive"] = [before, account.IsActive] }, endSessions: true, "Accounts.Deactivated");
    }

    [HttpPost]
    public async Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();

        var before = account.IsActive;
        account.Reactivate();
        return await SaveAsync(account, AccountAudit.Reactivated, new() { ["IsActive"] = [before, account.IsActive] }, endSessions: false, "Accounts.Reactivated");
    }

    [HttpGet]
    public async Task<IActionResult> ResetPassword(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null) return NotFound();

        SetResetViewData(account);
        return View(new ResetPasswordInput());
    }

    [HttpPost]
    public async Task<IActionResult> ResetPassword(string id, ResetPasswordInput input, CancellationToken cancellationToken)
    {
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();

        SetResetViewData(account);
        if (!ModelState.IsValid) return View(input);

        var token = await users.GeneratePasswordResetTokenAsync(account);
        // The audit row records that the password was reset, never the password or its hash.
        var audit = AccountQueries.AddAudit(db, account.Id, AccountAudit.PasswordReset, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, new Dictionary<string, object?[]>());
        // Validates the new password, stores its hash and renews the security stamp, in one save.
        var result = await users.ResetPasswordAsync(account, token, input.NewPassword!);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            ModelState.AddIdentityErrors(result, nameof(ResetPasswordInput.NewPassword));
            return View(input);
        }

        logger.LogInformation("Password of account {AccountId} reset by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Accounts.PasswordReset", account.UserName!].Value;
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id });
    }

    private bool IsSelf(AppUser account) => account.Id == users.GetUserId(User);

    private RedirectToActionResult Refused(string id, string messageKey)
    {
        TempData["Error"] = l[messageKey].Value;
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id });
    }

    /// <summary>One save for the change, its audit row and, when sessions must end, the new security stamp.</summary>
    private async Task<RedirectToActionResult> SaveAsync(AppUser account, string action, Dictionary<string, object?[]> changes, bool endSessions, string successKey)
    {
        var audit = AccountQueries.AddAudit(db, account.Id, action, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, changes);
        var result = endSessions ? await users.UpdateSecurityStampAsync(account) : await users.UpdateAsync(account);
        if (result.Succeeded)
        {
            logger.LogInformation("Account {AccountId} {Action} by {UserId}", account.Id, action, users.GetUserId(User));
            TempData["Success"] = l[successKey, account.UserName!].Value;
        }
        else
        {
            db.Entry(audit).State = EntityState.Detached;
            TempData["Error"] = string.Join(" ", result.Errors.Select(e => e.Description));
        }
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id = account.Id });
    }

    private void SetResetViewData(AppUser account)
    {
        ViewData["Title"] = l["Accounts.ResetPasswordOf", account.UserName!];
        ViewData["Id"] = account.Id;
        ViewData["UserName"] = account.UserName;
    }
}
