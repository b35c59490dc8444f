using Microsoft.AspNetCore.Identity;

namespace TongkuangAlliance.Web.Features.Accounts;

/// <summary>
/// 账号管理: the sub-district committee creates and manages the accounts of its sub-district (there is no
/// public registration). This controller lists them and shows one with its history; <see cref="AccountFormsController"/>
/// creates and edits, <see cref="AccountAccessController"/> locks, deactivates and resets passwords. Locking,
/// deactivating, re-scoping and resetting a password renew the account's security stamp, which Program.cs checks on
/// every request: the account's sessions end on its next request. Every change writes an audit row in the same save.
/// </summary>
[Authorize(Policy = Policies.SubDistrictOnly)]
public sealed class AccountsController(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
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
        if (role is { } r) query = query.InRole(r);

        var rows = await AccountQueries.Rows(db, query.OrderBy(u => u.UserName)).ToPagedListAsync(page, cancellationToken: cancellationToken);
        var now = clock.GetUtcNow();
        var accounts = new PagedList<AccountListItem>
        {
            Items = rows.Items.Select(a => new AccountListItem(a.Id, a.UserName, a.DisplayName, a.Role, a.ScopeName, AccountState.From(a.IsActive, a.LockoutEnd, now))).ToList(),
            Page = rows.Page,
            PageSize = rows.PageSize,
            TotalCount = rows.TotalCount,
        };

        ViewData["Title"] = l["Accounts.Title"];
        return View(new AccountIndexViewModel { Accounts = accounts, Query = q, Role = role, Roles = AccountQueries.RoleItems(l) });
    }

    [HttpGet]
    public async Task<IActionResult> Details(string id, CancellationToken cancellationToken)
    {
        var scope = User.Scope();
        var account = await AccountQueries.Rows(db, db.Users.AsNoTracking().VisibleTo(scope).Where(u => u.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (account is null) return NotFound();

        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == AccountAudit.EntityType && a.EntityId == id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id)
            .Take(HistorySize)
            .Select(a => new { a.AtUtc, a.Action, a.Changes, ActorName = db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var communities = await db.Communities.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken);
        var units = await db.MemberUnits.AsNoTracking().VisibleTo(scope).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        // A grid worker's scope names its grids too (no other account has grid links).
        var gridNames = await db.AppUserGrids.AsNoTracking().Where(g => g.UserId == id).OrderBy(g => g.Grid!.Name).Select(g => g.Grid!.Name).ToListAsync(cancellationToken);
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
            CanEdit = (await authorization.AuthorizeAsync(User, account.Resource, AccountOperations.Edit)).Succeeded,
            History = entries.Select(e => new AccountAuditItem(e.AtUtc, e.ActorName, e.Action, AccountAudit.Describe(e.Changes, l, communities, units))).ToList(),
        });
    }
}
