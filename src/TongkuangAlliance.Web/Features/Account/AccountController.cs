using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using TongkuangAlliance.Web.Features.Accounts;

namespace TongkuangAlliance.Web.Features.Account;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.UserName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.UserName")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

/// <summary>Sign-in and sign-out. There is no public registration: the sub-district committee creates accounts.</summary>
[AllowAnonymous]
[TongkuangAlliance.Web.Authorization.OpenToVolunteers]
public sealed class AccountController(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, ILogger<AccountController> logger) : Controller
{
    [HttpGet]
    public IActionResult SignIn(string? returnUrl)
    {
        if (User.Identity?.IsAuthenticated == true) return LocalRedirect(SafeReturnUrl(returnUrl));
        ViewData["Title"] = l["SignIn.Title"];
        return View(new SignInInput { ReturnUrl = returnUrl });
    }

    /// <summary>
    /// Checks the password unless this (account, address) must still wait (<see cref="SignInThrottle"/>): then the
    /// attempt is refused with how long to wait (429), without looking at the password. A failure that reaches the
    /// account's own lock count locks it and tells the sub-district (an audit row, shown on its home page).
    /// </summary>
    [HttpPost]
    public async Task<IActionResult> SignIn(SignInInput input)
    {
        ViewData["Title"] = l["SignIn.Title"];
        if (!ModelState.IsValid) return View(input);

        var address = HttpContext.Connection.RemoteIpAddress;
        if (throttle.Wait(input.UserName!, address) is { } wait)
        {
            logger.LogWarning("Sign-in attempt refused: too soon after failures from the same address");
            ModelState.AddModelError(string.Empty, l["SignIn.TooSoon", (int)Math.Ceiling(wait.TotalSeconds)]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return View(input);
        }

        var user = await users.FindByNameAsync(input.UserName!);
        if (user is { IsActive: false })
        {
            logger.LogWarning("Sign-in refused for deactivated account {UserId}", user.Id);
            await AuditAttemptAsync(user, AccountAudit.SignInRefusedInactive);
            ModelState.AddModelError(string.Empty, l["SignIn.Failed"]);
            return View(input);
        }

        var lockedBefore = user is not null && await users.IsLockedOutAsync(user);
        var result = await signIn.PasswordSignInAsync(input.UserName!, input.Password!, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            throttle.Succeeded(input.UserName!, address);
            logger.LogInformation("Signed in {UserId}", user!.Id);
            await AuditAttemptAsync(user, AccountAudit.SignedIn);
            return LocalRedirect(SafeReturnUrl(input.ReturnUrl));
        }
        await RefuseAsync(input.UserName!, address, user, result.IsLockedOut, lockedBefore);
        return View(input);
    }

    private async Task RefuseAsync(string userName, System.Net.IPAddress? address, AppUser? user, bool lockedOut, bool lockedBefore)
    {
        if (!lockedBefore) throttle.Failed(userName, address);
        if (lockedOut)
        {
            logger.LogWarning("Sign-in refused: account {UserId} is locked out", user?.Id);
            if (!lockedBefore) await AuditAttemptAsync(user, AccountAudit.SignInFailed);
            await AuditAttemptAsync(user, AccountAudit.SignInLockedOut);
            if (!lockedBefore && user is not null) await AuditAutoLockAsync(user);
            ModelState.AddModelError(string.Empty, l["SignIn.LockedOut"]);
        }
        else
        {
            logger.LogWarning("Sign-in failed for {UserId}", user?.Id ?? "(unknown user name)");
            await AuditAttemptAsync(user, AccountAudit.SignInFailed);
            ModelState.AddModelError(string.Empty, l["SignIn.Failed"]);
        }
    }

    /// <summary>The account locked itself by failed sign-ins: a row in its history, which the sub-district's home page shows while it lasts.</summary>
    private async Task AuditAutoLockAsync(AppUser user)
    {
        var lockoutEnd = await users.GetLockoutEndDateAsync(user);
        logger.LogWarning("Account {UserId} locked after repeated failed sign-ins", user.Id);
        db.AuditEntries.Add(AccountAudit.Entry(user.Id, AccountAudit.AutoLocked, null, clock.GetUtcNow().UtcDateTime, new Dictionary<string, object?[]>
        {
            ["LockoutEnd"] = [null, lockoutEnd],
        }, AccountAudit.EntityType, user.SubDistrictId));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }

    [HttpPost]
    public new async Task<IActionResult> SignOut()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(SignIn));
    }

    [HttpGet]
    public IActionResult AccessDenied()
    {
        ViewData["Title"] = l["AccessDenied.Title"];
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>The attempt in the audit, by the account it was made on (the actor is the account itself).</summary>
    private async Task AuditAttemptAsync(AppUser? user, string action)
    {
        if (user is null) return;
        db.AuditEntries.Add(AccountAudit.Entry(user.Id, action, user.Id, clock.GetUtcNow().UtcDateTime, new Dictionary<string, object?[]>
        {
            ["UserName"] = [null, user.UserName],
            ["ClientAddress"] = [null, HttpContext.Connection.RemoteIpAddress?.ToString()],
        }, AccountAudit.SignInEntityType, user.SubDistrictId));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
    }

    private string SafeReturnUrl(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
}
