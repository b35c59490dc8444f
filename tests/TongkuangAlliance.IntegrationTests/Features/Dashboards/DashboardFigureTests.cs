using TongkuangAlliance.Core.Activities;
using static TongkuangAlliance.IntegrationTests.Features.Dashboards.DashboardData;

namespace TongkuangAlliance.IntegrationTests.Features.Dashboards;

/// <summary>
/// Every figure of the dashboards against the same figure computed independently from the raw records of a generated
/// data set (2023, plus the demo), for several periods and scopes; and every count's link leads to a list of exactly
/// that many rows.
/// </summary>
public sealed class DashboardFigureTests(DashboardFigureTests.Fixture fixture) : IClassFixture<DashboardFigureTests.Fixture>
{
    public sealed class Fixture : PortalFactory, IAsyncLifetime
    {
        public Task InitializeAsync() => GenerateAsync(this, cases: 240, activities: 90);

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    public static TheoryData<string, string, string> Periods => new()
    {
        { "kind=Year&year=2023", "2023-01-01", "2023-12-31" },
        { "kind=Quarter&year=2023&quarter=2", "2023-04-01", "2023-06-30" },
        { "kind=Month&year=2023&month=11", "2023-11-01", "2023-11-30" },
        { "kind=Custom&from=2023-03-15&to=2024-01-20", "2023-03-15", "2024-01-20" },
    };

    /// <summary>Issue 19: each card's comparison names last year's figure, which is the figure the same days a year earlier show.</summary>
    [Theory]
    [InlineData("kind=Year&year=2024", "kind=Custom&from=2023-01-01&to=2023-12-31")]
    [InlineData("kind=Quarter&year=2024&quarter=2", "kind=Custom&from=2023-04-01&to=2023-06-30")]
    public async Task Each_comparison_names_the_figure_of_the_same_period_last_year(string query, string lastYear)
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards?" + query);
        var before = await jiedao.GetDocumentAsync("/Dashboards?" + lastYear);
        var compared = 0;
        foreach (var card in page.QuerySelectorAll(".stat-card"))
        {
            var trend = card.QuerySelector(".stat-trend");
            if (trend is null) continue;
            var id = card.GetAttribute("data-figure")!;
            Assert.EndsWith(Figure(before, id) + "）", trend.TextContent.Trim(), StringComparison.Ordinal);
            compared++;
        }
        Assert.InRange(compared, 6, 10);
        Assert.Null(page.QuerySelector("#figure-open-cases .stat-trend"));
    }

