using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>
/// 账号管理: creating an account and editing its name, role and scope (the URLs stay under /Accounts). A new role
/// or scope renews the account's security stamp, so it does not keep working under its old claims.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
[Route("Accounts/[action]/{id?}")]
public sealed class AccountFormsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l, ILogger<AccountFormsController> logger) : Controller
{
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
        await ValidateWithIdentityAsync(input, account);
        if (!ModelState.IsValid) return await FormAsync(input, cancellationToken);

        var changes = AccountAudit.Diff(null, AccountSnapshot.Of(account));
        changes["UserName"] = [null, account.UserName];
        var audit = AccountQueries.AddAudit(db, account.Id, AccountAudit.Created, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, changes);
        var result = await CreateAsync(account, input.Password!);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            ModelState.AddIdentityErrors(result, nameof(NewAccountInput.Password));
            return await FormAsync(input, cancellationToken);
        }

        logger.LogInformation("Account {AccountId} created by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Accounts.Created", account.UserName!].Value;
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id = account.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(string id, CancellationToken cancellationToken)
    {
        var account = await db.Users.AsNoTracking().VisibleTo(User.Scope()).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (account is null) return NotFound();
        if (!await MayEditAsync(account)) return Refused(id, "Accounts.VolunteerScopeFixed");

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
        var account = await AccountQueries.FindAsync(db, User.Scope(), id, cancellationToken);
        if (account is null) return NotFound();
        if (!await MayEditAsync(account)) return Refused(id, "Accounts.VolunteerScopeFixed");

        SetEditViewData(account);
        var before = AccountSnapshot.Of(account);
        if (account.Id == users.GetUserId(User) && input.Role.IsRoleChangeFor(account))
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
            return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id });
        }

        // Someone saved the account since this form was opened. (Between this load and the save below,
        // UserStore.UpdateAsync itself checks the stamp that was loaded.)
        if (account.ConcurrencyStamp != input.ConcurrencyStamp)
        {
            await ShowConflictAsync(id, input, cancellationToken);
            return await FormAsync(input, cancellationToken);
        }
        return await SaveEditAsync(account, input, changes, endSessions: !after.SameScope(before), cancellationToken);
    }

    /// <summary>The edit's one save (with its audit row); a concurrent save or Identity's refusal re-displays the form.</summary>
    private async Task<IActionResult> SaveEditAsync(AppUser account, AccountInput input, Dictionary<string, object?[]> changes, bool endSessions, CancellationToken cancellationToken)
    {
        var audit = AccountQueries.AddAudit(db, account.Id, AccountAudit.Edited, users.GetUserId(User), clock.GetUtcNow().UtcDateTime, changes);
        // A new role or scope must not keep working under the old claims: a new stamp ends its sessions.
        var result = endSessions ? await users.UpdateSecurityStampAsync(account) : await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            db.Entry(audit).State = EntityState.Detached;
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure)))
                await ShowConflictAsync(account.Id, input, cancellationToken);
            else
                ModelState.AddIdentityErrors(result, passwordField: string.Empty);
            return await FormAsync(input, cancellationToken);
        }

        logger.LogInformation("Account {AccountId} edited by {UserId}", account.Id, users.GetUserId(User));
        TempData["Success"] = l["Common.Saved"].Value;
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id = account.Id });
    }

    /// <summary>
    /// Identity's own rules (allowed characters, unique user name, password policy), checked up front so that every
    /// problem shows at once, next to its field.
    /// </summary>
    private async Task ValidateWithIdentityAsync(NewAccountInput input, AppUser account)
    {
        if (!string.IsNullOrEmpty(account.UserName) && ModelState.GetFieldValidationState(nameof(input.UserName)) != ModelValidationState.Invalid)
        {
            foreach (var validator in users.UserValidators)
                ModelState.AddIdentityErrors(await validator.ValidateAsync(users, account), nameof(NewAccountInput.Password));
        }
        if (!string.IsNullOrEmpty(input.Password) && ModelState.GetFieldValidationState(nameof(input.Password)) != ModelValidationState.Invalid)
        {
            foreach (var validator in users.PasswordValidators)
                ModelState.AddIdentityErrors(await validator.ValidateAsync(users, account, input.Password), nameof(NewAccountInput.Password));
        }
    }

    private async Task<IdentityResult> CreateAsync(AppUser account, string password)
    {
        try
        {
            return await users.CreateAsync(account, password);
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            // The same user name was created since the check above (two administrators at once): the user-name
            // index refused this one. Identity's own message, as the check gives it.
            return IdentityResult.Failed(users.ErrorDescriber.DuplicateUserName(account.UserName!));
        }
    }

    private async Task<bool> MayEditAsync(AppUser account) =>
        (await authorization.AuthorizeAsync(User, new AccountResource(account.SubDistrictId, account.Role), AccountOperations.Edit)).Succeeded;

    private RedirectToActionResult Refused(string id, string messageKey)
    {
        TempData["Error"] = l[messageKey].Value;
        return RedirectToAction(nameof(AccountsController.Details), "Accounts", new { id });
    }

    /// <summary>
    /// Checks that the chosen community or unit belongs to the administrator's sub-district, then lets the
    /// entity check that the role has its scope. Problems become errors next to their fields.
    /// </summary>
    private async Task AssignScopeAsync(AccountInput input, AppUser account, CancellationToken cancellationToken)
    {
        if (!input.Role.HasValue) return;
        var role = input.Role.Value;
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

    private async Task ShowConflictAsync(string id, AccountInput input, CancellationToken cancellationToken)
    {
        var current = await AccountQueries.Rows(db, db.Users.AsNoTracking().Where(u => u.Id == id)).SingleAsync(cancellationToken);
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
            AccountQueries.RoleItems(l),
            communities.Select(c => new SelectListItem(c.Name, c.Id.ToString(CultureInfo.InvariantCulture))).ToList(),
            units.Select(u => new SelectListItem(u.Name, u.Id.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Grids = grids.Select(g => new GroupedOption(g.Id, g.CommunityName, g.Name)).ToList(),
        };
    }
}
