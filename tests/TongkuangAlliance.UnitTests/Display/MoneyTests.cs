using TongkuangAlliance.Web.Features.Shared;

namespace TongkuangAlliance.UnitTests.Display;

/// <summary>Amounts on the printed agreement: ¥ with two decimals, and 人民币大写 as written on contracts.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("2000", "贰仟元整")]
    [InlineData("1", "壹元整")]
    [InlineData("10", "壹拾元整")]
    [InlineData("105", "壹佰零伍元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("10000", "壹万元整")]
    [InlineData("10500", "壹万零伍佰元整")]
    [InlineData("100001", "壹拾万零壹元整")]
    [InlineData("1234.56", "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData("30.05", "叁拾元零伍分")]
    [InlineData("0.5", "伍角")]
    [InlineData("120000000", "壹亿贰仟万元整")]
    public void Chinese_capital_numerals(string amount, string expected) =>
        Assert.Equal(expected, Money.ChineseCapital(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Yuan_has_a_thousands_separator_and_two_decimals() => Assert.Equal("¥2,000.00", Money.Yuan(2000m));
}
