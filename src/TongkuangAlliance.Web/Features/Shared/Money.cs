using System.Text;

namespace TongkuangAlliance.Web.Features.Shared;

/// <summary>Amounts of money in yuan: ¥2,000.00, and in Chinese capital numerals (贰仟元整) for agreements.</summary>
public static class Money
{
    public static string Yuan(decimal? amount) => amount is { } a ? "¥" + a.ToString("#,0.00", CultureInfo.InvariantCulture) : "";

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] SmallUnits = ["", "拾", "佰", "仟"];
    private static readonly string[] BigUnits = ["", "万", "亿", "万亿"];

    /// <summary>人民币大写, e.g. 2000 → 贰仟元整, 1234.56 → 壹仟贰佰叁拾肆元伍角陆分. Positive amounts below 10^16.</summary>
    public static string ChineseCapital(decimal amount)
    {
        if (amount < 0 || amount >= 10_000_000_000_000_000m) return Yuan(amount);
        var fen = (long)decimal.Round(amount * 100, MidpointRounding.AwayFromZero);
        var yuan = fen / 100;
        var jiao = (int)(fen / 10 % 10);
        var cents = (int)(fen % 10);
        var text = new StringBuilder();
        if (yuan > 0)
        {
            text.Append(Integer(yuan)).Append('元');
        }
        if (jiao == 0 && cents == 0) return (yuan == 0 ? "零元" : text.ToString()) + "整";
        if (jiao > 0) text.Append(Digits[jiao]).Append('角');
        else if (yuan > 0) text.Append('零');
        if (cents > 0) text.Append(Digits[cents]).Append('分');
        return text.ToString();
    }

    private static string Integer(long value)
    {
        var groups = new List<int>();
        for (var v = value; v > 0; v /= 10_000) groups.Add((int)(v % 10_000));
        var text = new StringBuilder();
        var needZero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var group = groups[g];
            if (group == 0) { needZero = text.Length > 0; continue; }
            if (needZero || (text.Length > 0 && group < 1000)) text.Append('零');
            needZero = false;
            var zero = false;
            var started = false;
            for (var i = 3; i >= 0; i--)
            {
                var digit = group / (int)Math.Pow(10, i) % 10;
                if (digit == 0) { zero = started; continue; }
                if (zero) text.Append('零');
                zero = false;
                started = true;
                text.Append(Digits[digit]).Append(SmallUnits[i]);
            }
            text.Append(BigUnits[g]);
        }
        return text.ToString();
    }
}
