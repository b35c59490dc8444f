using System.Security.Claims;
using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>
/// An activity's results (issue 4): residents served per service, disputes mediated, a summary, and the residents'
/// difficulties collected on the day, each of which can become a case. The committees of the activity's community
/// record them (<see cref="ActivityOperations.RecordResults"/>). URLs stay under /Activities/.
/// </summary>
[Route("Activities/[action]/{id?}")]
[Authorize(Policy = Policies.CommunityOrSubDistrict)]
public sealed class ActivityResultsController(AppDbContext db, IAuthorizationService authorization, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string? Me => User.FindFirstValue(ClaimTypes.NameIdentifier);

    [HttpGet]
    public async Task<IActionResult> Results(int id, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.AsNoTracking().VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await MayRecordAsync(id, cancellationToken)) return Forbid();
        var input = new ResultsInput
        {
            DisputesMediated = activity.DisputesMediated,
            Summary = activity.ResultSummary,
            Version = activity.Version,
            Served = [.. activity.Services.Where(s => s.IsOffered || s.ResidentsServed != null).OrderBy(s => s.ServiceKindId)
                .Select(s => new ServedInput { ServiceKindId = s.ServiceKindId, Count = s.ResidentsServed })],
        };
        return await ResultsViewAsync(activity, input, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> Results(int id, ResultsInput input, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await MayRecordAsync(id, cancellationToken)) return Forbid();
        if (ModelState.IsValid)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = input.Version;
            try
            {
                var served = new Dictionary<int, int?>();
                foreach (var s in input.Served) served[s.ServiceKindId] = s.Count;
                activity.RecordResults(served, input.DisputesMediated, input.Summary, Now);
                await db.SaveChangesAsync(cancellationToken);
                TempData["Success"] = l["Activities.ResultsSaved"].Value;
                return RedirectToAction("Details", "Activities", new { id });
            }
            catch (DomainException error)
            {
                ModelState.AddModelError(FieldOf(error, input) ?? string.Empty, l[error.MessageKey]);
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Concurrency.Conflict"]);
                db.ChangeTracker.Clear();
                activity = await db.Activities.AsNoTracking().IncludeForRules().SingleAsync(a => a.Id == id, cancellationToken);
                ModelState.Remove("Input.Version");
                input.Version = activity.Version;
            }
        }
        return await ResultsViewAsync(activity, input, cancellationToken);
    }

    [HttpPost]
    public async Task<IActionResult> AddDifficulty(int id, string? residentName, string? residentPhone, string? description, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        if (!await MayRecordAsync(id, cancellationToken)) return Forbid();
        return await this.ActivityStepAsync(db, l, activity, version, () => activity.AddDifficulty(residentName, residentPhone, description, Now), "Activities.DifficultyAdded", cancellationToken);
    }

    /// <summary>One step: a collected difficulty becomes a resident-request case (source: service day), linked both ways.</summary>
    [HttpPost]
    public async Task<IActionResult> RaiseCase(int id, int difficultyId, int categoryId, Guid version, CancellationToken cancellationToken)
    {
        var activity = await db.Activities.VisibleTo(User.Scope()).IncludeForRules().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (activity is null) return NotFound();
        var difficulty = activity.Difficulties.SingleOrDefault(d => d.Id == difficultyId);
        if (difficulty is null) return NotFound();
        if (!await MayRecordAsync(id, cancellationToken)) return Forbid();
        var category = await db.CaseCategories.SingleOrDefaultAsync(c => c.Id == categoryId && c.IsActive, cancellationToken);
        if (category is null)
        {
            TempData["Error"] = l["Activities.ChooseCategory"].Value;
            return RedirectToAction("Details", "Activities", new { id, fragment = "difficulties" });
        }
        db.Entry(activity).Property(a => a.Version).OriginalValue = version;
        try
        {
            var kase = activity.RaiseCase(difficulty, category, Now, Me);
            await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
            TempData["Success"] = l["Activities.CaseRaised", kase.Number].Value;
        }
        catch (DomainException error)
        {
            TempData["Error"] = l[error.MessageKey].Value;
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Error"] = l["Concurrency.Conflict"].Value;
        }
        return RedirectToAction("Details", "Activities", new { id });
    }

    private Task<bool> MayRecordAsync(int id, CancellationToken ct) =>
        authorization.MayActOnActivityAsync(User, db, id, ActivityOperations.RecordResults, ct);

    /// <summary>The form field a domain error belongs to (a served count is found by its service kind).</summary>
    private static string? FieldOf(DomainException error, ResultsInput input) => error.Field switch
    {
        null => null,
        nameof(Activity.DisputesMediated) => "Input.DisputesMediated",
        nameof(Activity.ResultSummary) => "Input.Summary",
        var f when f.StartsWith("Served[", StringComparison.Ordinal) => $"Input.Served[{input.Served.FindIndex(s => f == $"Served[{s.ServiceKindId}]")}].Count",
        var f => f,
    };

    private async Task<IActionResult> ResultsViewAsync(Activity activity, ResultsInput input, CancellationToken ct)
    {
        ViewData["Title"] = l["Activities.RecordResults"];
        var english = CultureInfo.CurrentUICulture.Name.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        var ids = input.Served.Select(s => s.ServiceKindId).ToList();
        var names = await db.ServiceKinds.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => english ? k.NameEn : k.Name, ct);
        return View("Results", new ResultsViewModel { Id = activity.Id, Title = activity.Title, StartUtc = activity.StartUtc, ServiceNames = names, Input = input });
    }
}
