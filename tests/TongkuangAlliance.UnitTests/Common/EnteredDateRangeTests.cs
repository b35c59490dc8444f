using System.ComponentModel.DataAnnotations;
using TongkuangAlliance.Core.Dashboards;
using TongkuangAlliance.Web.Infrastructure.Validation;

namespace TongkuangAlliance.UnitTests.Common;

/// <summary>
/// Dates a person enters lie in 2000–2100 (<see cref="ChinaTime.EarliestDate"/>): the first and last days a
/// DateTime holds are refused before they reach <see cref="ChinaTime.ToUtc"/> or the database.
/// </summary>
public sealed class EnteredDateRangeTests
{
    [Theory]
    [InlineData("2000-01-01", true)]
    [InlineData("2026-05-01", true)]
    [InlineData("2100-12-31", true)]
    [InlineData("1999-12-31", false)]
    [InlineData("2101-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void A_date_is_in_range_from_2000_to_2100(string date, bool expected)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(expected, ChinaTime.IsInRange(day));
        Assert.Equal(expected, ChinaTime.IsInRange(day.ToDateTime(new TimeOnly(0, 0))));
        Assert.Equal(expected, ChinaTime.IsInRange(day.ToDateTime(new TimeOnly(23, 59))));
    }

    [Fact]
    public void Year_one_before_eight_cannot_be_converted_to_utc_which_is_why_it_is_refused_first()
    {
        var first = new DateTime(1, 1, 1, 7, 59, 0);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChinaTime.ToUtc(first));
        Assert.False(ChinaTime.IsInRange(first));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("2026-05-01", true)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void The_attribute_accepts_nothing_entered_and_dates_in_range(string? date, bool expected)
    {
        var attribute = new DateInRangeAttribute();
        DateOnly? day = date is null ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        DateTime? time = day?.ToDateTime(TimeOnly.MinValue);
        Assert.Equal(expected, attribute.IsValid(day));
        Assert.Equal(expected, attribute.IsValid(time));
    }

    [Fact]
    public void Without_a_localizer_the_attribute_answers_with_its_resource_key()
    {
        var result = new DateInRangeAttribute().GetValidationResult(DateOnly.MinValue, new ValidationContext(new object()) { MemberName = "DueDate" });
        Assert.Equal("Validation.DateRange", result?.ErrorMessage);
        Assert.Equal(["DueDate"], result?.MemberNames);
    }

    [Fact]
    public void The_attribute_is_not_for_other_types() =>
        Assert.Throws<InvalidOperationException>(() => new DateInRangeAttribute().IsValid("2026-05-01"));

    [Theory]
    [InlineData("9999-12-31", "9999-12-31")]
    [InlineData("0001-01-01", "0001-01-01")]
    [InlineData("1999-12-31", "2000-01-31")]
    [InlineData("2100-12-01", "2101-01-31")]
    public void A_custom_dashboard_period_outside_the_range_falls_back_to_this_year(string from, string to)
    {
        var today = new DateOnly(2026, 5, 1);
        var period = ReportPeriod.Parse(PeriodKind.Custom, null, null, null,
            DateOnly.ParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture), DateOnly.ParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture), today, out var valid);
        Assert.False(valid);
        Assert.Equal(ReportPeriod.Year(2026), period);
    }
}
