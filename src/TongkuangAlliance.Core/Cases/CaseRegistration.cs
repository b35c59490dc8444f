using TongkuangAlliance.Core.Data;

namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// Register-and-number, written once: every intake (the staff form, a grid worker's quick intake, a visit that
/// becomes a case, the residents' form) registers the case with <see cref="Case.Register"/>, adds it to the
/// context and saves it with its number through <see cref="CaseNumbers.SaveNewCaseAsync"/> — the intake's one
/// <c>SaveChangesAsync</c>, so the number is used only if the case is saved.
/// </summary>
public static class CaseRegistration
{
    /// <summary>
    /// Registers a new case from <paramref name="details"/> and saves it, numbered, with everything else pending
    /// in <paramref name="db"/>. A <see cref="Common.DomainException"/> from the rules of <see cref="Case.Register"/>
    /// leaves nothing added to the context.
    /// </summary>
    /// <returns>The saved case, with its id and number.</returns>
    public static Task<Case> RegisterCaseAsync(this AppDbContext db, CaseDetails details, CaseCategory category,
        DateTime nowUtc, string? userId, CancellationToken cancellationToken = default) =>
        db.RegisterCaseAsync(details, category, nowUtc, userId, link: static _ => { }, cancellationToken);

    /// <summary>
    /// As <see cref="RegisterCaseAsync(AppDbContext, CaseDetails, CaseCategory, DateTime, string?, CancellationToken)"/>,
    /// with <paramref name="link"/> run on the new case before it is saved, for the record it came from
    /// (e.g. <c>visit.LinkCase</c>), so that the case and its link are saved together or not at all. A
    /// <see cref="Common.DomainException"/> thrown by <paramref name="link"/> also leaves nothing added.
    /// </summary>
    public static async Task<Case> RegisterCaseAsync(this AppDbContext db, CaseDetails details, CaseCategory category,
        DateTime nowUtc, string? userId, Action<Case> link, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(link);
        var kase = Case.Register(details, category, nowUtc, userId);
        link(kase);
        db.Cases.Add(kase);
        await CaseNumbers.SaveNewCaseAsync(db, kase, cancellationToken);
        return kase;
    }
}
