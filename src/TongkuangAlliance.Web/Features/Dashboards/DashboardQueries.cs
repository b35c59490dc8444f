using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>Settings of the dashboards (section "Dashboards").</summary>
public sealed class DashboardOptions
{
    public const string Section = "Dashboards";

    /// <summary>A community or unit is ranked only with at least this many cases (or terms) in the period.</summary>
    public int MinCasesForRanking { get; set; } = 5;

    /// <summary>
    /// How long computed figures may be reused while no record changed (0: compute on every request). Any write
    /// ends the reuse at once (see <see cref="DashboardQueries.LoadAsync"/>); this only bounds the memory kept.
    /// </summary>
    public int CacheSeconds { get; set; } = 300;
}

/// <summary>The counts behind a dashboard for one slice (everything, a community, a grid, a compound or a month).</summary>
public sealed class Tally
{
    public int ServiceDays { get; set; }
    public int ResidentVisits { get; set; }
    public int DisputesResolved { get; set; }
    public int RequestsSolved { get; set; }
    public int DisputesNotEscalated { get; set; }
    public long DaysToResolve { get; set; }
    public int Registered { get; set; }
    public int RegisteredResolved { get; set; }
    public int Open { get; set; }
    public int Overdue { get; set; }
    public int FollowedUp { get; set; }
    public int Satisfied { get; set; }

    /// <summary>Completed check-ins' minutes, and the members who checked in (and out) at least once (issue 5).</summary>
    public int VolunteerMinutes { get; set; }
    public int ActiveVolunteers { get; set; }

    /// <summary>
    /// The hours the ledger's rows add up to (issue 19): each volunteer's minutes rounded once to 0.1 h, as the row
    /// shows them, then summed, so the figure equals the sum of the list it links to.
    /// </summary>
    public decimal VolunteerHours { get; set; }

    public static decimal HoursOf(IEnumerable<int> minutesPerVolunteer) => minutesPerVolunteer.Sum(m => Math.Round(m / 60m, 1));

    public int Resolved => DisputesResolved + RequestsSolved;

    public double? ResolutionRate => Rate(RegisteredResolved, Registered);
    public double? SatisfactionRate => Rate(Satisfied, FollowedUp);
    public double? NotEscalatedShare => Rate(DisputesNotEscalated, DisputesResolved);
    public double? AverageDaysToResolve => Resolved == 0 ? null : (double)DaysToResolve / Resolved;

    public static double? Rate(int part, int whole) => whole == 0 ? null : (double)part / whole;
}

public sealed record NamedTally(int Id, string Name, Tally Tally)
{
    /// <summary>Rank by resolution rate among those with enough cases; null when not ranked.</summary>
    public int? Rank { get; set; }
}

public sealed record MonthTally(DateOnly Month, Tally Tally);

/// <summary>Open escalated cases, overdue terms and overdue supervised work, as of a day (<see cref="DashboardQueries.WatchAsync"/>).</summary>
public sealed record WatchFigures(int EscalatedOpen, int OverdueTerms, int OverdueWork);

/// <summary>What a member unit contributed in the period, and what it still owes now.</summary>
public sealed record UnitContribution(int UnitId, string UnitName, int ActivitiesJoined, int TermsFulfilled, int TermsFulfilledOnTime, int TermsPending, int ActionItemsOpen,
    int Volunteers, int VolunteerMinutes)
{
    public decimal VolunteerHours => Math.Round(VolunteerMinutes / 60m, 1);

    public double? OnTimeRate => Tally.Rate(TermsFulfilledOnTime, TermsFulfilled);
    public int? Rank { get; set; }
}

/// <summary>The app's store of recently computed dashboards (a few hundred at most: one per scope, period and minute).</summary>
public sealed class DashboardCache : IDisposable
{
    public MemoryCache Entries { get; } = new(new MemoryCacheOptions { SizeLimit = 500 });

    public void Dispose() => Entries.Dispose();
}

public sealed class DashboardData
{
    public required ReportPeriod Period { get; init; }
    public required Tally Total { get; init; }
    public required IReadOnlyList<NamedTally> Communities { get; init; }
    public required IReadOnlyList<MonthTally> Months { get; init; }
    public required IReadOnlyList<UnitContribution> Units { get; init; }
    public IReadOnlyList<NamedTally> Grids { get; init; } = [];
    public IReadOnlyList<NamedTally> Compounds { get; init; } = [];
    public int MinCasesForRanking { get; init; }
}

