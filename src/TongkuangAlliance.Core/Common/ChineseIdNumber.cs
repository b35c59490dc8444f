using System.Globalization;
using System.Text.RegularExpressions;

namespace TongkuangAlliance.Core.Common;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area, 8-digit birth date, 3-digit sequence (odd for men), check character
/// (ISO 7064 MOD 11-2, 0–9 or X). Personal data: stored protected, shown masked (<see cref="Mask"/>).
/// </summary>
public static partial class ChineseIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    [GeneratedRegex(@"^\d{17}[\dX]$")]
    private static partial Regex Shape();

    /// <summary>Trimmed, upper case (a lower-case x is typed often).</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>18 characters and the right check character.</summary>
    public static bool HasValidChecksum(string id)
    {
        if (!Shape().IsMatch(id)) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (id[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11] == id[17];
    }

    /// <summary>The birth date the number carries, or null when it is no date (e.g. 19680230).</summary>
    public static DateOnly? BirthDate(string id) =>
        id.Length >= 14 && DateOnly.TryParseExact(id.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    /// <summary>The 17th character: odd for a man.</summary>
    public static bool IsMale(string id) => (id[16] - '0') % 2 == 1;

    /// <summary>The first 4 and last 4 characters: 3623**********123X.</summary>
    public static string Mask(string id) =>
        id.Length <= 8 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));

    /// <summary>A valid number for a birth date and sequence (tests and demo data).</summary>
    public static string Make(string area, DateOnly birthDate, int sequence)
    {
        var body = area + birthDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("000", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (body[i] - '0') * Weights[i];
        return body + CheckCharacters[sum % 11];
    }
}
