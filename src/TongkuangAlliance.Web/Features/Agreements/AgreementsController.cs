namespace TongkuangAlliance.Web.Features.Agreements;

public sealed record AgreementParty(int Id, string Name, CasePartyKind Kind, CasePartyRole Role)
{
    /// <summary>The party's basic information (art. 29), printed in full: the document is for the parties themselves.</summary>
    public IReadOnlyList<string> Basics { get; init; } = [];
}
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
public sealed class AgreementsController(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l, IPersonalNumberProtector protector) : Controller
{
    [HttpGet("Agreements/Print/{caseId:int}")]
    public async Task<IActionResult> Print(int caseId, CancellationToken cancellationToken)
    {
        var kase = await db.Cases.AsNoTracking().VisibleTo(User.Scope()).Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.Number, c.Title, c.Description, CommunityName = c.Community!.Name, c.Community.PartyCommitteeName, c.ResolvedAtUtc })
            .SingleOrDefaultAsync(cancellationToken);
        if (kase is null) return NotFound();

        // A party removed or a term withdrawn (entered by mistake) is no part of the agreement.
        var parties = (await db.CaseParties.AsNoTracking().Where(p => p.CaseId == caseId).Where(CaseParty.Present).OrderBy(p => p.Id)
            .ToListAsync(cancellationToken)).Select(p => new AgreementParty(p.Id, p.Name, p.Kind, p.Role) { Basics = Basics(p) }).ToList();
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

    /// <summary>性别, 出生日期 or 年龄, 民族, 职业, 住址, 身份证号 of a resident; 住所, 法定代表人 and contact of an organisation; the agent.</summary>
    private List<string> Basics(CaseParty p)
    {
        var lines = new List<string>();
        void Add(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) lines.Add($"{l[key]}：{value}"); }
        if (p.Kind == CasePartyKind.Resident)
        {
            Add("Field.Gender", p.Gender is { } g ? l[$"PartyGender.{g}"].Value : null);
            Add("Field.BirthDate", p.BirthDate is { } b ? Display.ChineseDate(b) : null);
            Add("Field.Age", p.BirthDate is null && p.Age is { } age ? l["Cases.AgeYears", age].Value : null);
            Add("Field.Ethnicity", p.Ethnicity);
            Add("Field.Occupation", p.Occupation);
            Add("Field.ResidentAddress", p.Address);
            Add("Field.IdNumber", p.IdNumberProtected is { } id ? protector.Unprotect(id) : null);
        }
        else
        {
            Add("Field.OrganisationAddress", p.Address);
            Add("Field.RepresentativeName", p.RepresentativeName is null ? null : p.RepresentativeName + (p.RepresentativeTitle is null ? "" : $"（{p.RepresentativeTitle}）"));
            Add("Field.ContactPerson", p.ContactPerson);
        }
        Add("Field.Phone", p.Phone);
        Add("Field.AgentName", p.AgentName);
        return lines;
    }
}
