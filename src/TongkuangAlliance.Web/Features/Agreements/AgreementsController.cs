namespace TongkuangAlliance.Web.Features.Agreements;

public sealed record AgreementParty(int Id, string Name, CasePartyKind Kind, CasePartyRole Role);
public sealed record AgreementObligation(int PartyId, string PartyName, AgreementTermKind Kind, string Description, decimal? Amount, DateOnly DueDate);

public sealed class AgreementPrintViewModel
{
    public required int CaseId { get; init; }
    public required string CaseNumber { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required string CommunityName { get; init; }
    public required string MediationOrganisation { get; init; }
    public required DateOnly Date { get; init; }
    public required IReadOnlyList<AgreementParty> Parties { get; init; }
    public required IReadOnlyList<AgreementObligation> Terms { get; init; }
}

/// <summary>调解协议书: the printable agreement of a case, for the handling community and the sub-district.</summary>
[Authorize(Policy = Policies.CommunityOrSubDistrict)]
public sealed class AgreementsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("Agreements/Print/{caseId:int}")]
    public async Task<IActionResult> Print(int caseId, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.AsNoTracking().VisibleTo(User.Scope()).Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.Number, c.Title, c.Description, CommunityName = c.Community!.Name, c.Community.PartyCommitteeName, c.ResolvedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (kase is null) return NotFound();

        // A party removed or a term withdrawn (entered by mistake) is no part of the agreement.
        var parties = await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId).Where(CaseParty.Present).OrderBy(p => p.Id)
            .Select(p => new AgreementParty(p.Id, p.Name, p.Kind, p.Role)).ToListAsync(cancellationToken);
        var terms = await db.AgreementTerms.AsNoTracking().Where(t => t.CaseId == caseId).Where(AgreementTerm.InForce).OrderBy(t => t.Id)
            .Select(t => new AgreementObligation(t.ObligatedPartyId, t.ObligatedParty!.Name, t.Kind, t.Description, t.Amount, t.DueDate))
            .ToListAsync(cancellationToken);

        ViewData["Title"] = l["Agreements.Title"];
        return View(new AgreementPrintViewModel
        {
            CaseId = kase.Id,
            CaseNumber = kase.Number,
            Title = kase.Title,
            Description = kase.Description,
            CommunityName = kase.CommunityName,
            MediationOrganisation = kase.PartyCommitteeName,
            Date = kase.ResolvedAtUtc is { } resolved ? DateOnly.FromDateTime(ChinaTime.FromUtc(resolved)) : ChinaTime.Today(clock),
            Parties = parties,
            Terms = terms,
        });
    }
}
