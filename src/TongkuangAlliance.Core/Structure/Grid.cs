namespace TongkuangAlliance.Core.Structure;

/// <summary>网格: a grid of a community, led by a grid chief (网格长). The post may be vacant.</summary>
public class Grid : AuditableEntity
{
    public int CommunityId { get; set; }
    public Community? Community { get; set; }
    public required string Name { get; set; }
    public Contact? Chief { get; set; }

    public List<Building> Buildings { get; } = [];

    public void AssignChief(Contact? chief) => Chief = chief;
}
