using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>
/// Whether an account can sign in: active or deactivated, and locked until a time (after too many wrong
/// passwords) or locked by an administrator (until <see cref="AdministratorLockEnd"/>, i.e. until unlocked).
/// </summary>
public sealed record AccountState(bool IsActive, DateTimeOffset? LockedUntil)
{
    /// <summary>The lockout end an administrator's lock sets: far enough to mean "until unlocked", close enough to show in CST.</summary>
    public static readonly DateTimeOffset AdministratorLockEnd = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static AccountState From(bool isActive, DateTimeOffset? lockoutEnd, DateTimeOffset now) =>
        new(isActive, lockoutEnd is { } end && end > now ? end : null);

    public bool IsLocked => LockedUntil is not null;

    public bool IsLockedByAdministrator => LockedUntil >= AdministratorLockEnd;
}

public sealed record AccountListItem(string Id, string UserName, string DisplayName, PortalRole Role, string? ScopeName, AccountState State);

public sealed class AccountIndexViewModel
{
    public required PagedList<AccountListItem> Accounts { get; init; }
    public string? Query { get; init; }
    public PortalRole? Role { get; init; }
    public required IReadOnlyList<SelectListItem> Roles { get; init; }

    /// <summary>The list is narrowed by a search or a role.</summary>
    public bool Filtered => !string.IsNullOrEmpty(Query) || Role.HasValue;
}

/// <summary>One line of an audit entry, already in the reader's language: field, value before, value after.</summary>
public sealed record AuditChange(string Field, string Before, string After);

public sealed record AccountAuditItem(DateTime AtUtc, string? ActorName, string Action, IReadOnlyList<AuditChange> Changes);

public sealed class AccountDetailsViewModel
{
    public required string Id { get; init; }
    public required string UserName { get; init; }
    public required string DisplayName { get; init; }
    public required PortalRole Role { get; init; }
    public string? ScopeName { get; init; }
    public required AccountState State { get; init; }
    public required int AccessFailedCount { get; init; }
    public required DateTime CreatedAtUtc { get; init; }
    /// <summary>The account is the signed-in administrator's own: it cannot lock or deactivate itself.</summary>
    public bool IsSelf { get; init; }
    /// <summary>The account form applies (not to a volunteer's account, whose scope is its party-member record).</summary>
    public bool CanEdit { get; init; }
    public required IReadOnlyList<AccountAuditItem> History { get; init; }
}

/// <summary>The choices of the account form: roles, and the sub-district's communities and member units.</summary>
public sealed record AccountFormOptions(IReadOnlyList<SelectListItem> Roles, IReadOnlyList<SelectListItem> Communities, IReadOnlyList<SelectListItem> MemberUnits)
{
    /// <summary>The grids a grid worker can be given, by community.</summary>
    public IReadOnlyList<GroupedOption> Grids { get; init; } = [];
}


/// <summary>What can change on an existing account: its name and its role with the matching scope.</summary>
public class AccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.PersonName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.DisplayName")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Field.Role")]
    public PortalRole? Role { get; set; }

    [Display(Name = "Field.Community")]
    public int? CommunityId { get; set; }

    [Display(Name = "Field.MemberUnit")]
    public int? MemberUnitId { get; set; }

    /// <summary>A grid worker's grids, all of <see cref="CommunityId"/>.</summary>
    [Display(Name = "Field.Grids")]
    public List<int>? GridIds { get; set; }

    /// <summary>The account's concurrency stamp as it was when the form was opened.</summary>
    public string? ConcurrencyStamp { get; set; }
}

/// <summary>A new account also gets its user name (fixed afterwards) and an initial password.</summary>
public sealed class NewAccountInput : AccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(FieldLengths.UserName, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.UserName")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.InitialPassword")]
    public string? Password { get; set; }
}

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(128, ErrorMessage = "Validation.MaxLength")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string? NewPassword { get; set; }
}
