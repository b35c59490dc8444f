namespace TongkuangAlliance.Core.Structure;

/// <summary>小区: a residential compound of a community, possibly with its own party branch.</summary>
public class Compound : AuditableEntity
{
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }
    public string? PartyBranchName { get; set; }

    public List<Building> Buildings { get; } = [];
}
