using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Core.Notifications;
using TongkuangAlliance.Web.Features.Dashboards;
using TongkuangAlliance.Web.Infrastructure.Scheduling;

namespace TongkuangAlliance.Web.Features.Notifications;

/// <summary>One figure of a digest: its name (resource Digest.Figure.{Name}), value, the list it counts, and whether it is "as of when written".</summary>
public sealed record DigestRow(string Name, string Value, string Url, bool AsOfNow);

public sealed record DigestPage(NotificationDigest Digest, IReadOnlyList<DigestRow> Rows)
{
    /// <summary>
    /// The digest's stored figures with the list each one counts, for the digest's period: the weekly digest's by the
    /// sub-district dashboard's links (<see cref="DashboardLinks"/>), a unit's month by the unit's own lists.
    /// </summary>
    public static DigestPage Build(NotificationDigest digest, IUrlHelper url)
    {
        var figures = digest.ReadFigures();
        var period = new ReportPeriod(PeriodKind.Custom, digest.From, digest.To);
        var k = new DashboardLinks(url, period, null);
        var from = period.FromText;
        var to = period.ToText;
        var unit = digest.MemberUnitId?.ToString(CultureInfo.InvariantCulture);
        var links = digest.Kind == DigestKind.Weekly
            ? new (string Name, string Url, bool Now)[]
            {
                (DigestFigures.NewCases, k.Registered(), false),
                (DigestFigures.OverdueCases, k.Cases(("overdue", "true")), true),
                (DigestFigures.EscalatedOpen, k.Cases(("escalated", "true"), ("open", "true")), true),
                (DigestFigures.OverdueTerms, url.Action("Index", "Terms", new { status = "overdue" })!, true),
                (DigestFigures.OverdueWork, url.Action("Index", "Supervision", new { overdue = true })!, true),
                (DigestFigures.ServiceDays, k.ServiceDays(), false),
                (DigestFigures.VolunteerHours, k.Ledger(), false),
            }
            :
            [
                (DigestFigures.TermsPending, url.Action("Index", "Terms", new { unitId = unit, status = "pending" })!, true),
                (DigestFigures.ActionItemsOpen, url.Action("Index", "Supervision", new { owner = "u:" + unit })!, true),
                (DigestFigures.TermsFulfilled, url.Action("Index", "Terms", new { unitId = unit, status = "fulfilled", fulfilledFrom = from, fulfilledTo = to })!, false),
                (DigestFigures.ActivitiesJoined, k.ServiceDays(kind: null), false),
                (DigestFigures.VolunteerHours, k.Ledger(), false),
            ];
        var rows = links.Select(x => new DigestRow(x.Name, Text(figures.GetValueOrDefault(x.Name), x.Name), x.Url, x.Now)).ToList();
        return new DigestPage(digest, rows);
    }

    private static string Text(decimal value, string name) =>
        name == DigestFigures.VolunteerHours ? value.ToString("0.0", CultureInfo.InvariantCulture) : value.ToString("0", CultureInfo.InvariantCulture);
}
