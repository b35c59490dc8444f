using TongkuangAlliance.Web.Infrastructure.Localization;
using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Cases;

/// <summary>The case list's query, shared by the list and its export: the user's cases, filtered, sorted and projected.</summary>
public sealed partial class CaseListQuery(AppDbContext db, UserScope scope, string? me)
{
    /// <summary>The cases in scope matching <paramref name="f"/>, sorted, as list rows (overdue and stale at <paramref name="now"/>).</summary>
    public IQueryable<CaseListItem> Rows(CaseFilter f, DateTime now) => Project(Filter(f, now), now);

    private IQueryable<Case> Filter(CaseFilter f, DateTime now)
    {
        var query = db.Cases.AsNoTracking().VisibleTo(scope);
        if (f.Kind is { } kind) query = query.Where(c => c.Kind == kind);
        if (f.State is { } state) query = query.Where(CaseStates.Is(state));
        if (f.Status is { } status) query = query.Where(c => c.Status == status);
        if (f.CommunityId is { } communityId) query = query.Where(c => c.CommunityId == communityId);
        if (f.CategoryId is { } categoryId) query = query.Where(c => c.CategoryId == categoryId);
        if (f.Overdue) query = query.Where(Case.OverdueAt(now));
        if (f.DueSoon) query = query.Where(Case.DueSoonAt(now));
        if (f.Escalated) query = query.Where(c => c.IsEscalated);
        if (f.Attention) query = query.Where(Case.EscalatedOrOverdueAt(now));
        if (f.Mine) query = query.Where(c => c.HandlerUserId == me);
        if (f.From is { } from)
        {
            var fromUtc = ReportPeriod.StartUtc(from);
            query = query.Where(c => c.RegisteredAtUtc >= fromUtc);
        }
        if (f.To is { } to)
        {
            var toUtc = ReportPeriod.EndUtcExclusive(to);
            query = query.Where(c => c.RegisteredAtUtc < toUtc);
        }
        return Sort(Search(DashboardFilters(query, f), f.Q), f.Sort);
    }

    /// <summary>The dashboards' filters (<see cref="DashboardRules"/>): each dashboard number links to the list with these.</summary>
    private static IQueryable<Case> DashboardFilters(IQueryable<Case> query, CaseFilter f)
    {
        if (f.GridId is { } gridId) query = query.Where(c => c.GridId == gridId);
        if (f.CompoundId is { } compoundId) query = query.Where(c => c.CompoundId == compoundId);
        if (f.ResolvedFrom is not null || f.ResolvedTo is not null)
        {
            var fromUtc = ReportPeriod.StartUtc(f.ResolvedFrom ?? DateOnly.MinValue);
            var toUtc = ReportPeriod.EndUtcExclusive(f.ResolvedTo ?? DateOnly.MaxValue);
            query = query.Where(DashboardRules.ResolvedIn(fromUtc, toUtc));
        }
        if (f.Open) query = query.Where(Case.Unresolved);
        if (f.NoGrid) query = query.Where(c => c.GridId == null);
        if (f.Unclosed) query = query.Where(c => c.Status != CaseStatus.Closed);
        if (f.Resolved) query = query.Where(DashboardRules.HasResolution);
        if (f.NeverEscalated) query = query.Where(DashboardRules.NeverEscalated);
        if (f.FollowedFrom is not null || f.FollowedTo is not null)
        {
            var followedFrom = f.FollowedFrom ?? DateOnly.MinValue;
            var followedTo = f.FollowedTo ?? DateOnly.MaxValue;
            query = query.Where(f.Satisfied ? DashboardRules.SatisfiedIn(followedFrom, followedTo) : DashboardRules.FollowedUpIn(followedFrom, followedTo));
        }
        return query;
    }

    private static IQueryable<Case> Search(IQueryable<Case> query, string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return query;
        var q = text.Trim();
        // A whole case number (JF2026-0001) is looked up by the unique index; anything else searches the texts.
        var number = q.ToUpperInvariant();
        return CaseNumberPattern().IsMatch(q)
            ? query.Where(c => c.Number == number)
            : query.Where(c => c.Number.Contains(q) || c.ReporterName.Contains(q) || c.Title.Contains(q) || c.Description.Contains(q));
    }

    private static IQueryable<Case> Sort(IQueryable<Case> query, string? sort) => sort switch
    {
        "oldest" => query.OrderBy(c => c.RegisteredAtUtc).ThenBy(c => c.Id),
        // Open cases first, by the deadline they face now (acceptance while registered, else resolution); the others,
        // which face none, after them.
        "due" => query
            .OrderBy(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.Accepted || c.Status == CaseStatus.InMediation ? 0 : 1)
            .ThenBy(c => c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < c.ResolveDueAtUtc ? c.AcceptDueAtUtc : c.ResolveDueAtUtc)
            .ThenBy(c => c.Id),
        _ => query.OrderByDescending(c => c.RegisteredAtUtc).ThenByDescending(c => c.Id),
    };

    private static IQueryable<CaseListItem> Project(IQueryable<Case> cases, DateTime now)
    {
        var english = PortalCultures.IsEnglish;
        return cases.SelectWithDeadlines(now, (c, overdue, stale) => new CaseListItem(
            c.Id, c.Number, c.Kind, c.Title, c.Community!.Name, english ? c.Category!.NameEn : c.Category!.Name,
            CaseStates.Of(c.Status, c.Resolution, c.CloseKind, c.Terms.Any(t => t.Status == AgreementTermStatus.Pending)),
            overdue, stale,
            c.IsEscalated,
            c.Handler != null ? c.Handler.DisplayName : null,
            c.RegisteredAtUtc, c.ReporterName, c.ReporterPhone,
            c.GridId == null));
    }

    /// <summary>The case categories as options (the active ones only for intake).</summary>
    public static Task<List<Option>> CategoriesAsync(AppDbContext db, bool activeOnly, CancellationToken cancellationToken)
    {
        var english = PortalCultures.IsEnglish;
        return db.CaseCategories.AsNoTracking().Where(c => !activeOnly || c.IsActive).OrderBy(c => c.SortOrder)
            .Select(c => new Option(c.Id, english ? c.NameEn : c.Name)).ToListAsync(cancellationToken);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z]{2}\d{4}-\d{4,}$")]
    private static partial System.Text.RegularExpressions.Regex CaseNumberPattern();
}
