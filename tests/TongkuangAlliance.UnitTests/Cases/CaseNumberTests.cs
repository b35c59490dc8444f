using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>一案一码: readable, unique, per year in China time, never shared by two intakes at once.</summary>
public sealed class CaseNumberTests : IDisposable
{
    private readonly CaseTestData _data = new();

    [Fact]
    public void Numbers_read_as_the_year_and_a_four_digit_sequence()
    {
        Assert.Equal("JF2026-0001", CaseNumbers.Format(2026, 1));
        Assert.Equal("JF2027-0123", CaseNumbers.Format(2027, 123));
        Assert.Equal("JF2027-12345", CaseNumbers.Format(2027, 12345));
    }

    [Fact]
    public void The_year_is_the_year_in_China()
    {
        Assert.Equal(2026, CaseNumbers.YearOf(Utc(2026, 12, 31, 15, 59)));
        Assert.Equal(2027, CaseNumbers.YearOf(Utc(2026, 12, 31, 16, 0)));
    }

    [Fact]
    public async Task Cases_are_numbered_one_after_another_and_each_year_starts_again()
    {
        var ids = new List<int>
        {
            await _data.RegisterAsync(RegisteredAt),
            await _data.RegisterAsync(RegisteredAt.AddHours(1)),
            await _data.RegisterAsync(Utc(2026, 12, 31, 15, 59)),
            await _data.RegisterAsync(Utc(2026, 12, 31, 16, 30)), // 1 Jan 2027 00:30 in China
            await _data.RegisterAsync(Utc(2027, 1, 2, 1, 0)),
        };

        using var db = _data.CreateContext();
        var numbers = ids.Select(id => db.Cases.Single(c => c.Id == id).Number).ToList();
        Assert.Equal(["JF2026-0001", "JF2026-0002", "JF2026-0003", "JF2027-0001", "JF2027-0002"], numbers);
        Assert.Equal([(2026, 4), (2027, 3)], db.CaseNumberSequences.OrderBy(s => s.Year).Select(s => new ValueTuple<int, int>(s.Year, s.Next)).ToList());
        Assert.Equal("JF2026-0002", db.Cases.Single(c => c.Number == "JF2026-0002").Number);
    }

    [Fact]
    public async Task A_case_is_never_stored_without_its_number()
    {
        using var db = _data.CreateContext();
        var kase = Case.Register(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, null);
        db.Cases.Add(kase);
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Two_cases_cannot_share_a_number()
    {
        await _data.RegisterAsync();
        using var db = _data.CreateContext();
        db.Database.ExecuteSql($"UPDATE CaseNumberSequences SET Next = 1"); // set back, as a broken restore might do
        var kase = Case.Register(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, null);
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => CaseNumbers.SaveNewCaseAsync(db, kase));
        Assert.IsNotType<DbUpdateConcurrencyException>(error);
        using var check = _data.CreateContext();
        Assert.Equal(["JF2026-0001"], check.Cases.Select(c => c.Number).ToList());
    }

    [Fact]
    public async Task Inside_the_caller_s_transaction_the_number_is_taken_and_saved_with_the_case()
    {
        using var db = _data.CreateContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var kase = Case.Register(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, null);
        await CaseNumbers.SaveNewCaseAsync(db, kase);
        await transaction.RollbackAsync();

        using var check = _data.CreateContext();
        Assert.Empty(check.Cases);
        Assert.Empty(check.CaseNumberSequences); // rolled back together: the number was not used up
    }

