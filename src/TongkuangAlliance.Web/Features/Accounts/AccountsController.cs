using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TongkuangAlliance.Core.Common;
using TongkuangAlliance.Core.Data;
using TongkuangAlliance.Core.Identity;
using TongkuangAlliance.Core.Scoping;
using TongkuangAlliance.Web.Authorization;
using TongkuangAlliance.Web.Features.Shared;
using TongkuangAlliance.Web.Infrastructure.Paging;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>
/// 账号管理: the sub-district committee creates and manages the accounts of its sub-district (there is no
/// public registration). Locking, deactivating, re-scoping and resetting a password renew the account's
/// security stamp, which Program.cs checks on every request: the account's sessions end on its next request.
/// Every change writes an audit row in the same save as the change.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class AccountsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<AccountsController> logger) : Controller
{
    private const int HistorySize = 20;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, PortalRole? role, int page = 1, CancellationToken cancellationToken = default)
    {
        var query = db.Users.AsNoTracking().VisibleTo(User.Scope());
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }
        if (role is { } r) query = query.Where(u => u.Role == r);

        var rows = await Rows(query.OrderBy(u => u.UserName)).ToPagedListAsync(page, cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var accounts = new PagedList<AccountListItem>
        {
            Items = rows.Items.Select(a => new AccountListItem(a.Id, a.UserName, a.DisplayName, a.Role, a.ScopeName, AccountState.From(a.IsActive, a.LockoutEnd, now))).ToList(),
            Page = rows.Page,
            PageSize = rows.PageSize,
            TotalCount = rows.TotalCount,
        };

        ViewData["Title"] = l["Accounts.Title"];
        return View(new AccountIndexViewModel { Accounts = accounts, Query = q, Role = role, Roles = RoleItems() });
    }

    [HttpGet]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var account = await Rows(db.Users.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (account is null) return NotFound();

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AccountAudit.EntityType && a.EntityId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(HistorySize)
            .Select(a => new { a.AtUtc, a.Action, a.Changes, ActorName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var units = await db.MemberUnits.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        // A grid worker's scope names its grids too.
        var gridNames = account.Role == PortalRole.GridWorker
            ? await db.AppUserGrids.AsNoTracking().Where(g => g.UserId == id).OrderBy(g => g.Grid!.Name).Select(g => g.Grid!.Name).ToListAsync(cancellationToken)
            : [];
        ViewData["Title"] = account.UserName;
        return View(new AccountDetailsViewModel
        {
            Id = account.Id,
            UserName = account.UserName,
            DisplayName = account.DisplayName,
            Role = account.Role,
            ScopeName = gridNames.Count == 0 ? account.ScopeName : $"{account.ScopeName} {string.Join("、", gridNames)}",
            State = AccountState.From(account.IsActive, account.LockoutEnd, clock.GetUtcNow()),
            AccessFailedCount = account.AccessFailedCount,
            CreatedAtUtc = account.CreatedAtUtc,
            IsSelf = account.Id == users.GetUserId(User),
            History = entries.Select(e => new AccountAuditItem(e.AtUtc, e.ActorName, e.Action, AccountAudit.Describe(e.Changes, l, communities, units))).ToList(),
        });
    }

    [HttpGet]
    public async Task<IActionResult> Create(CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Accounts.Create"];
        await SetFormOptionsAsync(cancellationToken);
        return View(new NewAccountInput());
    }

    [HttpPost]
    public async Task<IActionResult> Create(NewAccountInput input, CancellationToken cancellationToken)
    {
        ViewData["Title"] = l["Accounts.Create"];
        var account = new AppUser
        {
            UserName = input.UserName?.Trim(),
            DisplayName = input.DisplayName?.Trim() ?? "",
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await AssignScopeAsync(input, account, cancellationToken);

        // Identity's own rules (allowed characters, unique user name, password policy), checked up front so
        // that every problem shows at once, next to its field.
        if (!string.IsNullOrEmpty(account.UserName) && ModelState.GetFieldValidationState(nameof(input.UserName)) != ModelValidationState.Invalid)
        {
            foreach (var validator in users.UserValidators)
                AddIdentityErrors(await validator.ValidateAsync(users, account), nameof(NewAccountInput.Password));
        }
        if (!string.IsNullOrEmpty(input.Password) && ModelState.GetFieldValidationState(nameof(input.Password)) != ModelValidationState.Invalid)
        {
            foreach (var validator in users.PasswordValidators)
                AddIdentityErrors(await validator.ValidateAsync(users, account, input.Password), nameof(NewAccountInput.Password));
        }
        if (!ModelState.IsValid) return await FormAsync(input, cancellationToken);

        var changes = AccountAudit.Diff(null, AccountSnapshot.Of(account));
        changes["UserName"] = [null, account.UserName];
        var audit = AddAudit(account.Id, AccountAudit.Created, changes);
        IdentityResult result;
        try
        {
            result = await users.CreateAsync(account, input.Password!);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same user name was created since the check above (two administrators at once): the user-name
            // index refused this one. Identity's own message, as the check gives it.
            result = IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(account.UserName!));
        }
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            AddIdentityErrors(result, nameof(NewAccountInput.Password));
            return await FormAsync(input, cancellationToken);
        }

        logger.LogInformation("Account {AccountId} created by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Accounts.Created", account.UserName!].Value;
        return RedirectToAction(nameof(Details), new { id = account.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null) return NotFound();
        if (account.Role == PortalRole.Volunteer) return Refused(id, "Accounts.VolunteerScopeFixed");

        SetEditViewData(account);
        await SetFormOptionsAsync(cancellationToken);
        return View(new AccountInput
        {
            DisplayName = account.DisplayName,
            Role = account.Role,
            CommunityId = account.CommunityId,
            MemberUnitId = account.MemberUnitId,
            GridIds = await db.AppUserGrids.Where(g => g.UserId == id).Select(g => g.GridId).ToListAsync(cancellationToken),
            ConcurrencyStamp = account.ConcurrencyStamp,
        });
    }

    [HttpPost]
    public async Task<IActionResult> Edit(string id, AccountInput input, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, cancellationToken);
        if (account is null) return NotFound();
        if (account.Role == PortalRole.Volunteer) return Refused(id, "Accounts.VolunteerScopeFixed");

        SetEditViewData(account);
        var before = AccountSnapshot.Of(account);
        if (IsSelf(account) && input.Role is { } role && role != account.Role)
            ModelState.AddModelError(nameof(input.Role), l["Accounts.CannotChangeOwnRole"]);
        else
            await AssignScopeAsync(input, account, cancellationToken);
        if (!ModelState.IsValid) return await FormAsync(input, cancellationToken);

        account.DisplayName = input.DisplayName!.Trim();
        var after = AccountSnapshot.Of(account);
        var changes = AccountAudit.Diff(before, after);
        if (changes.Count == 0)
        {
            TempData["Success"] = l["Common.Saved"].Value;
            return RedirectToAction(nameof(Details), new { id });
        }

        // Someone saved the account since this form was opened. (Between this load and the save below,
        // UserStore.UpdateAsync itself checks the stamp that was loaded.)
        if (account.ConcurrencyStamp != input.ConcurrencyStamp)
        {
            await ShowConflictAsync(id, input, cancellationToken);
            return await FormAsync(input, cancellationToken);
        }

        var audit = AddAudit(account.Id, AccountAudit.Edited, changes);
        // A new role or scope must not keep working under the old claims: a new stamp ends its sessions.
        var result = after.SameScope(before) ? await users.UpdateAsync(account) : await users.UpdateSecurityStampAsync(account);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                await ShowConflictAsync(id, input, cancellationToken);
            else
                AddIdentityErrors(result, passwordField: string.Empty);
            return await FormAsync(input, cancellationToken);
        }

        logger.LogInformation("Account {AccountId} edited by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost]
    public async Task<IActionResult> Lock(string id, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, cancellationToken);
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
        var account = await FindAsync(id, cancellationToken);
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
        var account = await FindAsync(id, cancellationToken);
        if (account is null) return NotFound();
        if (IsSelf(account)) return Refused(id, "Accounts.CannotDeactivateSelf");

        var before = account.IsActive;
        account.Deactivate();
        return await SaveAsync(account, AccountAudit.Deactivated, new() { ["IsActive"] = [before, account.IsActive] }, endSessions: true, "Accounts.Deactivated");
    }

    [HttpPost]
    public async Task<IActionResult> Reactivate(string id, CancellationToken cancellationToken)
    {
        var account = await FindAsync(id, cancellationToken);
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
        var account = await FindAsync(id, cancellationToken);
        if (account is null) return NotFound();

        SetResetViewData(account);
        if (!ModelState.IsValid) return View(input);

        var token = await users.GeneratePasswordResetTokenAsync(account);
        // The audit row records that the password was reset, never the password or its hash.
        var audit = AddAudit(account.Id, AccountAudit.PasswordReset, new Dictionary<string, object?[]>());
        // Validates the new password, stores its hash and renews the security stamp, in one save.
        var result = await users.ResetPasswordAsync(account, token, input.NewPassword!);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            AddIdentityErrors(result, nameof(ResetPasswordInput.NewPassword));
            return View(input);
        }

        logger.LogInformation("Password of account {AccountId} reset by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Accounts.PasswordReset", account.UserName!].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private sealed record AccountRow(string Id, string UserName, string DisplayName, PortalRole Role, string? ScopeName, bool IsActive, DateTimeOffset? LockoutEnd, int AccessFailedCount, DateTime CreatedAtUtc);

    /// <summary>Accounts with the name of their scope: the community, the member unit, or the sub-district.</summary>
    private IQueryable<AccountRow> Rows(IQueryable<AppUser> accounts) => accounts.Select(u => new AccountRow(
        u.Id,
        u.UserName!,
        u.DisplayName,
        u.Role,
        u.CommunityId != null ? db.Communities.Where(c => c.Id == u.CommunityId).Select(c => c.Name).FirstOrDefault()
            : u.MemberUnitId != null ? db.MemberUnits.Where(m => m.Id == u.MemberUnitId).Select(m => m.Name).FirstOrDefault()
            : db.SubDistricts.Where(s => s.Id == u.SubDistrictId).Select(s => s.Name).FirstOrDefault(),
        u.IsActive,
        u.LockoutEnd,
        u.AccessFailedCount,
        u.CreatedAtUtc));

    /// <summary>The account to change, tracked; null (→ 404) when it is outside the administrator's sub-district.</summary>
    private Task<AppUser?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Users.VisibleTo(User.Scope()).Include(u => u.GridLinks).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    private bool IsSelf(AppUser account) => account.Id == users.GetUserId(User);

    private RedirectToActionResult Refused(string id, string messageKey)
    {
        TempData["Error"] = l[messageKey].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>
    /// Checks that the chosen community or unit belongs to the administrator's sub-district, then lets the
    /// entity check that the role has its scope. Problems become errors next to their fields.
    /// </summary>
    private async Task AssignScopeAsync(AccountInput input, AppUser account, CancellationToken cancellationToken)
    {
        if (input.Role is not { } role) return;
        var scope = User.Scope();
        if (role == PortalRole.CommunityCommittee && input.CommunityId is { } communityId
            && !await db.Communities.VisibleTo(scope).AnyAsync(c => c.Id == communityId, cancellationToken))
        {
            ModelState.AddModelError(nameof(input.CommunityId), l["Accounts.CommunityOutside"]);
            return;
        }
        if (role == PortalRole.PairedUnit && input.MemberUnitId is { } unitId
            && !await db.MemberUnits.VisibleTo(scope).AnyAsync(u => u.Id == unitId, cancellationToken))
        {
            ModelState.AddModelError(nameof(input.MemberUnitId), l["Accounts.MemberUnitOutside"]);
            return;
        }

        List<Core.Structure.Grid>? grids = null;
        if (role == PortalRole.GridWorker)
        {
            var ids = (input.GridIds ?? []).Distinct().ToList();
            grids = await db.Grids.VisibleTo(scope).Where(g => ids.Contains(g.Id)).ToListAsync(cancellationToken);
            if (grids.Count != ids.Count)
            {
                ModelState.AddModelError(nameof(input.GridIds), l["Accounts.GridOutside"]);
                return;
            }
            if (input.CommunityId is { } gridCommunity && !await db.Communities.VisibleTo(scope).AnyAsync(c => c.Id == gridCommunity, cancellationToken))
            {
                ModelState.AddModelError(nameof(input.CommunityId), l["Accounts.CommunityOutside"]);
                return;
            }
        }

        try
        {
            account.AssignScope(role, scope.SubDistrictId, input.CommunityId, input.MemberUnitId, grids);
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l);
        }
    }

    /// <summary>
    /// Identity's errors (already localized by LocalizedIdentityErrorDescriber) next to the field they concern,
    /// joined into one message per field: a field shows only its first error, and a weak password often breaks
    /// several rules at once.
    /// </summary>
    private void AddIdentityErrors(IdentityResult result, string passwordField)
    {
        var byField = result.Errors.GroupBy(error =>
            error.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField
            : error.Code.Contains("UserName", StringComparison.Ordinal) ? nameof(NewAccountInput.UserName)
            : string.Empty);
        foreach (var field in byField)
            ModelState.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Description)));
    }

    private Core.Auditing.AuditEntry AddAudit(string accountId, string action, IReadOnlyDictionary<string, object?[]> changes)
    {
        var audit = AccountAudit.Entry(accountId, action, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, changes);
        db.AuditEntries.Add(audit);
        return audit;
    }

    /// <summary>One save for the change, its audit row and, when sessions must end, the new security stamp.</summary>
    private async Task<RedirectToActionResult> SaveAsync(AppUser account, string action, Dictionary<string, object?[]> changes, bool endSessions, string successKey)
    {
        var audit = AddAudit(account.Id, action, changes);
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
        return RedirectToAction(nameof(Details), new { id = account.Id });
    }

    private async Task ShowConflictAsync(string id, AccountInput input, CancellationToken cancellationToken)
    {
        var current = await Rows(db.Users.AsNoTracking().Where(u => u.Id == id)).SingleAsync(cancellationToken);
        this.ShowConcurrencyConflict(l, new Dictionary<string, string?>
        {
            [l["Field.DisplayName"]] = current.DisplayName,
            [l["Field.Role"]] = l["Role." + current.Role],
            [l["Field.Scope"]] = current.ScopeName,
        });
        ModelState.Remove(nameof(input.ConcurrencyStamp));
        input.ConcurrencyStamp = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.ConcurrencyStamp).SingleAsync(cancellationToken);
    }

    private async Task<IActionResult> FormAsync(AccountInput input, CancellationToken cancellationToken)
    {
        await SetFormOptionsAsync(cancellationToken);
        return View(input);
    }

    private void SetEditViewData(AppUser account)
    {
        ViewData["Title"] = l["Accounts.Edit", account.UserName!];
        ViewData["Id"] = account.Id;
        ViewData["UserName"] = account.UserName;
    }

    private void SetResetViewData(AppUser account)
    {
        ViewData["Title"] = l["Accounts.ResetPasswordOf", account.UserName!];
        ViewData["Id"] = account.Id;
        ViewData["UserName"] = account.UserName;
    }

    private async Task SetFormOptionsAsync(CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(cancellationToken);
        var units = await db.MemberUnits.AsNoTracking().VisibleTo(scope).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken);
        var grids = await db.Grids.AsNoTracking().VisibleTo(scope).OrderBy(g => g.Community!.Name).ThenBy(g => g.Name)
            .Select(g => new { g.Id, g.Name, CommunityName = g.Community!.Name }).ToListAsync(cancellationToken);
        ViewData["Options"] = new AccountFormOptions(
            RoleItems(),
            communities.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            units.Select(u => new SelectListItem(u.Name, u.Id.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Grids = grids.Select(g => new GridChoice(g.Id, g.CommunityName, g.Name)).ToList(),
        };
    }

    private List<SelectListItem> RoleItems() =>
        Enum.GetValues<PortalRole>().Where(r => r != PortalRole.Volunteer).Select(r => new SelectListItem(l["Role." + r], r.ToString())).ToList();
}
