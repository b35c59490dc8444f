namespace TongkuangAlliance.Core.Joint;

/// <summary>需求清单: one need of the community, in a pairing's list for a year. Written by the community side.</summary>
public class PairingNeed : AuditableEntity
{
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
}

/// <summary>资源清单: one resource the unit offers, in a pairing's list for a year. Written by the unit side.</summary>
public class PairingResource : AuditableEntity
{
    public int PairingId { get; set; }
    public Pairing? Pairing { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
}