    [Theory]
    [MemberData(nameof(Periods))]
    public async Task The_sub_district_dashboard_shows_the_figures_computed_from_the_records(string query, string from, string to)
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync($"/Dashboards?{query}");
        var expected = Compute(await LoadAsync(fixture), Date(from), Date(to), DateTime.UtcNow);
        AssertFigures(expected, page);
        Assert.True(expected.Disputes > 0 || query.Contains("Month", StringComparison.Ordinal), "the generated data resolves disputes in the period");
    }

    [Fact]
    public async Task Each_community_row_matches_the_records_of_that_community()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards?kind=Year&year=2023");
        var rows = await LoadAsync(fixture);
        var communities = await fixture.WithDbAsync(db => db.Communities.Select(c => c.Id).ToListAsync());
        Assert.Equal(communities.Count, page.QuerySelectorAll("#communities tbody tr").Length);
        foreach (var id in communities)
        {
            var expected = Compute(rows, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), DateTime.UtcNow, c => c == id);
            var row = page.QuerySelector($"#communities tr[data-id='{id}']")!;
            int Cell(string col) => int.Parse(row.QuerySelector($"[data-col={col}]")!.TextContent, CultureInfo.InvariantCulture);
            Assert.Equal(expected.ServiceDays, Cell("service-days"));
            Assert.Equal(expected.Disputes, Cell("disputes-resolved"));
            Assert.Equal(expected.Requests, Cell("requests-solved"));
            Assert.Equal(expected.Open, Cell("open-cases"));
            Assert.Equal(expected.Overdue, Cell("overdue-cases"));
        }
    }

    [Fact]
    public async Task A_community_committee_sees_only_its_own_community_with_grids_and_compounds()
    {
        var ids = await fixture.DemoIdsAsync();
        using var nanqu = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var page = await nanqu.GetDocumentAsync("/Dashboards?kind=Year&year=2023");
        var rows = await LoadAsync(fixture);
        AssertFigures(Compute(rows, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), DateTime.UtcNow, c => c == ids.SouthCommunity), page);

        var grid = page.QuerySelector($"#grids tr[data-id='{ids.SouthGrid}']")!;
        var expectedGrid = Compute(rows, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), DateTime.UtcNow, c => c == ids.SouthCommunity, c => c.GridId == ids.SouthGrid);
        Assert.Equal(expectedGrid.Disputes, int.Parse(grid.QuerySelector("[data-col=disputes-resolved]")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Equal(expectedGrid.Open, int.Parse(grid.QuerySelector("[data-col=open-cases]")!.TextContent, CultureInfo.InvariantCulture));
        Assert.Null(page.QuerySelector($"#grids tr[data-id='{ids.NorthGrid}']"));
        Assert.NotNull(page.QuerySelector($"#compounds tr[data-id='{ids.SouthCompound}']"));
        Assert.Null(page.QuerySelector($"#compounds tr[data-id='{ids.NorthCompound}']"));

        // Another community's dashboard, report or export is not found; the sub-district opens it.
        Assert.Equal(HttpStatusCode.NotFound, (await nanqu.GetAsync($"/Dashboards/Community/{ids.NorthCommunity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanqu.GetAsync($"/Dashboards/Report?communityId={ids.NorthCommunity}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nanqu.GetAsync($"/Dashboards/Export?communityId={ids.NorthCommunity}")).StatusCode);
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var north = await jiedao.GetDocumentAsync($"/Dashboards/Community/{ids.NorthCommunity}?kind=Year&year=2023");
        AssertFigures(Compute(rows, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), DateTime.UtcNow, c => c == ids.NorthCommunity), north);
    }

    [Theory]
    [InlineData(PortalClient.Users.SubDistrict, "/Dashboards?kind=Year&year=2023")]
    [InlineData(PortalClient.Users.SouthCommunity, "/Dashboards?kind=Quarter&year=2023&quarter=3")]
    public async Task Every_count_links_to_a_list_of_exactly_that_many_rows(string user, string url)
    {
        using var client = await fixture.CreatePortalClient().SignedInAsAsync(user);
        var page = await client.GetDocumentAsync(url);
        var checkedLinks = 0;
        foreach (var id in new[] { "service-days", "disputes-resolved", "requests-solved", "open-cases", "overdue-cases" })
        {
            var link = page.QuerySelector($"#figure-{id} a.figure-value")!;
            var list = await client.GetDocumentAsync(link.GetAttribute("href")!);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), ListCount(list));
            checkedLinks++;
        }
        foreach (var id in new[] { "resolution-rate", "satisfaction-rate", "not-escalated" })
            foreach (var part in new[] { "figure-part", "figure-whole" })
            {
                var link = page.QuerySelector($"#figure-{id} a.{part}")!;
                var list = await client.GetDocumentAsync(link.GetAttribute("href")!);
                Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), ListCount(list));
                checkedLinks++;
            }
        // The community table's and the units' counts too.
        foreach (var link in page.QuerySelectorAll("#communities a[data-col], #grids a[data-col], #compounds a[data-col], #units a[data-col]").Take(40))
        {
            var list = await client.GetDocumentAsync(link.GetAttribute("href")!);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), ListCount(list));
            checkedLinks++;
        }
        Assert.True(checkedLinks > 20);
    }

    /// <summary>
    /// Issue 19: a unit took part in an activity only when it confirmed and the activity was held — invited units
    /// that never confirmed, and planned or cancelled activities, do not count; each unit's number opens exactly those.
    /// </summary>
    [Fact]
    public async Task A_unit_s_activities_count_only_those_it_confirmed_that_were_held()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var page = await jiedao.GetDocumentAsync("/Dashboards?kind=Year&year=2023");
        var activities = (await LoadAsync(fixture)).Activities.Where(a => ChinaDate(a.StartUtc).Year == 2023).ToList();
        var links = page.QuerySelectorAll("#units tr[data-unit]");
        Assert.NotEmpty(links);
        var invitedOnly = 0;
        foreach (var row in links)
        {
            var unitId = int.Parse(row.GetAttribute("data-unit")!, CultureInfo.InvariantCulture);
            var expected = activities.Count(a => a.Status == ActivityStatus.Held && a.Units.Any(u => u.MemberUnitId == unitId && u.IsInvited && u.ConfirmedAtUtc != null));
            invitedOnly += activities.Count(a => a.Units.Any(u => u.MemberUnitId == unitId && u.IsInvited && (u.ConfirmedAtUtc == null || a.Status != ActivityStatus.Held)));
            var link = row.QuerySelector("a[data-col=activities-joined]")!;
            Assert.Equal(expected, int.Parse(link.TextContent, CultureInfo.InvariantCulture));
            Assert.Equal(expected, ListCount(await jiedao.GetDocumentAsync(link.GetAttribute("href")!)));
        }
        Assert.True(invitedOnly > 0, "the generated data invites units that never confirmed, or to activities not held");
    }

    public static TheoryData<string, string> EveryDashboardAndPeriod()
    {
        var data = new TheoryData<string, string>();
        foreach (var dashboard in new[] { "sub-district", "community", "own-community", "unit", "own-unit" })
            foreach (var period in new[] { "kind=Year&year=2023", "kind=Quarter&year=2023&quarter=2", "kind=Month&year=2023&month=11", "kind=Custom&from=2023-03-15&to=2024-01-20" })
                data.Add(dashboard, period);
        return data;
    }

    /// <summary>
    /// Issue 19: EVERY linked number of the sub-district's, a community's and a unit's dashboard (as the sub-district
    /// and as their own users), for each kind of period, opens a list of exactly that many rows; a sum opens the rows
    /// it adds up (the volunteers' ledger: its rows and their hours). The visits are a sum over the service days the
    /// link opens, whose list shows no sum: that link is followed and checked to be the service days' list.
    /// </summary>
    [Theory]
    [MemberData(nameof(EveryDashboardAndPeriod))]
    public async Task Every_linked_number_on_every_dashboard_opens_a_list_of_exactly_that_many(string dashboard, string period)
    {
        var ids = await fixture.DemoIdsAsync();
        var (user, url) = dashboard switch
        {
            "sub-district" => (PortalClient.Users.SubDistrict, "/Dashboards"),
            "community" => (PortalClient.Users.SubDistrict, $"/Dashboards/Community/{ids.SouthCommunity}"),
            "own-community" => (PortalClient.Users.SouthCommunity, "/Dashboards"),
            "unit" => (PortalClient.Users.SubDistrict, $"/Dashboards/Unit/{ids.EngineeringUnit}"),
            _ => (PortalClient.Users.EngineeringUnit, "/Dashboards/Unit"),
        };
        using var client = await fixture.CreatePortalClient().SignedInAsAsync(user);
        var page = await client.GetDocumentAsync($"{url}?{period}");
        var links = page.QuerySelectorAll(".stat-card a[href], table a[href]").ToList();
        var followed = 0;
        foreach (var link in links)
        {
            var text = link.TextContent.Trim();
            if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number)) continue; // a name: another dashboard
            var href = link.GetAttribute("href")!;
            var figure = link.Closest(".stat-card")?.GetAttribute("data-figure") ?? link.GetAttribute("data-col");
            var list = await client.GetDocumentAsync(href);
            followed++;
            if (href.StartsWith("/Volunteers/Ledger", StringComparison.Ordinal))
            {
                var rows = list.QuerySelectorAll("table.ledger tbody tr");
                var expected = figure == "volunteer-hours"
                    ? rows.Sum(r => decimal.Parse(r.QuerySelectorAll("td")[2].TextContent, CultureInfo.InvariantCulture))
                    : rows.Length;
                Assert.True(number == expected, $"{figure} {number} ≠ {expected} rows at {href}");
                continue;
            }
            if (figure == "resident-visits")
            {
                Assert.Equal(ListCount(list), int.Parse(Figure(page, "service-days"), CultureInfo.InvariantCulture));
                continue;
            }
            if (figure == "average-days") continue; // an average: its link opens the cases it averages, checked as the resolved counts
            Assert.True(number == ListCount(list), $"{figure} {number} ≠ {ListCount(list)} at {href}");
        }
        Assert.True(followed >= (dashboard.Contains("unit", StringComparison.Ordinal) ? 4 : 12), $"{followed} links followed");
    }

    /// <summary>Issue 19: each unit's 未完成督办事项 opens its unfinished action items only (it listed the completed ones and the projects too).</summary>
    [Fact]
    public async Task Each_unit_s_open_action_items_link_to_exactly_those_items()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var page = await jiedao.GetDocumentAsync($"/Dashboards?kind=Year&year={year}");
        var links = page.QuerySelectorAll("#units a[data-col=action-items]");
        Assert.Equal(page.QuerySelectorAll("#units tbody tr").Length, links.Length);
        foreach (var link in links)
        {
            var list = await jiedao.GetDocumentAsync(link.GetAttribute("href")!);
            Assert.Equal(int.Parse(link.TextContent, CultureInfo.InvariantCulture), ListCount(list));
            Assert.Equal(ListCount(list), list.QuerySelectorAll(".work-table tbody tr").Length);
        }
        Assert.Contains(links, l => l.TextContent != "0");

        using var unit = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var own = await unit.GetDocumentAsync($"/Dashboards/Unit?kind=Year&year={year}");
        var ownLink = own.QuerySelector("#figure-action-items a.figure-value")!;
        Assert.Equal(int.Parse(ownLink.TextContent, CultureInfo.InvariantCulture), ListCount(await unit.GetDocumentAsync(ownLink.GetAttribute("href")!)));
    }

    [Fact]
    public async Task Volunteer_hours_and_active_volunteers_come_from_the_completed_check_ins()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var page = await jiedao.GetDocumentAsync($"/Dashboards?kind=Year&year={year}");
        var checkIns = await fixture.WithDbAsync(db => db.CheckIns.AsNoTracking().ToListAsync());
        var inYear = checkIns.Where(c => c.Minutes != null && ChinaDate(c.CheckedInAtUtc).Year == year).ToList();
        Assert.NotEmpty(inYear);
        var perVolunteer = inYear.GroupBy(c => c.PartyMemberId).Select(g => Math.Round(g.Sum(c => c.Minutes!.Value) / 60m, 1));
        Assert.Equal(perVolunteer.Sum().ToString("0.0", CultureInfo.InvariantCulture), Figure(page, "volunteer-hours"));
        Assert.Equal(inYear.Select(c => c.PartyMemberId).Distinct().Count().ToString(CultureInfo.InvariantCulture), Figure(page, "active-volunteers"));
    }

    [Fact]
    public async Task A_community_dashboard_s_volunteer_figures_link_to_that_community_s_ledger()
    {
        var ids = await fixture.DemoIdsAsync();
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var page = await jiedao.GetDocumentAsync($"/Dashboards/Community/{ids.SouthCommunity}?kind=Year&year={year}");
        var active = int.Parse(Figure(page, "active-volunteers"), CultureInfo.InvariantCulture);
        Assert.InRange(active, 1, 20); // one page of the ledger

        var ledger = await jiedao.GetDocumentAsync(page.QuerySelector("#figure-active-volunteers a.figure-value")!.GetAttribute("href")!);
        var rows = ledger.QuerySelectorAll("table.ledger tbody tr");
        Assert.Equal(active, rows.Length);
        var hours = rows.Sum(r => decimal.Parse(r.QuerySelectorAll("td")[2].TextContent, CultureInfo.InvariantCulture));
        // Issue 19: rounded once, per row, and the figure is the sum of the rows it links to, to the last 0.1 h.
        Assert.Equal(decimal.Parse(Figure(page, "volunteer-hours"), CultureInfo.InvariantCulture), hours);
        Assert.Contains("南区社区", ledger.QuerySelector(".ledger-community")!.TextContent, StringComparison.Ordinal);

        // Another community's ledger is not found by a community committee.
        using var beiqu = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.NorthCommunity);
        Assert.Equal(HttpStatusCode.NotFound, (await beiqu.GetAsync($"/Volunteers/Ledger?communityId={ids.SouthCommunity}")).StatusCode);
    }

    [Fact]
    public async Task A_case_registered_a_moment_ago_is_counted_at_once_although_the_figures_are_reused_until_something_changes()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        using var nanqu = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var url = $"/Dashboards?kind=Year&year={year}";
        var open = int.Parse(Figure(await jiedao.GetDocumentAsync(url), "open-cases"), CultureInfo.InvariantCulture);
        Assert.Equal(open, int.Parse(Figure(await jiedao.GetDocumentAsync(url), "open-cases"), CultureInfo.InvariantCulture));

        await Cases.CaseTestKit.RegisterAsync(nanqu, await Cases.CaseTestKit.IntakeAsync(fixture, "看板缓存测试案件"));

        Assert.Equal(open + 1, int.Parse(Figure(await jiedao.GetDocumentAsync(url), "open-cases"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_period_that_makes_no_sense_falls_back_to_this_year_with_a_message()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        foreach (var url in new[] { "/Dashboards?kind=Custom&from=2024-05-01&to=2023-01-01", "/Dashboards?kind=Month&year=2023&month=13", "/Dashboards?kind=Nonsense", "/Dashboards?year=99999" })
        {
            using var response = await jiedao.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await PortalClient.ParseAsync(await response.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector("#period-invalid"));
        }
        var plain = await jiedao.GetDocumentAsync("/Dashboards");
        Assert.Null(plain.QuerySelector("#period-invalid"));
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        Assert.Contains(year.ToString(CultureInfo.InvariantCulture), plain.QuerySelector("#period-text")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_and_the_excel_file_carry_the_same_numbers()
    {
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        var dashboard = await jiedao.GetDocumentAsync("/Dashboards?kind=Year&year=2023");
        var report = await jiedao.GetDocumentAsync("/Dashboards/Report?kind=Year&year=2023");
        foreach (var id in new[] { "service-days", "resident-visits", "disputes-resolved", "requests-solved", "resolution-rate", "average-days", "satisfaction-rate", "not-escalated" })
            Assert.Equal(Figure(dashboard, id), report.QuerySelector($"#report-figures tr[data-figure={id}] .figure-value")!.TextContent.Trim());
        Assert.Null(report.QuerySelector("nav"));

        using var response = await jiedao.GetAsync("/Dashboards/Export?kind=Year&year=2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        memory.Position = 0;
        // Issue 19: sheets named in Chinese; a title row with the period, then the header row; numbers are numeric cells.
        Assert.Equal(["概览", "各社区", "各单位", "月度趋势"], MiniExcelLibs.MiniExcel.GetSheetNames(memory));
        List<IDictionary<string, object?>> Read(string sheet) =>
            [.. MiniExcelLibs.MiniExcel.Query(memory, useHeaderRow: false, sheetName: sheet).Cast<IDictionary<string, object?>>()];
        var overview = Read("概览");
        var overviewFormats = NumberFormats(memory, 1);
        Assert.Contains("2023 年", Convert.ToString(overview[0]["A"], CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Equal("指标", overview[1]["A"]);
        var line = 3;
        foreach (var (row, card) in overview.Skip(2).Zip(dashboard.QuerySelectorAll(".stat-card")))
        {
            Assert.EndsWith((string)row["A"]!, card.QuerySelector(".stat-label")!.TextContent.Trim(), StringComparison.Ordinal);
            AssertCell(Figure(dashboard, card.GetAttribute("data-figure")!), row["B"], overviewFormats, $"B{line++}");
        }
        Assert.Contains(overviewFormats.Values, f => f == "0.0%");
        Assert.Contains(overviewFormats.Values, f => f == "0.0");
        Assert.Equal(12, overview.Count - 2);

        // Every column the page's community table shows, satisfaction and 矛盾不上交 included, equal to the page.
        var communities = Read("各社区");
        var headers = communities[1].Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("回访满意率（%）", headers);
        Assert.Contains("矛盾不上交（%）", headers);
        var pageRows = dashboard.QuerySelectorAll("#communities tbody tr").ToList();
        var communityFormats = NumberFormats(memory, 2);
        var excelRow = 3;
        Assert.Equal(pageRows.Count, communities.Count - 2);
        foreach (var (row, tr) in communities.Skip(2).Zip(pageRows))
        {
            var cells = tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
            var values = row.Values.Skip(1).ToList();
            Assert.Equal(tr.QuerySelector("th")!.TextContent.Trim(), row["A"]);
            for (var i = 0; i < cells.Count; i++)
                AssertCell(cells[i].Replace("（并列）", "", StringComparison.Ordinal), values[i], communityFormats, $"{(char)('B' + i)}{excelRow}");
            excelRow++;
        }
        Assert.Contains(communityFormats.Values, f => f == "0.0%");
        // The title and header rows are frozen on every sheet.
        using (var zip = new System.IO.Compression.ZipArchive(memory, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true))
            foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(entry.Open());
                Assert.Contains("ySplit=\"2\"", await reader.ReadToEndAsync(), StringComparison.Ordinal);
            }
        Assert.IsType<double>(Read("月度趋势")[2]["B"]);
        Assert.IsType<double>(Read("各单位")[2]["B"]);
        // The units' hours with one decimal, their on-time rate a percentage.
        var unitFormats = NumberFormats(memory, 3);
        var unitRows = Read("各单位");
        for (var i = 2; i < unitRows.Count; i++)
        {
            Assert.Equal("0.0", unitFormats[$"D{i + 1}"]);
            if (unitRows[i]["G"] is not null) Assert.Equal("0.0%", unitFormats[$"G{i + 1}"]);
        }
    }

    /// <summary>
    /// Issue 19: a unit has its own report and Excel file (it got 403), with its figures only — the same as its
    /// dashboard shows — and another unit's report or file is not found.
    /// </summary>
    [Fact]
    public async Task A_unit_s_own_report_and_excel_file_carry_its_dashboard_s_numbers_and_no_one_else_s()
    {
        var ids = await fixture.DemoIdsAsync();
        using var unit = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.EngineeringUnit);
        var dashboard = await unit.GetDocumentAsync("/Dashboards/Unit?kind=Year&year=2023");
        var report = await unit.GetDocumentAsync(dashboard.QuerySelector("#report-link")!.GetAttribute("href")!);
        foreach (var id in new[] { "activities-joined", "volunteers", "volunteer-hours", "terms-on-time", "terms-pending", "action-items" })
            Assert.Equal(Figure(dashboard, id), report.QuerySelector($"#report-figures tr[data-figure={id}] .figure-value")!.TextContent.Trim());
        Assert.Null(report.QuerySelector("#communities, #units, nav"));
        Assert.DoesNotContain("铜矿中学", report.Body!.TextContent, StringComparison.Ordinal);

        using var response = await unit.GetAsync(dashboard.QuerySelector("#export-link")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var memory = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(["概览"], MiniExcelLibs.MiniExcel.GetSheetNames(memory));
        var rows = MiniExcelLibs.MiniExcel.Query(memory, useHeaderRow: false, sheetName: "概览").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(DemoCatalog.MineEngineering, Convert.ToString(rows[0]["A"], CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var figures = report.QuerySelectorAll("#report-figures tr").ToList();
        Assert.Equal(figures.Count, rows.Count - 2);
        var formats = NumberFormats(memory, 1);
        var line = 3;
        foreach (var (row, tr) in rows.Skip(2).Zip(figures))
        {
            Assert.Equal(tr.QuerySelector("th")!.TextContent.Trim(), row["A"]);
            AssertCell(tr.QuerySelector(".figure-value")!.TextContent.Trim(), row["B"], formats, $"B{line++}");
        }
        Assert.Equal("0.0", formats["B5"]);

        // Another unit's report or file is not found; a unit's own needs no id; the sub-district opens any unit's.
        foreach (var url in new[] { $"/Dashboards/UnitReport/{ids.MiddleSchoolUnit}", $"/Dashboards/UnitExport/{ids.MiddleSchoolUnit}" })
            Assert.Equal(HttpStatusCode.NotFound, (await unit.GetAsync(url)).StatusCode);
        using var school = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.MiddleSchoolUnit);
        foreach (var url in new[] { $"/Dashboards/UnitReport/{ids.EngineeringUnit}", $"/Dashboards/UnitExport/{ids.EngineeringUnit}" })
            Assert.Equal(HttpStatusCode.NotFound, (await school.GetAsync(url)).StatusCode);
        using var jiedao = await fixture.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SubDistrict);
        Assert.Equal(HttpStatusCode.OK, (await jiedao.GetAsync($"/Dashboards/UnitReport/{ids.MiddleSchoolUnit}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await jiedao.GetAsync("/Dashboards/UnitReport")).StatusCode);
    }

    /// <summary>
    /// Issue 19: a cell holds the number the page shows — a percentage as its fraction in a 0.0% format, a number
    /// shown with a decimal (hours, days) in a 0.0 format, a count as it is — and "—" is an empty cell.
    /// </summary>
    private static void AssertCell(string shown, object? value, Dictionary<string, string> formats, string cell)
    {
        if (shown == "—") { Assert.Null(value); return; }
        var number = (decimal)Assert.IsType<double>(value);
        if (shown.EndsWith('%'))
        {
            Assert.Equal(decimal.Parse(shown.TrimEnd('%'), CultureInfo.InvariantCulture) / 100, Math.Round(number, 3));
            Assert.Equal("0.0%", formats[cell]);
        }
        else
        {
            Assert.Equal(decimal.Parse(shown, CultureInfo.InvariantCulture), number);
            Assert.Equal(shown.Contains('.', StringComparison.Ordinal) ? "0.0" : "General", formats[cell]);
        }
    }

    /// <summary>Each cell's number format in sheet <paramref name="sheet"/> (1-based), from the workbook's styles.</summary>
    private static Dictionary<string, string> NumberFormats(MemoryStream xlsx, int sheet)
    {
        System.Xml.Linq.XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new System.IO.Compression.ZipArchive(xlsx, System.IO.Compression.ZipArchiveMode.Read, leaveOpen: true);
        System.Xml.Linq.XDocument Load(string name)
        {
            using var stream = zip.GetEntry(name)!.Open();
            return System.Xml.Linq.XDocument.Load(stream);
        }
        var styles = Load("xl/styles.xml").Root!;
        var codes = styles.Element(ns + "numFmts")?.Elements(ns + "numFmt").ToDictionary(e => (int)e.Attribute("numFmtId")!, e => (string)e.Attribute("formatCode")!) ?? [];
        var xfs = styles.Element(ns + "cellXfs")!.Elements(ns + "xf").Select(e => (int?)e.Attribute("numFmtId") ?? 0).ToList();
        return Load($"xl/worksheets/sheet{sheet}.xml").Descendants(ns + "c").Where(c => c.Attribute("r") is not null).ToDictionary(c => (string)c.Attribute("r")!,
            c => c.Attribute("s") is { } s && codes.TryGetValue(xfs[(int)s], out var code) ? code : "General");
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void AssertFigures(Expected e, AngleSharp.Html.Dom.IHtmlDocument page)
    {
        Assert.Equal(e.ServiceDays.ToString(CultureInfo.InvariantCulture), Figure(page, "service-days"));
        Assert.Equal(e.Visits.ToString(CultureInfo.InvariantCulture), Figure(page, "resident-visits"));
        Assert.Equal(e.Disputes.ToString(CultureInfo.InvariantCulture), Figure(page, "disputes-resolved"));
        Assert.Equal(e.Requests.ToString(CultureInfo.InvariantCulture), Figure(page, "requests-solved"));
        Assert.Equal(e.Open.ToString(CultureInfo.InvariantCulture), Figure(page, "open-cases"));
        Assert.Equal(e.Overdue.ToString(CultureInfo.InvariantCulture), Figure(page, "overdue-cases"));
        Assert.Equal(e.AverageDays, Figure(page, "average-days"));
        Assert.Equal((e.RegisteredResolved, e.Registered), (Part(page, "resolution-rate"), Whole(page, "resolution-rate")));
        Assert.Equal((e.Satisfied, e.FollowedUp), (Part(page, "satisfaction-rate"), Whole(page, "satisfaction-rate")));
        Assert.Equal((e.DisputesNotEscalated, e.Disputes), (Part(page, "not-escalated"), Whole(page, "not-escalated")));
        Assert.Equal(Percent(e.RegisteredResolved, e.Registered), Figure(page, "resolution-rate"));
        Assert.Equal(Percent(e.Satisfied, e.FollowedUp), Figure(page, "satisfaction-rate"));
        Assert.Equal(Percent(e.DisputesNotEscalated, e.Disputes), Figure(page, "not-escalated"));
    }

    private static string Percent(int part, int whole) =>
        whole == 0 ? "—" : (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
