namespace TongkuangAlliance.Core.Activities;

/// <summary>Checks and tidies the free text of activities: required, trimmed, not longer than its column.</summary>
internal static class ActivityText
{
    public const string TooLongKey = "Activity.TextTooLong";

    public static string Required(string? value, int maxLength, string requiredKey, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(requiredKey, field);
        return Fit(value.Trim(), maxLength, field);
    }

    public static string? Optional(string? value, int maxLength, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Fit(value.Trim(), maxLength, field);

    private static string Fit(string value, int maxLength, string field) =>
        value.Length > maxLength ? throw new DomainException(TooLongKey, field) : value;
}
