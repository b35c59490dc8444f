using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TongkuangAlliance.Core.Data;
using static TongkuangAlliance.IntegrationTests.Features.Cases.CaseTestKit;

namespace TongkuangAlliance.IntegrationTests.Features.Cases;

/// <summary>Counts the SQL commands the app runs (reader, scalar and non-query).</summary>
public sealed class CommandCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.ScalarExecutedAsync(command, eventData, result, cancellationToken);
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
    }
}

/// <summary>The portal with a command counter on its database context.</summary>
public sealed class CountingPortalFactory : PortalFactory
{
    public CommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(db => db.AddInterceptors(Counter)));
    }

    /// <summary>The commands one GET of <paramref name="url"/> runs, after a first GET (first-request work is not the page's).</summary>
    public async Task<int> CommandsForAsync(PortalClient client, string url)
    {
        await client.GetDocumentAsync(url);
        Counter.Reset();
        await client.GetDocumentAsync(url);
        return Counter.Count;
    }
}

/// <summary>The case list and a case's page run the same number of queries with ten times as many cases.</summary>
public sealed class CaseQueryCountTests(CountingPortalFactory factory) : IClassFixture<CountingPortalFactory>
{
    /// <summary>
    /// Adds cases in batches of 500, each batch numbered at once and saved in one go from a fresh context (one save per
    /// case in one long-lived context made this test take 20 minutes once the demo held 500 cases).
    /// </summary>
    private async Task AddCasesAsync(int count)
    {
        for (var done = 0; done < count; done += 500)
        {
            var batch = Math.Min(500, count - done);
            var first = done;
            await factory.WithDbAsync(async db =>
            {
                var south = await db.Communities.SingleAsync(c => c.Name == "南区社区");
                var category = await db.CaseCategories.OrderBy(c => c.SortOrder).FirstAsync();
                var now = DateTime.UtcNow;
                var cases = new List<Case>();
                for (var i = first; i < first + batch; i++)
                {
                    var kase = Case.Register(new CaseDetails(CaseKind.Request, CaseSource.Phone, $"居民{i}", "13800000002", south.Id, null, null, null,
                        $"批量案件 {i}", "用于计数的案件。", now.AddHours(-2), CaseUrgency.Normal), category, now, null);
                    kase.AddParty(CasePartyKind.Resident, $"当事人{i}", null, null, CasePartyRole.Complainant, now, null);
                    cases.Add(kase);
                }
                await CaseNumbers.NumberBatchAsync(db, cases);
                db.Cases.AddRange(cases);
                await db.SaveChangesAsync();
            });
        }
    }

    [Fact]
    public async Task The_list_and_a_case_page_run_a_fixed_number_of_queries()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory));
        await DoAsync(nanqu, id, "AddParty", new() { ["kind"] = "OutsideOrganisation", ["name"] = "大茅山建设公司", ["role"] = "Respondent" });
        // The demo already holds cases; measure with what is there, then with ten times as many.
        var before = await factory.WithDbAsync(db => db.Cases.CountAsync());
        var listBefore = await factory.CommandsForAsync(nanqu, "/Cases");
        var pageBefore = await factory.CommandsForAsync(nanqu, $"/Cases/Details/{id}");

        await AddCasesAsync(9 * before);
        Assert.Equal(10 * before, await factory.WithDbAsync(db => db.Cases.CountAsync()));

        Assert.Equal(listBefore, await factory.CommandsForAsync(nanqu, "/Cases"));
        Assert.Equal(pageBefore, await factory.CommandsForAsync(nanqu, $"/Cases/Details/{id}"));
        Assert.InRange(pageBefore, 1, 20);
    }

    [Fact]
    public async Task A_case_page_runs_the_same_queries_with_ten_times_the_parties_sessions_terms_and_timeline_entries()
    {
        using var nanqu = await factory.CreatePortalClient().SignedInAsAsync(PortalClient.Users.SouthCommunity);
        var id = await RegisterAsync(nanqu, await IntakeAsync(factory, "内容很多的案件"));
        var me = await factory.WithDbAsync(db => db.Users.Where(u => u.UserName == "nanqu").Select(u => u.Id).SingleAsync());
        await DoAsync(nanqu, id, "Accept", new() { ["handlerUserId"] = me });
        await DoAsync(nanqu, id, "StartMediation");
        await GrowAsync(id, me, 1);
        var before = await factory.CommandsForAsync(nanqu, $"/Cases/Details/{id}");

        await GrowAsync(id, me, 9);
        var counts = await factory.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Parties.Count).SingleAsync(),
            await db.Set<AgreementTerm>().CountAsync(t => t.CaseId == id)));
        Assert.Equal((10, 10), counts);

        Assert.Equal(before, await factory.CommandsForAsync(nanqu, $"/Cases/Details/{id}"));
    }

    /// <summary>Adds <paramref name="times"/> × (a party, a session, a term it owes, a progress note) to the case.</summary>
    private Task GrowAsync(int id, string userId, int times) => factory.WithDbAsync(async db =>
    {
        var kase = await db.Cases.IncludeForRules().SingleAsync(c => c.Id == id);
        var now = DateTime.UtcNow;
        for (var i = 0; i < times; i++)
        {
            var party = kase.AddParty(CasePartyKind.OutsideOrganisation, $"施工单位{kase.Parties.Count}", null, null, CasePartyRole.Respondent, now, userId);
            kase.RecordSession(now.AddMinutes(-i - 1), "南区社区调解室", "南区社区党委", "各方代表", "纪要", "继续协商", now, userId);
            kase.AddTerm(party, AgreementTermKind.Other, "整改", null, DateOnly.FromDateTime(now.AddDays(30)), now, userId);
            kase.AddProgressNote($"进展 {i}", now, userId);
        }
        await db.SaveChangesAsync();
    });
}
