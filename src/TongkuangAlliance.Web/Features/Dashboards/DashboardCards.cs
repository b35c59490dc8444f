using TongkuangAlliance.Core.Dashboards;

namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>
/// The headline figures as stat cards (issue 19): each with its list, and where the period allows, its change against
/// the same period last year (▲/▼, green when better, red when worse; the figures "as of now" have none).
/// </summary>
internal sealed class DashboardCards(IStringLocalizer<SharedResource> l)
{
    /// <summary>The same days one year earlier; a period that runs past today stops at today (去年同期, not the whole year).</summary>
    public static ReportPeriod? LastYear(ReportPeriod period, DateOnly today)
    {
        if (period.From.Year < 2) return null;
        var to = period.To > today && period.From <= today ? today : period.To;
        return new ReportPeriod(PeriodKind.Custom, period.From.AddYears(-1), to.AddYears(-1));
    }

    public List<FigureCard> Build(Tally t, Tally? last, ReportPeriod? lastPeriod, DashboardLinks k)
    {
        var title = lastPeriod is null ? "" : l["Dashboard.LastYearPeriod", lastPeriod.FromText, lastPeriod.ToText].Value;
        StatComparison? Count(Func<Tally, double?> value, bool higherIsBetter = true, string format = "0") =>
            last is null ? null : Versus(value(t), value(last), higherIsBetter, format, points: false, title);
        StatComparison? Rate(Func<Tally, double?> value) =>
            last is null ? null : Versus(value(t), value(last), higherIsBetter: true, "0.0", points: true, title);

        return
        [
            new("service-days", l["Dashboard.ServiceDays"], Text(t.ServiceDays), k.ServiceDays()) { Versus = Count(x => x.ServiceDays) },
            new("resident-visits", l["Dashboard.ResidentVisits"], Text(t.ResidentVisits), k.ServiceDays(), l["Dashboard.ResidentVisitsHint"]) { Versus = Count(x => x.ResidentVisits) },
            new("disputes-resolved", l["Dashboard.DisputesResolved"], Text(t.DisputesResolved), k.Resolved(CaseKind.Dispute)) { Versus = Count(x => x.DisputesResolved) },
            new("requests-solved", l["Dashboard.RequestsSolved"], Text(t.RequestsSolved), k.Resolved(CaseKind.Request)) { Versus = Count(x => x.RequestsSolved) },
            new("volunteer-hours", l["Dashboard.VolunteerHours"], t.VolunteerHours.ToString("0.0", CultureInfo.InvariantCulture), k.Ledger(), l["Dashboard.VolunteerHoursHint"])
                { Versus = Count(x => (double)x.VolunteerHours, format: "0.0") },
            new("active-volunteers", l["Dashboard.ActiveVolunteers"], Text(t.ActiveVolunteers), k.Ledger(), l["Dashboard.ActiveVolunteersHint"]) { Versus = Count(x => x.ActiveVolunteers) },
            new("open-cases", l["Dashboard.OpenCases"], Text(t.Open), k.Cases(("open", "true")), l["Dashboard.NowHint"]),
            new("overdue-cases", l["Dashboard.OverdueCases"], Text(t.Overdue), k.Cases(("overdue", "true")), l["Dashboard.OverdueHint"])
                { Tone = t.Overdue > 0 ? StatTone.Bad : StatTone.Neutral },
            new("resolution-rate", l["Dashboard.ResolutionRate"], DashboardsController.Percent(t.ResolutionRate), null, l["Dashboard.ResolutionRateHint"],
                t.RegisteredResolved, k.Registered(("resolved", "true")), t.Registered, k.Registered()) { Versus = Rate(x => x.ResolutionRate) },
            new("average-days", l["Dashboard.AverageDays"], t.AverageDaysToResolve is { } days ? days.ToString("0.0", CultureInfo.InvariantCulture) : "—",
                k.Resolved(null), l["Dashboard.AverageDaysHint"]) { Versus = Count(x => x.AverageDaysToResolve, higherIsBetter: false, format: "0.0") },
            new("satisfaction-rate", l["Dashboard.SatisfactionRate"], DashboardsController.Percent(t.SatisfactionRate), null, l["Dashboard.SatisfactionHint"],
                t.Satisfied, k.FollowedUp(satisfied: true), t.FollowedUp, k.FollowedUp(satisfied: false)) { Versus = Rate(x => x.SatisfactionRate) },
            new("not-escalated", l["Dashboard.NotEscalated"], DashboardsController.Percent(t.NotEscalatedShare), null, l["Dashboard.NotEscalatedHint"],
                t.DisputesNotEscalated, k.Resolved(CaseKind.Dispute, ("neverEscalated", "true")), t.DisputesResolved, k.Resolved(CaseKind.Dispute))
                { Versus = Rate(x => x.NotEscalatedShare) },
        ];
    }

    /// <summary>"较去年同期 ▲12（去年 56）": the sign and the words carry the meaning, the colour only repeats it.</summary>
    private StatComparison? Versus(double? now, double? before, bool higherIsBetter, string format, bool points, string title)
    {
        if (now is not { } n || before is not { } b) return null;
        var scale = points ? 100 : 1;
        var diff = Math.Round((n - b) * scale, format == "0" ? 0 : 1);
        var lastText = points ? DashboardsController.Percent(b) : b.ToString(format, CultureInfo.InvariantCulture);
        if (diff == 0) return new(l["Dashboard.VersusSame", lastText], title, StatTone.Neutral);
        var amount = Math.Abs(diff).ToString(format, CultureInfo.InvariantCulture);
        var change = (diff > 0 ? "▲" : "▼") + (points ? l["Dashboard.PercentagePoints", amount].Value : amount);
        return new(l["Dashboard.VersusLastYear", change, lastText], title, diff > 0 == higherIsBetter ? StatTone.Good : StatTone.Bad);
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