    /// <summary>
    /// Makes the first save that creates a year's sequence row fail as if another intake had created the row at
    /// the same moment: it inserts that row itself, in the same transaction, so the save meets the real primary
    /// key violation (and the rollback takes both away).
    /// </summary>
    private sealed class LoseTheRaceForANewYear : SaveChangesInterceptor
    {
        public int Attempts { get; private set; }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            var created = context.ChangeTracker.Entries<CaseNumberSequence>().SingleOrDefault(e => e.State == EntityState.Added);
            if (created is not null && Attempts++ == 0)
                await context.Database.ExecuteSqlAsync($"INSERT INTO CaseNumberSequences (Year, Next) VALUES ({created.Entity.Year}, 2)", cancellationToken);
            return result;
        }
    }

    [Fact]
    public async Task The_first_intake_of_a_year_that_loses_the_race_to_create_the_year_s_counter_is_retried_and_saved_once()
    {
        var race = new LoseTheRaceForANewYear();
        // The fixture's options already carry the audit interceptor; the race runs after it.
        var options = new DbContextOptionsBuilder<AppDbContext>(_data.Database.Options).AddInterceptors(race).Options;

        int id;
        await using (var db = new AppDbContext(options))
        {
            var kase = Case.Register(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, "u1");
            await CaseNumbers.SaveNewCaseAsync(db, kase);
            id = kase.Id;
        }

        Assert.Equal(2, race.Attempts);
        using var check = _data.CreateContext();
        Assert.Equal("JF2026-0001", check.Cases.Single(c => c.Id == id).Number);
        Assert.Equal(2, check.CaseNumberSequences.Single().Next);
        Assert.Single(check.CaseEvents, e => e.CaseId == id);
        var audits = check.AuditEntries.Where(a => a.EntityType == nameof(Case) && a.Action == "Added").ToList();
        Assert.Single(audits); // the failed attempt left none behind
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), audits[0].EntityId);
    }

    [Fact]
    public async Task An_intake_takes_the_number_after_the_last_one_saved()
    {
        await _data.RegisterAsync();
        await using var db = _data.CreateContext();
        var kase = Case.Register(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, "u1");
        await CaseNumbers.SaveNewCaseAsync(db, kase);

        using var check = _data.CreateContext();
        Assert.Equal("JF2026-0002", check.Cases.Single(c => c.Id == kase.Id).Number);
        Assert.Equal(3, check.CaseNumberSequences.Single().Next);
    }

    [Fact]
    public async Task Twenty_intakes_at_once_on_separate_connections_get_twenty_different_numbers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cases-{Guid.NewGuid():N}.db");
        try
        {
            var connection = $"Data Source={file};Pooling=False";
            DbContextOptions<AppDbContext> Options() => new DbContextOptionsBuilder<AppDbContext>()
                .UseSqlite(connection, o => o.MigrationsAssembly("TongkuangAlliance.Migrations.Sqlite"))
                .AddInterceptors(new AuditSaveChangesInterceptor(new TestClock(RegisteredAt), new SystemUser()))
                .Options;

            int communityId, categoryId;
            await using (var db = new AppDbContext(Options()))
            {
                await db.Database.MigrateAsync();
                var tongkuang = new Core.Structure.SubDistrict { Name = "铜矿街道", City = "德兴市" };
                db.Add(tongkuang);
                await db.SaveChangesAsync();
                var south = new Core.Structure.Community { SubDistrictId = tongkuang.Id, Name = "南区社区", PartyCommitteeName = "南区社区党委" };
                db.Add(south);
                await db.SaveChangesAsync();
                Assert.Equal(7, await CaseQueries.EnsureDefaultCategoriesAsync(db));
                Assert.Equal(0, await CaseQueries.EnsureDefaultCategoriesAsync(db));
                (communityId, categoryId) = (south.Id, db.CaseCategories.Single(c => c.Name == "市政设施").Id);
            }

            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var intakes = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            {
                await start.Task;
                await using var db = new AppDbContext(Options());
                var category = await db.CaseCategories.SingleAsync(c => c.Id == categoryId);
                var details = _data.StoryDetails(communityId) with { CompoundId = null, Title = $"第{i}件" };
                var kase = Case.Register(details, category, RegisteredAt.AddSeconds(i), $"user-{i}");
                await CaseNumbers.SaveNewCaseAsync(db, kase);
                return kase.Number;
            })).ToList();
            start.SetResult();
            var numbers = await Task.WhenAll(intakes);

            Assert.Equal(Enumerable.Range(1, 20).Select(n => CaseNumbers.Format(2026, n)), numbers.Order(StringComparer.Ordinal));
            await using var check = new AppDbContext(Options());
            Assert.Equal(20, await check.Cases.CountAsync());
            Assert.Equal(21, (await check.CaseNumberSequences.SingleAsync()).Next);
            Assert.Equal(20, await check.CaseEvents.CountAsync(e => e.Kind == CaseEventKind.Registered));
            Assert.Equal(20, await check.AuditEntries.CountAsync(a => a.EntityType == nameof(Case)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    public void Dispose() => _data.Dispose();
}
