using System.Globalization;
using System.Text.RegularExpressions;

namespace TongkuangAlliance.Core.Cases;

/// <summary>Checks and tidies the free text of the case domain: required, trimmed, not longer than its column.</summary>
internal static partial class CaseText
{
    public const string TooLongKey = "Case.TextTooLong";

    public static string Required(string? value, int maxLength, string requiredKey, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new DomainException(requiredKey, field);
        return Fit(value.Trim(), maxLength, field);
    }

    public static string? Optional(string? value, int maxLength, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Fit(value.Trim(), maxLength, field);

    private static string Fit(string value, int maxLength, string field) =>
        value.Length > maxLength ? throw new DomainException(TooLongKey, field) : value;

    public static T Choice<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new DomainException("Case.InvalidChoice", field);

    /// <summary>The calendar date in China of a UTC instant.</summary>
    public static DateOnly ChinaDate(DateTime utc) => DateOnly.FromDateTime(ChinaTime.FromUtc(utc));

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Yuan(decimal amount) => "¥" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    // Mobile numbers and landlines with an area code, not inside a longer run of digits.
    [GeneratedRegex(@"(?<![\d-])(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})(?![\d-])")]
    private static partial Regex PhoneLike();

    /// <summary>
    /// A timeline summary: the essentials in one line, phone numbers masked (the timeline is shown to more
    /// people than the reporter's details are), cut to the column's length.
    /// </summary>
    public static string Summary(params string?[] parts)
    {
        var text = string.Join(" — ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()));
        text = PhoneLike().Replace(text, m => ChinesePhone.Mask(m.Value));
        return text.Length <= FieldLengths.EventSummary ? text : string.Concat(text.AsSpan(0, FieldLengths.EventSummary - 1), "…");
    }
}
