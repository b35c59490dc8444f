using System.Text.RegularExpressions;

namespace TongkuangAlliance.Core.Common;

/// <summary>Mainland mobile (11 digits from 13x–19x) or a landline with area code, e.g. 0793-1234567.</summary>
public static partial class ChinesePhone
{
    public const string Pattern = @"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$";

    [GeneratedRegex(Pattern)]
    private static partial Regex PhoneRegex();

    public static bool IsValid(string? phone) => phone is not null && PhoneRegex().IsMatch(phone);

    /// <summary>Masks the middle of a number for lists: 138****5678.</summary>
    public static string Mask(string? phone)
    {
        if (string.IsNullOrEmpty(phone)) return string.Empty;
        if (phone.Length < 7) return new string('*', phone.Length);
        return string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }
}
