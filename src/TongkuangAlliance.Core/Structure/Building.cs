namespace TongkuangAlliance.Core.Structure;

/// <summary>楼栋: a building of a compound, covered by one grid, with a building chief (楼栋长).</summary>
public class Building : AuditableEntity
{
    public int CompoundId { get; set; }
    public Compound? Compound { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
    public required string Name { get; set; }
    public Contact? Chief { get; set; }

    public void AssignChief(Contact? chief) => Chief = chief;

    /// <summary>A building's grid and compound must belong to the same community.</summary>
    public static void EnsureSameCommunity(Compound compound, Grid grid)
    {
        if (compound.CommunityId != grid.CommunityId)
            throw new DomainException("Building.GridOutsideCommunity", nameof(GridId));
    }
}
