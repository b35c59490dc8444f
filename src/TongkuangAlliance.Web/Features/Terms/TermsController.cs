using System.Linq.Expressions;
using System.Security.Claims;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Terms;

/// <summary>
/// 协议条款: a paired unit's list of the agreement terms its unit owes (across communities), and marking one
/// fulfilled. Committees see the terms of the cases in their scope. Nothing else of a case is shown here.
/// </summary>
public sealed class TermsController(AppDbContext db, TimeProvider clock, IAuthorizationService authorization, IStringLocalizer<SharedResource> l) : Controller
{
    private static readonly Expression<Func<AgreementTerm, TermRow>> ToRow = t => new TermRow(
        t.Id, t.CaseId, t.Case!.Number, t.Case.Community!.Name, t.ObligatedParty!.Name, t.Kind,
        t.Description, t.Amount, t.DueDate, t.Status, t.FulfilledOn);

    [HttpGet]
    public async Task<IActionResult> Index(string? status, int? unitId = null, int? communityId = null, DateOnly? fulfilledFrom = null, DateOnly? fulfilledTo = null,
        bool onTime = false, int page = 1, CancellationToken cancellationToken = default)
    {
        var scope = User.Scope();
        var today = ChinaTime.Today(clock);
        // A withdrawn term (entered by mistake) is owed by no one: it leaves the list.
        var query = db.AgreementTerms.AsNoTracking().VisibleTo(scope).Where(AgreementTerm.InForce);
        // The dashboards' filters: the terms a unit owes, fulfilled (on time) in a period.
        if (unitId is { } unit) query = query.Where(DashboardRules.OwedBy(unit));
        if (communityId is { } community) query = query.Where(t => t.Case!.CommunityId == community);
        if (fulfilledFrom is not null || fulfilledTo is not null)
        {
            var from = fulfilledFrom ?? DateOnly.MinValue;
            var to = fulfilledTo ?? DateOnly.MaxValue;
            query = query.Where(onTime ? DashboardRules.FulfilledOnTimeIn(from, to) : DashboardRules.FulfilledIn(from, to));
        }
        var filter = TermFilters.All.Contains(status) ? status : null;
        query = filter switch
        {
            TermFilters.Pending => query.Where(t => t.Status == AgreementTermStatus.Pending),
            TermFilters.Overdue => query.Where(AgreementTerm.OverdueOn(today)),
            TermFilters.Fulfilled => query.Where(t => t.Status == AgreementTermStatus.Fulfilled),
            _ => query,
        };
        var terms = await query
            .OrderBy(t => t.Status == AgreementTermStatus.Fulfilled).ThenBy(t => t.DueDate).ThenBy(t => t.Id)
            .Select(ToRow)
            .ToPagedListAsync(page, cancellationToken: cancellationToken);

        // A unit reads the terms it owes; the case workers the terms of their cases, each opening its case.
        var ownTerms = (await authorization.AuthorizeAsync(User, Policies.PairedUnitOnly)).Succeeded;
        var canOpenCases = (await authorization.AuthorizeAsync(User, Policies.CaseWorkers)).Succeeded;
        ViewData["Title"] = ownTerms ? l["Terms.Title"] : l["Terms.TitleStaff"];
        return View(new TermIndexViewModel
        {
            Terms = terms, Status = filter, Today = today, CanOpenCases = canOpenCases,
            FromDashboard = unitId is not null || communityId is not null || fulfilledFrom is not null || fulfilledTo is not null,
        });
    }

    [HttpGet]
    public async Task<IActionResult> Fulfil(int id, CancellationToken cancellationToken)
    {
        var term = await FindRowAsync(id, cancellationToken);
        if (term is null) return NotFound();
        var version = await db.Cases.Where(c => c.Id == term.CaseId).Select(c => c.Version).SingleAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        ViewData["Title"] = l["Terms.Fulfil"];
        return View(new TermFulfilViewModel { Term = term, Today = today, Input = new TermFulfilInput { FulfilledOn = today, Version = version } });
    }

    [HttpPost]
    public async Task<IActionResult> Fulfil(int id, [Bind(Prefix = "Input")] TermFulfilInput input, CancellationToken cancellationToken)
    {
        var row = await FindRowAsync(id, cancellationToken);
        if (row is null) return NotFound();
        var today = ChinaTime.Today(clock);
        ViewData["Title"] = l["Terms.Fulfil"];
        IActionResult Redisplay() => View(new TermFulfilViewModel { Term = row, Today = today, Input = input });

        if (!ModelState.IsValid) return Redisplay();

        var kase = await db.Cases.IncludeForRules().SingleAsync(c => c.Id == row.CaseId, cancellationToken);
        var term = kase.Terms.Single(t => t.Id == id);
        db.Entry(kase).Property(c => c.Version).OriginalValue = input.Version;
        try
        {
            term.MarkFulfilled(input.FulfilledOn!.Value, input.ProofNote, clock.GetUtcNow().UtcDateTime, User.FindFirstValue(ClaimTypes.NameIdentifier));
        }
        catch (DomainException error)
        {
            ModelState.AddDomainError(error, l, "Input");
            return Redisplay();
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Terms.Conflict"]);
            ModelState.Remove("Input.Version");
            input.Version = await db.Cases.AsNoTracking().Where(c => c.Id == row.CaseId).Select(c => c.Version).SingleAsync(cancellationToken);
            var current = await FindRowAsync(id, cancellationToken) ?? row;
            return View(new TermFulfilViewModel { Term = current, Today = today, Input = input });
        }

        TempData["Success"] = l["Terms.Fulfilled", row.CaseNumber].Value;
        return RedirectToAction(nameof(Index));
    }

    private Task<TermRow?> FindRowAsync(int id, CancellationToken cancellationToken) =>
        db.AgreementTerms.AsNoTracking().VisibleTo(User.Scope()).Where(t => t.Id == id).Select(ToRow).SingleOrDefaultAsync(cancellationToken);
}
