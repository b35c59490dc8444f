using static TongkuangAlliance.UnitTests.Cases.CaseTestData;

namespace TongkuangAlliance.UnitTests.Cases;

/// <summary>
/// Issue 18: the one vocabulary of a case's states. A case resolved while terms are owed is 履行中 (never a green
/// "done"); 已结案 only once closed; a failed mediation is 调解不成. The query filter and the in-memory state agree.
/// </summary>
public sealed class CaseStateTests(CaseTestData data) : IClassFixture<CaseTestData>
{
    [Theory]
    [InlineData(CaseStatus.Registered, null, null, false, CaseState.Registered)]
    [InlineData(CaseStatus.Accepted, null, null, false, CaseState.Accepted)]
    [InlineData(CaseStatus.InMediation, null, null, true, CaseState.InMediation)]
    [InlineData(CaseStatus.Resolved, CaseResolution.AgreementReached, null, true, CaseState.Performing)]
    [InlineData(CaseStatus.Resolved, CaseResolution.AgreementReached, null, false, CaseState.Succeeded)]
    [InlineData(CaseStatus.Resolved, CaseResolution.ResolvedWithoutAgreement, null, false, CaseState.ResolvedWithoutAgreement)]
    [InlineData(CaseStatus.FollowedUp, CaseResolution.AgreementReached, null, true, CaseState.Performing)]
    [InlineData(CaseStatus.FollowedUp, CaseResolution.AgreementReached, null, false, CaseState.FollowedUp)]
    [InlineData(CaseStatus.Closed, CaseResolution.AgreementReached, null, false, CaseState.Closed)]
    [InlineData(CaseStatus.Closed, null, CaseCloseKind.Withdrawn, false, CaseState.Closed)]
    [InlineData(CaseStatus.Closed, null, CaseCloseKind.MediationFailed, false, CaseState.Failed)]
    public void The_state_reads_as_a_mediator_says_it(CaseStatus status, CaseResolution? resolution, CaseCloseKind? closeKind, bool owed, CaseState expected)
    {
        Assert.Equal(expected, CaseStates.Of(status, resolution, closeKind, owed));
        Assert.Equal(status == CaseStatus.Closed, CaseStates.IsClosed(expected));
    }

    [Theory]
    [InlineData(Stage.Registered, CaseState.Registered)]
    [InlineData(Stage.Accepted, CaseState.Accepted)]
    [InlineData(Stage.InMediation, CaseState.InMediation)]
    [InlineData(Stage.Resolved, CaseState.Performing)] // resolved with the repair term still owed
    [InlineData(Stage.FollowedUp, CaseState.FollowedUp)]
    [InlineData(Stage.Closed, CaseState.Closed)]
    [InlineData(Stage.ClosedEarly, CaseState.Closed)]
    public async Task A_stored_case_is_in_exactly_one_state_and_the_filter_finds_it_there(Stage stage, CaseState expected)
    {
        var id = await data.ArrangeAsync(stage);
        await using var db = data.CreateContext();
        Assert.Equal(expected, Load(db, id).StateOf());
        foreach (var state in Enum.GetValues<CaseState>())
            Assert.Equal(state == expected, await db.Cases.Where(c => c.Id == id).Where(CaseStates.Is(state)).AnyAsync());
        Assert.Equal(!CaseStates.IsClosed(expected), await db.Cases.Where(c => c.Id == id).Where(CaseStates.NotClosed).AnyAsync());
    }

    [Fact]
    public async Task A_failed_mediation_is_closed_and_reads_mediation_failed()
    {
        var id = await data.ArrangeAsync(Stage.Accepted);
        data.Step(id, Later, c => c.CloseEarly(CaseCloseKind.MediationFailed, "双方分歧过大，已告知可向法院起诉", Later, data.HandlerId));
        await using var db = data.CreateContext();
        Assert.Equal(CaseState.Failed, Load(db, id).StateOf());
        Assert.True(await db.Cases.Where(c => c.Id == id).Where(CaseStates.Is(CaseState.Failed)).AnyAsync());
        Assert.False(await db.Cases.Where(c => c.Id == id).Where(CaseStates.NotClosed).AnyAsync());
    }
}
