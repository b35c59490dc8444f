namespace TongkuangAlliance.Web.Features.Dashboards;

/// <summary>The period's report as workbook sheets: the figures, the communities (or grids and compounds), the months and the units.</summary>
internal sealed class DashboardWorkbook(IStringLocalizer<SharedResource> l)
{
    public Dictionary<string, object> Sheets(DashboardViewModel model) => new()
    {
        [l["Dashboard.SheetFigures"].Value] = model.Cards.Select(c => new Dictionary<string, object?>
        {
            [l["Dashboard.Figure"].Value] = c.Label,
            [l["Dashboard.Value"].Value] = c.Value,
            [l["Dashboard.Part"].Value] = c.Part,
            [l["Dashboard.Whole"].Value] = c.Whole,
        }).Prepend(new Dictionary<string, object?>
        {
            [l["Dashboard.Figure"].Value] = l["Dashboard.Period"].Value,
            [l["Dashboard.Value"].Value] = model.PeriodText,
            [l["Dashboard.Part"].Value] = null,
            [l["Dashboard.Whole"].Value] = null,
        }).ToList(),
        [l["Dashboard.SheetSlices"].Value] = SliceSheet(model.CommunityId is null ? model.Communities : [.. model.Grids, .. model.Compounds]),
        [l["Dashboard.SheetMonths"].Value] = model.Months.Select(m => new Dictionary<string, object?>
        {
            [l["Dashboard.Month"].Value] = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [l["Dashboard.ServiceDays"].Value] = m.Tally.ServiceDays,
            [l["Dashboard.ResidentVisits"].Value] = m.Tally.ResidentVisits,
            [l["Dashboard.DisputesResolved"].Value] = m.Tally.DisputesResolved,
            [l["Dashboard.RequestsSolved"].Value] = m.Tally.RequestsSolved,
        }).ToList(),
        [l["Dashboard.SheetUnits"].Value] = model.Units.Select(u => new Dictionary<string, object?>
        {
            [l["Dashboard.Unit"].Value] = u.Unit.UnitName,
            [l["Dashboard.ActivitiesJoined"].Value] = u.Unit.ActivitiesJoined,
            [l["Dashboard.TermsFulfilled"].Value] = u.Unit.TermsFulfilled,
            [l["Dashboard.TermsOnTime"].Value] = u.Unit.TermsFulfilledOnTime,
            [l["Dashboard.TermsPending"].Value] = u.Unit.TermsPending,
            [l["Dashboard.Volunteers"].Value] = u.Unit.Volunteers,
            [l["Dashboard.VolunteerHours"].Value] = u.Unit.VolunteerHours,
        }).ToList(),
    };

    private List<Dictionary<string, object?>> SliceSheet(IEnumerable<SliceRow> rows) => [.. rows.Select(r => new Dictionary<string, object?>
    {
        [l["Dashboard.Name"].Value] = r.Name,
        [l["Dashboard.ServiceDays"].Value] = r.Tally.ServiceDays,
        [l["Dashboard.ResidentVisits"].Value] = r.Tally.ResidentVisits,
        [l["Dashboard.DisputesResolved"].Value] = r.Tally.DisputesResolved,
        [l["Dashboard.RequestsSolved"].Value] = r.Tally.RequestsSolved,
        [l["Dashboard.OpenCases"].Value] = r.Tally.Open,
        [l["Dashboard.OverdueCases"].Value] = r.Tally.Overdue,
        [l["Dashboard.ResolutionRate"].Value] = DashboardsController.Percent(r.Tally.ResolutionRate),
        [l["Dashboard.Rank"].Value] = r.Rank,
    })];
}
