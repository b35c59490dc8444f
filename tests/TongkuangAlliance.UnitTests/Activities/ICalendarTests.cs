using System.Text;
using TongkuangAlliance.Web.Features.Activities;

namespace TongkuangAlliance.UnitTests.Activities;

/// <summary>RFC 5545 by hand: CRLF, folding at 75 octets, TEXT escaping, UTC times with Z, stable UIDs, cancelled events.</summary>
public sealed class ICalendarTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    private static ICalendarEvent Event(int id = 7, string title = "建安小区便民接待日", bool cancelled = false, string? description = null, string? location = "建安小区广场") =>
        new(id, title, new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 1, 4, 30, 0, DateTimeKind.Utc), location, description, cancelled, Now);

    private static string Write(params ICalendarEvent[] events) => ICalendar.Write("南区社区活动日历", "activity-{0}@portal.example", events, Now);

    [Fact]
    public void Lines_end_in_crlf_and_the_calendar_is_wrapped_in_vcalendar()
    {
        var text = Write(Event());
        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VEVENT\r\nEND:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("\r", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Times_are_utc_with_z_and_the_uid_is_stable_per_activity()
    {
        var text = Write(Event(id: 42));
        Assert.Contains("\r\nDTSTART:20261201T010000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20261201T043000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20261125T080000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:activity-42@portal.example\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:activity-42@portal.example\r\n", ICalendar.Write("x", "activity-{0}@portal.example", [Event(id: 42, title: "改了标题")], Now.AddDays(3)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cancelled_activity_is_status_cancelled_and_a_planned_one_confirmed()
    {
        var text = Write(Event(id: 1), Event(id: 2, cancelled: true));
        var events = text.Split("BEGIN:VEVENT")[1..];
        Assert.Contains("STATUS:CONFIRMED", events[0], StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", events[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("一行\n二行", "一行\\n二行")]
    [InlineData("一行\r\n二行", "一行\\n二行")]
    [InlineData("理发、义诊：免费", "理发、义诊：免费")]
    public void Text_is_escaped(string value, string expected) => Assert.Equal(expected, ICalendar.Escape(value));

    [Fact]
    public void Escaping_applies_to_summary_location_and_description()
    {
        var text = Write(Event(title: "理发,缝补;义诊", location: "广场\\东侧", description: "第一行\n第二行"));
        Assert.Contains("SUMMARY:理发\\,缝补\\;义诊\r\n", text, StringComparison.Ordinal);
        Assert.Contains("LOCATION:广场\\\\东侧\r\n", text, StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:第一行\\n第二行\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_chinese_character()
    {
        var description = string.Concat(Enumerable.Repeat("居民夜校讲授防范电信诈骗和智能手机使用，", 10)) + "emoji 🎉 end";
        var text = Write(Event(description: description));
        var lines = text.Split("\r\n");
        Assert.All(lines, line => Assert.InRange(Encoding.UTF8.GetByteCount(line), 0, ICalendar.MaxLineOctets));
        // Unfolding (remove CRLF + one space) gives the original content line back.
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("DESCRIPTION:" + ICalendar.Escape(description) + "\r\n", unfolded, StringComparison.Ordinal);
        Assert.True(lines.Count(l => l.StartsWith(' ')) >= 8);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_short_line_is_not_folded_and_a_75_octet_line_stays_whole()
    {
        var exactly75 = "SUMMARY:" + new string('a', 67);
        Assert.Equal(75, Encoding.UTF8.GetByteCount(exactly75));
        Assert.Equal(exactly75, ICalendar.Fold(exactly75));
        var folded = ICalendar.Fold(exactly75 + "b");
        Assert.Equal(exactly75 + "\r\n b", folded);
    }
}
