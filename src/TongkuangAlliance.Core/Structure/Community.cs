namespace TongkuangAlliance.Core.Structure;

/// <summary>社区, with its party committee (社区党委) and secretary.</summary>
public class Community : AuditableEntity
{
    public int SubDistrictId { get; set; }
    public SubDistrict? SubDistrict { get; set; }
    public required string Name { get; set; }
    public required string PartyCommitteeName { get; set; }
    public string? SecretaryName { get; set; }
    public string? OfficePhone { get; set; }
    public string? Address { get; set; }
    public int? Households { get; set; }

    public List<Compound> Compounds { get; } = [];
    public List<Grid> Grids { get; } = [];
    public List<Pairing> Pairings { get; } = [];
}
