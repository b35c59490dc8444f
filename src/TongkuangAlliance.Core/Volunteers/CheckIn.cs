using TongkuangAlliance.Core.Activities;

namespace TongkuangAlliance.Core.Volunteers;

/// <summary>How a check-in (or check-out) was made: at the desk by staff, or by the volunteer scanning the QR code.</summary>
public enum CheckInSource
{
    Desk = 1,
    QrCode = 2,
}

/// <summary>
/// 签到 / 签退: a party member's attendance at an activity, at most one per member and activity (a unique index, so
/// scanning twice — or two hundred phones at once — never counts twice). <see cref="Minutes"/> is worked out at
/// check-out and on every correction: the time between check-in and check-out that falls within the activity's
/// span. A staff correction needs a reason; the audit log keeps every before/after, so the history is never lost.
/// </summary>
public class CheckIn : AuditableEntity
{
    /// <summary>Before the activity starts, volunteers may check in this early (setting up).</summary>
    public static readonly TimeSpan EarlyWindow = TimeSpan.FromHours(1);

    private CheckIn() { }

    public int ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public int PartyMemberId { get; private set; }
    public PartyMember? PartyMember { get; private set; }
    public DateTime CheckedInAtUtc { get; private set; }
    public DateTime? CheckedOutAtUtc { get; private set; }
    public CheckInSource Source { get; private set; }
    public CheckInSource? CheckOutSource { get; private set; }

    /// <summary>Credited minutes (null until checked out): check-in to check-out, capped to the activity's span.</summary>
    public int? Minutes { get; private set; }

    /// <summary>The reason of the last staff correction (earlier ones are in the audit log).</summary>
    public string? CorrectionReason { get; private set; }

    public decimal? Hours => Minutes is { } m ? Math.Round(m / 60m, 2) : null;

    /// <summary>Whether the activity takes check-ins at <paramref name="nowUtc"/>: from an hour before it starts until it ends.</summary>
    public static bool IsWindowOpen(Activity activity, DateTime nowUtc) =>
        activity.Status != ActivityStatus.Cancelled && nowUtc >= activity.StartUtc - EarlyWindow && nowUtc <= activity.EndUtc;

    /// <summary>Checks a member in by the QR code (only inside the window) or at the desk (also afterwards, to record attendance).</summary>
    public static CheckIn Start(Activity activity, PartyMember member, CheckInSource source, DateTime nowUtc)
    {
        if (activity.Status == ActivityStatus.Cancelled) throw new DomainException("Volunteer.ActivityCancelled");
        if (!member.CanVolunteer) throw new DomainException("Volunteer.NotConfirmed");
        if (nowUtc < activity.StartUtc - EarlyWindow) throw new DomainException("Volunteer.WindowNotOpen");
        if (source == CheckInSource.QrCode && nowUtc > activity.EndUtc) throw new DomainException("Volunteer.WindowClosed");
        return new CheckIn { ActivityId = activity.Id, PartyMemberId = member.Id, CheckedInAtUtc = nowUtc, Source = source };
    }

    /// <summary>Checks out; by QR only until the activity ends (later the desk records it, or the volunteer is credited up to the end by staff).</summary>
    public void Finish(Activity activity, CheckInSource source, DateTime nowUtc)
    {
        if (CheckedOutAtUtc is not null) throw new DomainException("Volunteer.AlreadyCheckedOut");
        if (source == CheckInSource.QrCode && nowUtc > activity.EndUtc + EarlyWindow) throw new DomainException("Volunteer.WindowClosed");
        if (nowUtc < CheckedInAtUtc) throw new DomainException("Volunteer.OutBeforeIn");
        CheckedOutAtUtc = nowUtc;
        CheckOutSource = source;
        Minutes = CreditedMinutes(activity, CheckedInAtUtc, nowUtc);
    }

    /// <summary>A staff correction of both times, with a reason (kept, with the old values, in the audit log); neither may lie after <paramref name="nowUtc"/>.</summary>
    public void Correct(Activity activity, DateTime checkedInUtc, DateTime checkedOutUtc, string? reason, DateTime nowUtc)
    {
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) throw new DomainException("Validation.ReasonRequired", nameof(CorrectionReason));
        if (why.Length > FieldLengths.Reason) throw new DomainException("Volunteer.TextTooLong", nameof(CorrectionReason));
        if (checkedOutUtc <= checkedInUtc) throw new DomainException("Volunteer.OutBeforeIn", "CheckedOut");
        if (checkedOutUtc > nowUtc) throw new DomainException("Volunteer.CheckOutInFuture", "CheckedOut");
        if (checkedInUtc < activity.StartUtc - TimeSpan.FromDays(1) || checkedOutUtc > activity.EndUtc + TimeSpan.FromDays(1))
            throw new DomainException("Volunteer.CorrectionOutsideActivity", "CheckedIn");
        CheckedInAtUtc = checkedInUtc;
        CheckedOutAtUtc = checkedOutUtc;
        CorrectionReason = why;
        Minutes = CreditedMinutes(activity, checkedInUtc, checkedOutUtc);
    }

    /// <summary>Whole minutes of [in, out] that fall inside [start, end]; 0 when they do not overlap. UTC throughout, so midnight and time zones do not matter.</summary>
    public static int CreditedMinutes(Activity activity, DateTime inUtc, DateTime outUtc) =>
        CreditedMinutes(activity.StartUtc, activity.EndUtc, inUtc, outUtc);

    public static int CreditedMinutes(DateTime startUtc, DateTime endUtc, DateTime inUtc, DateTime outUtc)
    {
        var from = inUtc > startUtc ? inUtc : startUtc;
        var to = outUtc < endUtc ? outUtc : endUtc;
        return to <= from ? 0 : (int)Math.Floor((to - from).TotalMinutes);
    }
}
