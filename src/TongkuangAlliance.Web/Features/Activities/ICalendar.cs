using System.Text;

namespace TongkuangAlliance.Web.Features.Activities;

/// <summary>One activity as a calendar event (times in UTC).</summary>
public sealed record ICalendarEvent(int Id, string Title, DateTime StartUtc, DateTime EndUtc, string? Location, string? Description, bool Cancelled, DateTime LastModifiedUtc);

/// <summary>
/// Writes an iCalendar (RFC 5545) feed by hand: CRLF line ends, lines folded at 75 octets (never inside a
/// UTF-8 character), TEXT values escaped (\\ ; , and newlines), times in UTC with Z, one stable UID per activity,
/// STATUS:CANCELLED for cancelled activities so subscribed calendars strike them out.
/// </summary>
public static class ICalendar
{
    public const int MaxLineOctets = 75;
    private const string Crlf = "\r\n";

    /// <param name="uidFormat">The UID pattern with {0} for the activity id, e.g. "activity-{0}@portal.example".</param>
    public static string Write(string calendarName, string uidFormat, IEnumerable<ICalendarEvent> events, DateTime nowUtc)
    {
        var text = new StringBuilder();
        void Line(string content) => text.Append(Fold(content)).Append(Crlf);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Tongkuang Alliance//Activities//ZH");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        Line("X-WR-TIMEZONE:Asia/Shanghai");
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + string.Format(CultureInfo.InvariantCulture, uidFormat, e.Id));
            Line("DTSTAMP:" + Utc(nowUtc));
            Line("DTSTART:" + Utc(e.StartUtc));
            Line("DTEND:" + Utc(e.EndUtc));
            Line("LAST-MODIFIED:" + Utc(e.LastModifiedUtc));
            Line("SUMMARY:" + Escape(e.Title));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line("LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line("DESCRIPTION:" + Escape(e.Description));
            Line("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    /// <summary>UTC date-time form: 20260501T013000Z.</summary>
    public static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and newlines as \n.</summary>
    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>
    /// Folds a content line (RFC 5545 §3.1): no line longer than 75 octets (CRLF excluded); each continuation
    /// starts with one space, which counts towards its 75. Splits only between characters (surrogate pairs kept).
    /// </summary>
    public static string Fold(string line)
    {
        if (Encoding.UTF8.GetByteCount(line) <= MaxLineOctets) return line;
        var result = new StringBuilder();
        var octets = 0;
        var limit = MaxLineOctets;
        for (var i = 0; i < line.Length; i++)
        {
            var length = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, length));
            if (octets + size > limit)
            {
                result.Append(Crlf).Append(' ');
                octets = 1;
                limit = MaxLineOctets;
            }
            result.Append(line, i, length);
            octets += size;
            i += length - 1;
        }
        return result.ToString();
    }
}
