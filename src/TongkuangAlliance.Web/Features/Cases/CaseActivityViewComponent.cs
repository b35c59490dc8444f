namespace TongkuangAlliance.Web.Features.Cases;

public sealed record CaseActivityLink(int ActivityId, string Title, DateTime StartUtc);

/// <summary>On a case's page: the service day the case came from (a difficulty raised there), when it did.</summary>
public sealed class CaseActivityViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int caseId)
    {
        var scope = UserScope.FromPrincipal(HttpContext.User);
        if (scope is null) return Content(string.Empty);
        var link = await db.ActivityDifficulties.AsNoTracking()
            .Where(d => d.CaseId == caseId)
            .Select(d => d.Activity!)
            .VisibleTo(scope)
            .Select(a => new CaseActivityLink(a.Id, a.Title, a.StartUtc))
            .FirstOrDefaultAsync();
        return link is null ? Content(string.Empty) : View(link);
    }
}