/// <summary>
/// Computes the dashboards from the records (nothing is stored as a total), always starting from the user's
/// scope (<c>VisibleTo</c>) and optionally narrowed to one community. Each step is one grouped query, so a
/// dashboard runs a fixed number of queries whatever the data size: the counts are grouped in the database by
/// community (and month, grid, compound) and only the groups come back.
/// </summary>
public sealed class DashboardQueries(AppDbContext db, DashboardCache cache, IOptions<DashboardOptions> options)
{
    /// <summary>The scope is part of the key as the record it is (its equality covers every id that scopes the figures).</summary>
    private sealed record CacheKey(UserScope Scope, DateOnly From, DateOnly To,
        int? CommunityId, bool Breakdown, int MinCases, long DataVersion, long Minute);

    /// <summary>
    /// The dashboard's figures, computed from the records — or the same figures computed moments ago, when not a single
    /// record has been written since and the minute has not changed. Every write of the portal adds an audit row in the
    /// same transaction (AuditSaveChangesInterceptor), so the newest audit id is a version of all the data: one indexed
    /// MAX query tells whether anything changed, on every instance of the app. The minute is part of the key because
    /// "overdue" depends on the time. At city scale the computation reads tens of thousands of rows; see docs/performance.md.
    /// </summary>
    public async Task<DashboardData> LoadAsync(UserScope scope, ReportPeriod period, DateTime nowUtc, int? communityId, bool breakdown,
        int minCasesForRanking, CancellationToken ct)
    {
        var seconds = options.Value.CacheSeconds;
        if (seconds <= 0) return await ComputeAsync(scope, period, nowUtc, communityId, breakdown, minCasesForRanking, ct);

        var version = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var key = new CacheKey(scope, period.From, period.To, communityId, breakdown,
            minCasesForRanking, version, nowUtc.Ticks / TimeSpan.TicksPerMinute);
        if (cache.Entries.TryGetValue(key, out DashboardData? cached) && cached is not null) return cached;
        var data = await ComputeAsync(scope, period, nowUtc, communityId, breakdown, minCasesForRanking, ct);
        cache.Entries.Set(key, data, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds), Size = 1 });
        return data;
    }

    private async Task<DashboardData> ComputeAsync(UserScope scope, ReportPeriod period, DateTime nowUtc, int? communityId, bool breakdown,
        int minCasesForRanking, CancellationToken ct)
    {
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        var cases = db.Cases.AsNoTracking().VisibleTo(scope);
        var activities = db.Activities.AsNoTracking().VisibleTo(scope);
        var communities = db.Communities.AsNoTracking().VisibleTo(scope);
        if (communityId is { } only)
        {
            cases = cases.Where(c => c.CommunityId == only);
            activities = activities.Where(a => a.CommunityId == only);
            communities = communities.Where(c => c.Id == only);
        }

        var communityNames = await communities.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);

        // Resolved in the period, by community, kind and month of resolution (China time), grids and compounds
        // only when asked (a community's dashboard). Days to resolve are China calendar days: the case stores its
        // China days and month as integers (Case.RegisteredDay, ResolvedDay, ResolvedMonth), so the database sums a
        // subtraction per row instead of computing dates.
        var resolvedGroups = await cases.Where(DashboardRules.ResolvedIn(fromUtc, toUtc))
            .GroupBy(c => new { c.CommunityId, GridId = breakdown ? c.GridId : null, CompoundId = breakdown ? c.CompoundId : null, c.Kind, Month = c.ResolvedMonth!.Value })
            .Select(g => new
            {
                g.Key.CommunityId, g.Key.GridId, g.Key.CompoundId, g.Key.Kind, g.Key.Month, Count = g.Count(),
                NotEscalated = g.Count(c => c.EscalatedAtUtc == null), Days = g.Sum(c => c.ResolvedDay!.Value - c.RegisteredDay),
            })
            .ToListAsync(ct);
        var resolved = resolvedGroups.Select(r => new { r.CommunityId, r.GridId, r.CompoundId, r.Kind, Year = r.Month / 100, Month = r.Month % 100, r.Count, r.NotEscalated, r.Days });

        var registered = await cases.Where(DashboardRules.RegisteredIn(fromUtc, toUtc))
            .GroupBy(c => new { c.CommunityId, GridId = breakdown ? c.GridId : null, CompoundId = breakdown ? c.CompoundId : null })
            .Select(g => new { g.Key.CommunityId, g.Key.GridId, g.Key.CompoundId, Count = g.Count(), Resolved = g.Count(c => c.ResolvedAtUtc != null) })
            .ToListAsync(ct);

        var overdue = Case.OverdueAt(nowUtc);
        var open = await cases.Where(Case.Unresolved)
            .GroupBy(c => new { c.CommunityId, GridId = breakdown ? c.GridId : null, CompoundId = breakdown ? c.CompoundId : null })
            .Select(g => new
            {
                g.Key.CommunityId, g.Key.GridId, g.Key.CompoundId, Count = g.Count(),
                Overdue = g.Count(c => (c.Status == CaseStatus.Registered && c.AcceptDueAtUtc < nowUtc) || c.ResolveDueAtUtc < nowUtc),
            })
            .ToListAsync(ct);

        // Cases followed up in the period, and of those the ones without a dissatisfied follow-up in it: starting from
        // the period's follow-ups (grouped by case), not from every case with a correlated subquery.
        var followUps = db.FollowUps.AsNoTracking().Where(f => f.Date >= period.From && f.Date <= period.To)
            .GroupBy(f => f.CaseId)
            .Select(g => new { CaseId = g.Key, Dissatisfied = g.Max(f => f.Satisfaction == Satisfaction.Dissatisfied ? 1 : 0) });
        var followed = await cases.Join(followUps, c => c.Id, f => f.CaseId,
                (c, f) => new { c.CommunityId, GridId = breakdown ? c.GridId : null, CompoundId = breakdown ? c.CompoundId : null, f.Dissatisfied })
            .GroupBy(x => new { x.CommunityId, x.GridId, x.CompoundId })
            .Select(g => new { g.Key.CommunityId, g.Key.GridId, g.Key.CompoundId, Count = g.Count(), Satisfied = g.Count(x => x.Dissatisfied == 0) })
            .ToListAsync(ct);

        var heldServiceDays = activities.Where(DashboardRules.ServiceDayHeldIn(fromUtc, toUtc));
        var serviceDays = await heldServiceDays
            .Select(a => new { a.CommunityId, CompoundId = breakdown ? a.CompoundId : null, Start = a.StartUtc.AddHours(8) })
            .GroupBy(a => new { a.CommunityId, a.CompoundId, a.Start.Year, a.Start.Month })
            .Select(g => new { g.Key.CommunityId, g.Key.CompoundId, g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct);
        var visits = await heldServiceDays
            .SelectMany(a => a.Services, (a, s) => new { a.CommunityId, CompoundId = breakdown ? a.CompoundId : null, Start = a.StartUtc.AddHours(8), Served = s.ResidentsServed ?? 0 })
            .GroupBy(a => new { a.CommunityId, a.CompoundId, a.Start.Year, a.Start.Month })
            .Select(g => new { g.Key.CommunityId, g.Key.CompoundId, g.Key.Year, g.Key.Month, Served = g.Sum(x => x.Served) })
            .ToListAsync(ct);

        // Volunteers (issue 5): completed check-ins in the period at the activities in scope.
        var checkIns = VolunteerHoursQueries.CompletedIn(db, scope, fromUtc, toUtc);
        if (communityId is { } vc) checkIns = checkIns.Where(c => c.Activity!.CommunityId == vc);
        var perVolunteer = await checkIns.GroupBy(c => c.PartyMemberId).Select(g => g.Sum(c => c.Minutes!.Value)).ToListAsync(ct);

        // ---- fold the groups into slices ----
        var total = new Tally();
        var byCommunity = communityNames.ToDictionary(c => c.Id, _ => new Tally());
        var byGrid = new Dictionary<int, Tally>();
        var byCompound = new Dictionary<int, Tally>();
        var byMonth = period.Months().ToDictionary(m => m, _ => new Tally());

        IEnumerable<Tally> Slices(int community, int? grid, int? compound, int? year = null, int? month = null)
        {
            yield return total;
            if (byCommunity.TryGetValue(community, out var c)) yield return c;
            if (grid is { } g) yield return Get(byGrid, g);
            if (compound is { } k) yield return Get(byCompound, k);
            if (year is { } y && month is { } m && byMonth.TryGetValue(new DateOnly(y, m, 1), out var t)) yield return t;
        }

        foreach (var r in resolved)
            foreach (var t in Slices(r.CommunityId, r.GridId, r.CompoundId, r.Year, r.Month))
            {
                if (r.Kind == CaseKind.Dispute)
                {
                    t.DisputesResolved += r.Count;
                    t.DisputesNotEscalated += r.NotEscalated;
                }
                else t.RequestsSolved += r.Count;
                t.DaysToResolve += r.Days;
            }
        foreach (var r in registered)
            foreach (var t in Slices(r.CommunityId, r.GridId, r.CompoundId))
            {
                t.Registered += r.Count;
                t.RegisteredResolved += r.Resolved;
            }
        foreach (var r in open)
            foreach (var t in Slices(r.CommunityId, r.GridId, r.CompoundId))
            {
                t.Open += r.Count;
                t.Overdue += r.Overdue;
            }
        foreach (var r in followed)
            foreach (var t in Slices(r.CommunityId, r.GridId, r.CompoundId))
            {
                t.FollowedUp += r.Count;
                t.Satisfied += r.Satisfied;
            }
        foreach (var r in serviceDays)
            foreach (var t in Slices(r.CommunityId, null, r.CompoundId, r.Year, r.Month)) t.ServiceDays += r.Count;
        foreach (var r in visits)
            foreach (var t in Slices(r.CommunityId, null, r.CompoundId, r.Year, r.Month)) t.ResidentVisits += r.Served;

        total.VolunteerMinutes = perVolunteer.Sum();
        total.ActiveVolunteers = perVolunteer.Count;
        total.VolunteerHours = Tally.HoursOf(perVolunteer);

        var communityRows = communityNames.Select(c => new NamedTally(c.Id, c.Name, byCommunity[c.Id])).ToList();
        Rank(communityRows, minCasesForRanking);

        var units = await UnitsAsync(scope, period, communityId, null, minCasesForRanking, ct);

        IReadOnlyList<NamedTally> grids = [], compounds = [];
        if (breakdown)
        {
            var gridNames = await db.Grids.AsNoTracking().VisibleTo(scope).Where(g => communityId == null || g.CommunityId == communityId)
                .OrderBy(g => g.Name.Length).ThenBy(g => g.Name).Select(g => new { g.Id, g.Name }).ToListAsync(ct);
            var compoundNames = await db.Compounds.AsNoTracking().VisibleTo(scope).Where(c => communityId == null || c.CommunityId == communityId)
                .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
            grids = [.. gridNames.Select(g => new NamedTally(g.Id, g.Name, Get(byGrid, g.Id)))];
            compounds = [.. compoundNames.Select(c => new NamedTally(c.Id, c.Name, Get(byCompound, c.Id)))];
        }

        return new DashboardData
        {
            Period = period,
            Total = total,
            Communities = communityRows,
            Months = [.. byMonth.OrderBy(m => m.Key).Select(m => new MonthTally(m.Key, m.Value))],
            Units = units,
            Grids = grids,
            Compounds = compounds,
            MinCasesForRanking = minCasesForRanking,
        };
    }

    /// <summary>
    /// The period's totals only, for the comparison with the same period last year (issue 19): the figures of a period
    /// (not the ones "as of now"), in four queries, by the same rules as <see cref="LoadAsync"/>.
    /// </summary>
    public async Task<Tally> TotalAsync(UserScope scope, ReportPeriod period, int? communityId, CancellationToken ct)
    {
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        var cases = db.Cases.AsNoTracking().VisibleTo(scope);
        var activities = db.Activities.AsNoTracking().VisibleTo(scope);
        if (communityId is { } only)
        {
            cases = cases.Where(c => c.CommunityId == only);
            activities = activities.Where(a => a.CommunityId == only);
        }
        var resolvedIn = DashboardRules.ResolvedIn(fromUtc, toUtc);
        var registeredIn = DashboardRules.RegisteredIn(fromUtc, toUtc);
        var caseCounts = await cases.Where(resolvedIn).GroupBy(c => c.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count(), NotEscalated = g.Count(c => c.EscalatedAtUtc == null), Days = g.Sum(c => c.ResolvedDay!.Value - c.RegisteredDay) })
            .ToListAsync(ct);
        var registered = await cases.Where(registeredIn).GroupBy(c => 1)
            .Select(g => new { Count = g.Count(), Resolved = g.Count(c => c.ResolvedAtUtc != null) }).SingleOrDefaultAsync(ct);
        var followUps = db.FollowUps.AsNoTracking().Where(f => f.Date >= period.From && f.Date <= period.To)
            .GroupBy(f => f.CaseId)
            .Select(g => new { CaseId = g.Key, Dissatisfied = g.Max(f => f.Satisfaction == Satisfaction.Dissatisfied ? 1 : 0) });
        var followed = await cases.Join(followUps, c => c.Id, f => f.CaseId, (c, f) => f.Dissatisfied).GroupBy(x => 1)
            .Select(g => new { Count = g.Count(), Satisfied = g.Count(x => x == 0) }).SingleOrDefaultAsync(ct);
        var days = await activities.Where(DashboardRules.ServiceDayHeldIn(fromUtc, toUtc)).GroupBy(a => 1)
            .Select(g => new { Count = g.Count(), Served = g.Sum(a => a.Services.Sum(s => s.ResidentsServed ?? 0)) }).SingleOrDefaultAsync(ct);
        var checkIns = VolunteerHoursQueries.CompletedIn(db, scope, fromUtc, toUtc);
        if (communityId is { } vc) checkIns = checkIns.Where(c => c.Activity!.CommunityId == vc);
        var perVolunteer = await checkIns.GroupBy(c => c.PartyMemberId).Select(g => g.Sum(c => c.Minutes!.Value)).ToListAsync(ct);

        var disputes = caseCounts.FirstOrDefault(c => c.Kind == CaseKind.Dispute);
        return new Tally
        {
            DisputesResolved = disputes?.Count ?? 0,
            DisputesNotEscalated = disputes?.NotEscalated ?? 0,
            RequestsSolved = caseCounts.Where(c => c.Kind != CaseKind.Dispute).Sum(c => c.Count),
            DaysToResolve = caseCounts.Sum(c => (long)c.Days),
            Registered = registered?.Count ?? 0,
            RegisteredResolved = registered?.Resolved ?? 0,
            FollowedUp = followed?.Count ?? 0,
            Satisfied = followed?.Satisfied ?? 0,
            ServiceDays = days?.Count ?? 0,
            ResidentVisits = days?.Served ?? 0,
            VolunteerMinutes = perVolunteer.Sum(),
            ActiveVolunteers = perVolunteer.Count,
            VolunteerHours = Tally.HoursOf(perVolunteer),
        };
    }

    /// <summary>
    /// What the sub-district watches as of <paramref name="today"/> (issue 17's weekly digest): open escalated cases,
    /// overdue agreement terms and overdue supervised work (action items and joint projects), each by the rule its list
    /// filters with (Cases?escalated&amp;open, Terms?status=overdue, Supervision?overdue), so every figure equals its list.
    /// </summary>
    public async Task<WatchFigures> WatchAsync(UserScope scope, DateOnly today, CancellationToken ct)
    {
        var escalated = await db.Cases.AsNoTracking().VisibleTo(scope).Where(c => c.IsEscalated).Where(Case.Unresolved).CountAsync(ct);
        var terms = await db.AgreementTerms.AsNoTracking().VisibleTo(scope).Where(AgreementTerm.OverdueOn(today)).CountAsync(ct);
        var items = await db.ActionItems.AsNoTracking().VisibleTo(scope).Where(Core.Joint.ActionItem.OverdueOn(today)).CountAsync(ct);
        var projects = await db.JointProjects.AsNoTracking().VisibleTo(scope).Where(Core.Joint.JointProject.OverdueOn(today)).CountAsync(ct);
        return new WatchFigures(escalated, terms, items + projects);
    }

    /// <summary>
    /// Each member unit's contribution within the scope (and community): activities it joined that were held in the
    /// period, agreement terms it fulfilled in the period (and of those on time), terms it still owes, and its open
    /// action items. <paramref name="unitId"/> narrows to one unit (a unit's own dashboard). Three queries.
    /// </summary>
    public async Task<IReadOnlyList<UnitContribution>> UnitsAsync(UserScope scope, ReportPeriod period, int? communityId, int? unitId,
        int minForRanking, CancellationToken ct)
    {
        var fromUtc = period.FromUtc;
        var toUtc = period.ToUtcExclusive;
        var units = await db.MemberUnits.AsNoTracking().VisibleTo(scope)
            .Where(u => unitId == null || u.Id == unitId)
            .Where(u => communityId == null || u.Pairings.Any(p => p.CommunityId == communityId))
            .OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(ct);

        var activities = db.Activities.AsNoTracking().VisibleTo(scope).Where(DashboardRules.HeldIn(fromUtc, toUtc));
        if (communityId is { } c) activities = activities.Where(a => a.CommunityId == c);
        // Took part: invited, confirmed and held (DashboardRules.TookPart, the rule of the list's JoinedBy filter).
        var joined = await db.ActivityUnits.AsNoTracking().Where(DashboardRules.TookPart)
            .Where(u => (unitId == null || u.MemberUnitId == unitId) && activities.Select(a => a.Id).Contains(u.ActivityId))
            .GroupBy(u => u.MemberUnitId).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        var terms = db.AgreementTerms.AsNoTracking().VisibleTo(scope)
            .Where(t => t.ObligatedParty!.Kind == CasePartyKind.MemberUnit && t.ObligatedParty.MemberUnitId != null);
        if (communityId is { } tc) terms = terms.Where(t => t.Case!.CommunityId == tc);
        if (unitId is { } tu) terms = terms.Where(t => t.ObligatedParty!.MemberUnitId == tu);
        var from = period.From;
        var to = period.To;
        var owed = await terms.GroupBy(t => t.ObligatedParty!.MemberUnitId!.Value)
            .Select(g => new
            {
                UnitId = g.Key,
                Fulfilled = g.Count(t => t.Status == AgreementTermStatus.Fulfilled && t.FulfilledOn >= from && t.FulfilledOn <= to),
                OnTime = g.Count(t => t.Status == AgreementTermStatus.Fulfilled && t.FulfilledOn >= from && t.FulfilledOn <= to && t.FulfilledOn <= t.DueDate),
                Pending = g.Count(t => t.Status == AgreementTermStatus.Pending),
            })
            .ToDictionaryAsync(x => x.UnitId, ct);

        // Action items are the sub-district's and their owner's business (JointScopeQueries): open ones per unit.
        var items = await db.ActionItems.AsNoTracking().VisibleTo(scope)
            .Where(a => a.OwnerUnitId != null && a.Status != Core.Joint.WorkStatus.Done && (unitId == null || a.OwnerUnitId == unitId))
            .GroupBy(a => a.OwnerUnitId!.Value).Select(g => new { UnitId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UnitId, x => x.Count, ct);

        // Volunteers employed by each unit who checked in at activities in scope (and the community) in the period.
        var checkIns = VolunteerHoursQueries.CompletedIn(db, scope, fromUtc, toUtc).Where(ci => ci.PartyMember!.MemberUnitId != null);
        if (communityId is { } vc) checkIns = checkIns.Where(ci => ci.Activity!.CommunityId == vc);
        if (unitId is { } vu) checkIns = checkIns.Where(ci => ci.PartyMember!.MemberUnitId == vu);
        var volunteering = await checkIns.GroupBy(ci => ci.PartyMember!.MemberUnitId!.Value)
            .Select(g => new { UnitId = g.Key, Volunteers = g.Select(ci => ci.PartyMemberId).Distinct().Count(), Minutes = g.Sum(ci => ci.Minutes!.Value) })
            .ToDictionaryAsync(x => x.UnitId, ct);

        var rows = units.Select(u =>
        {
            owed.TryGetValue(u.Id, out var t);
            volunteering.TryGetValue(u.Id, out var v);
            return new UnitContribution(u.Id, u.Name, joined.GetValueOrDefault(u.Id), t?.Fulfilled ?? 0, t?.OnTime ?? 0, t?.Pending ?? 0, items.GetValueOrDefault(u.Id),
                v?.Volunteers ?? 0, v?.Minutes ?? 0);
        }).ToList();
        Ranking.Assign(rows.Where(r => r.TermsFulfilled >= minForRanking), r => r.OnTimeRate, r => r.UnitName, (r, rank) => r.Rank = rank);
        return rows;
    }

    /// <summary>Ranks by resolution rate (cases registered in the period and resolved) those with at least <paramref name="min"/> cases.</summary>
    private static void Rank(List<NamedTally> rows, int min)
    {
        Ranking.Assign(rows.Where(r => r.Tally.Registered >= min && r.Tally.Registered > 0), r => r.Tally.ResolutionRate, r => r.Name, (r, rank) => r.Rank = rank);
    }

    private static Tally Get(Dictionary<int, Tally> slices, int id)
    {
        if (!slices.TryGetValue(id, out var tally)) slices[id] = tally = new Tally();
        return tally;
    }
}
