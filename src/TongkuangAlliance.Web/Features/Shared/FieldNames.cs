namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>A stored field name ("CategoryId", "Chief.Phone") as the user reads it, for the audit page and the case timeline.</summary>
public static class FieldNames
{
    /// <summary>
    /// "AuditField.X" where a field needs a word of its own outside its form (CommunityId → 社区), else the form's
    /// "Field.X" label, else <paramref name="fallback"/>. An owned part's field is named by its part and its own name.
    /// </summary>
    public static string Of(IStringLocalizer l, string name, Func<string, string>? fallback = null) =>
        string.Join(" · ", name.Split('.').Select(part =>
            l["AuditField." + part] is { ResourceNotFound: false } own ? own.Value
            : l["Field." + part] is { ResourceNotFound: false } label ? label.Value
            : fallback?.Invoke(part) ?? part));
}
