using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>The period of the ledger and certificates, and a member's certificate (staff and the volunteer's own page).</summary>
public static class VolunteerCertificate
{
    /// <summary>The period asked for (China dates, inclusive), this half-year so far by default.</summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        var (halfFrom, _) = VolunteerHoursQueries.HalfYearOf(today);
        var defaultFrom = DateOnly.FromDateTime(ChinaTime.FromUtc(halfFrom));
        // A date that does not parse, or lies outside the years a date may be entered (a hand-edited link), is ignored.
        var f = DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pf) && ChinaTime.IsInRange(pf) ? pf : defaultFrom;
        var t = DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var pt) && ChinaTime.IsInRange(pt) ? pt : today;
        return t < f ? (t, f) : (f, t);
    }

    /// <summary>The certificate of a member in scope: hours in the period, issued by the home community's party committee.</summary>
    public static async Task<CertificateViewModel?> LoadAsync(AppDbContext db, UserScope scope, int memberId, string? from, string? to, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (fromDate, toDate) = Period(from, to, clock);
        var fromUtc = ChinaTime.ToUtc(fromDate.ToDateTime(TimeOnly.MinValue));
        var toUtc = ChinaTime.ToUtc(toDate.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var member = await db.PartyMembers.AsNoTracking().VisibleTo(scope).Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.Name, Employer = m.MemberUnit != null ? m.MemberUnit.Name : m.EmployerName, Issuer = m.HomeCommunity!.PartyCommitteeName, Community = m.HomeCommunity.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null) return null;
        var totals = await db.CheckIns.AsNoTracking()
            .Where(c => c.PartyMemberId == memberId && c.Minutes > 0 && c.CheckedInAtUtc >= fromUtc && c.CheckedInAtUtc < toUtc)
            .GroupBy(_ => 1).Select(g => new { Count = g.Count(), Minutes = g.Sum(c => c.Minutes!.Value) }).SingleOrDefaultAsync(cancellationToken);
        return new CertificateViewModel
        {
            MemberId = member.Id, Name = member.Name, Employer = member.Employer, Community = member.Community, Issuer = member.Issuer,
            From = fromDate, To = toDate, Activities = totals?.Count ?? 0, Minutes = totals?.Minutes ?? 0, IssuedOn = ChinaTime.Today(clock),
        };
    }
}
