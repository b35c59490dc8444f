using static TongkuangAlliance.IntegrationTests.Authorization.MatrixRow;

namespace TongkuangAlliance.IntegrationTests.Authorization;

/// <summary>案件类别: the sub-district committee only.</summary>
public sealed class CaseCategoriesMatrixRows : IMatrixRows
{
    // Categories are the first case records of a fresh database: id 1 is 物业管理.
    private const int FirstCategory = 1;

    public IEnumerable<MatrixRow> Rows() =>
    [
        new("GET", "CaseCategories", "Index", _ => "/CaseCategories", SubDistrictOnly()),
        new("GET", "CaseCategories", "Create", _ => "/CaseCategories/Create", SubDistrictOnly()),
        // No name: the form re-displays and nothing is stored.
        new("POST", "CaseCategories", "Create", _ => "/CaseCategories/Create", SubDistrictOnly(),
            _ => new() { ["Name"] = "", ["NameEn"] = "", ["AcceptWithinDays"] = "1", ["UpdateEveryDays"] = "3", ["ResolveWithinDays"] = "30" }),
        new("GET", "CaseCategories", "Edit", _ => $"/CaseCategories/Edit/{FirstCategory}", SubDistrictOnly()),
        new("POST", "CaseCategories", "Edit", _ => $"/CaseCategories/Edit/{FirstCategory}", SubDistrictOnly(),
            _ => new() { ["Name"] = "", ["NameEn"] = "", ["AcceptWithinDays"] = "0", ["UpdateEveryDays"] = "3", ["ResolveWithinDays"] = "30" }),
    ];
}
