using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>Register-and-number in one place: the case is registered, numbered and saved together, or not at all.</summary>
public sealed class CaseRegistrationTests : IDisposable
{
    private readonly CaseTestData _data = new();

    [Fact]
    public async Task A_registered_case_is_saved_with_its_number()
    {
        await using (var db = _data.CreateContext())
        {
            var kase = await db.RegisterCaseAsync(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, _data.HandlerId);
            Assert.Equal("JF2026-0001", kase.Number);
            Assert.True(kase.Id > 0);
        }

        await using var check = _data.CreateContext();
        var stored = await check.Cases.SingleAsync();
        Assert.Equal(("JF2026-0001", CaseStatus.Registered, RegisteredAt), (stored.Number, stored.Status, stored.RegisteredAtUtc));
    }

    [Fact]
    public async Task The_link_runs_on_the_new_case_before_it_is_saved()
    {
        await using var db = _data.CreateContext();
        Case? linked = null;
        var kase = await db.RegisterCaseAsync(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, null, c =>
        {
            Assert.Equal(string.Empty, c.Number); // not numbered (nor saved) yet
            linked = c;
        });
        Assert.Same(kase, linked);
    }

    [Fact]
    public async Task A_refused_link_or_registration_adds_nothing_and_uses_no_number()
    {
        await using (var db = _data.CreateContext())
        {
            await Assert.ThrowsAsync<DomainException>(() => db.RegisterCaseAsync(_data.StoryDetails(), _data.Municipal(db), RegisteredAt, null,
                _ => throw new DomainException("Visit.AlreadyCase")));
            var inTheFuture = _data.StoryDetails(occurredAt: RegisteredAt.AddHours(1));
            await Assert.ThrowsAsync<DomainException>(() => db.RegisterCaseAsync(inTheFuture, _data.Municipal(db), RegisteredAt, null));
            Assert.Empty(db.ChangeTracker.Entries<Case>());
        }

        await using var check = _data.CreateContext();
        Assert.Equal(0, await check.Cases.CountAsync());
        Assert.Equal(0, await check.CaseNumberSequences.CountAsync());
    }

    public void Dispose() => _data.Dispose();
}
