namespace TongkuangAlliance.Core.Activities;

/// <summary>
/// A kind of service offered at a service day (理发, 家电维修, 义诊, …): a configurable list kept by the
/// sub-district committee, like case categories. Deactivated, never deleted.
/// </summary>
public class ServiceKind : AuditableEntity
{
    private ServiceKind() { }

    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static ServiceKind Create(string? name, string? nameEn, int sortOrder)
    {
        var kind = new ServiceKind();
        kind.Update(name, nameEn, sortOrder);
        return kind;
    }

    public void Update(string? name, string? nameEn, int sortOrder)
    {
        Name = ActivityText.Required(name, FieldLengths.Name, "Activity.Required", nameof(Name));
        NameEn = ActivityText.Required(nameEn, FieldLengths.Name, "Activity.Required", nameof(NameEn));
        SortOrder = sortOrder;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>The services every deployment starts with (issue 4).</summary>
    public static IReadOnlyList<ServiceKind> Defaults() =>
    [
        Create("理发", "Haircut", 1),
        Create("家电维修", "Appliance repair", 2),
        Create("缝补", "Sewing and mending", 3),
        Create("义诊", "Free clinic", 4),
        Create("纠纷调解", "Dispute mediation", 5),
        Create("法律咨询", "Legal advice", 6),
        Create("政策咨询", "Policy advice", 7),
        Create("磨刀", "Knife sharpening", 8),
    ];
}
