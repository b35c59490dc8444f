using TongkuangAlliance.Core.Cases;

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>
/// The one place that says how a case's state reads and looks (issue 18): its resource key and its badge colour. Views
/// show a state only through the _CaseState partial (or <see cref="Key"/> for an option or an export cell); a test fails
/// on a view that spells a state word or renders <see cref="CaseStatus"/> itself.
/// </summary>
public static class CaseStateVocabulary
{
    /// <summary>Every state, in the order a case passes through them (the list's filter shows them in this order).</summary>
    public static IReadOnlyList<CaseState> All { get; } = Enum.GetValues<CaseState>();

    public static string Key(CaseState state) => $"CaseState.{state}";

    /// <summary>Bootstrap badge classes: the words always say it, the colour only helps. Green only once nothing is owed.</summary>
    public static string Badge(CaseState state) => state switch
    {
        CaseState.Registered => "text-bg-secondary",
        CaseState.Accepted => "text-bg-info",
        CaseState.InMediation => "text-bg-primary",
        CaseState.Performing => "text-bg-warning",
        CaseState.Succeeded or CaseState.ResolvedWithoutAgreement or CaseState.FollowedUp => "text-bg-success",
        CaseState.Failed => "text-bg-danger",
        _ => "text-bg-dark",
    };
}
