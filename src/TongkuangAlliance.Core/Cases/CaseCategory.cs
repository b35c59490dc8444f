namespace TongkuangAlliance.Core.Cases;

/// <summary>
/// A configurable kind of case (物业管理, 市政设施, …) with its deadlines: accepted within
/// <see cref="AcceptWithinDays"/>, an update at least every <see cref="UpdateEveryDays"/>, resolved within
/// <see cref="ResolveWithinDays"/>. A case copies the deadlines when it is registered, so changing a category
/// later does not move the deadlines of cases already running. Categories are deactivated, never deleted.
/// </summary>
public class CaseCategory : AuditableEntity
{
    public const int DefaultAcceptWithinDays = 1;
    public const int DefaultUpdateEveryDays = 3;
    public const int DefaultResolveWithinDays = 30;
    public const int MaxDays = 365;

    private CaseCategory() { }

    public string Name { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int AcceptWithinDays { get; private set; } = DefaultAcceptWithinDays;
    public int UpdateEveryDays { get; private set; } = DefaultUpdateEveryDays;
    public int ResolveWithinDays { get; private set; } = DefaultResolveWithinDays;
    public int SortOrder { get; private set; }
    public bool IsActive { get; private set; } = true;

    public static CaseCategory Create(string? name, string? nameEn, int sortOrder,
        int acceptWithinDays = DefaultAcceptWithinDays, int updateEveryDays = DefaultUpdateEveryDays, int resolveWithinDays = DefaultResolveWithinDays)
    {
        var category = new CaseCategory();
        category.Update(name, nameEn, sortOrder, acceptWithinDays, updateEveryDays, resolveWithinDays);
        return category;
    }

    public void Update(string? name, string? nameEn, int sortOrder, int acceptWithinDays, int updateEveryDays, int resolveWithinDays)
    {
        var zh = CaseText.Required(name, FieldLengths.Name, "CaseCategory.NameRequired", nameof(Name));
        var en = CaseText.Required(nameEn, FieldLengths.Name, "CaseCategory.NameEnRequired", nameof(NameEn));
        CheckDays(acceptWithinDays, nameof(AcceptWithinDays));
        CheckDays(updateEveryDays, nameof(UpdateEveryDays));
        CheckDays(resolveWithinDays, nameof(ResolveWithinDays));
        if (acceptWithinDays > resolveWithinDays) throw new DomainException("CaseCategory.AcceptAfterResolve", nameof(AcceptWithinDays));

        Name = zh;
        NameEn = en;
        SortOrder = sortOrder;
        AcceptWithinDays = acceptWithinDays;
        UpdateEveryDays = updateEveryDays;
        ResolveWithinDays = resolveWithinDays;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static void CheckDays(int days, string field)
    {
        if (days is < 1 or > MaxDays) throw new DomainException("CaseCategory.DaysOutOfRange", field);
    }

    /// <summary>The categories every deployment starts with (issue 3), with the default deadlines.</summary>
    public static IReadOnlyList<CaseCategory> Defaults() =>
    [
        Create("物业管理", "Property management", 1),
        Create("市政设施", "Municipal facilities", 2),
        Create("邻里纠纷", "Neighbour disputes", 3),
        Create("家庭纠纷", "Family disputes", 4),
        Create("劳动纠纷", "Labour disputes", 5),
        Create("人身损害赔偿", "Personal injury and compensation", 6),
        Create("其他", "Other", 7),
    ];
}
