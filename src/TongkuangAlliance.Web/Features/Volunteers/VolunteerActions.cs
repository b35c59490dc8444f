using Microsoft.AspNetCore.DataProtection;
using TongkuangAlliance.Core.Activities;
using TongkuangAlliance.Core.Volunteers;

namespace TongkuangAlliance.Web.Features.Volunteers;

/// <summary>What a check-in or check-out attempt came to (a broken rule throws a <see cref="DomainException"/> instead).</summary>
public enum CheckInResult
{
    CheckedIn,
    AlreadyCheckedIn,
    CheckedOut,
}

/// <summary>
/// The writes shared by the staff pages and the volunteers' own pages: sign-up with capacity and waitlist,
/// withdrawal with promotion, check-in/out. Each saves once.
/// </summary>
public sealed class VolunteerActions(AppDbContext db, TimeProvider clock, IDataProtectionProvider protection)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IDataProtector CodeProtector => protection.CreateProtector("TongkuangAlliance.Volunteers.CheckInCode.v1");

    /// <summary>
    /// The activity's QR code: its id sealed by Data Protection (authenticated encryption with the app's shared keys),
    /// so it cannot be guessed or altered into another activity's code. It names no person.
    /// </summary>
    public string CodeFor(int activityId) => CodeProtector.Protect("activity:" + activityId.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The activity a code is for, or null when the code is not one of ours.</summary>
    public int? ActivityOf(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > 1000) return null;
        try
        {
            var text = CodeProtector.Unprotect(code.Trim());
            return text.StartsWith("activity:", StringComparison.Ordinal) && int.TryParse(text.AsSpan(9), out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// Signs a member up for a service: confirmed while the service has places, otherwise on its waitlist. Counting the
    /// places and taking one happen under a lock on the service's row (see <see cref="LockServiceAsync"/>), so two
    /// sign-ups at once can never both take the last place.
    /// </summary>
    public async Task<ActivitySignUp> SignUpAsync(Activity activity, int activityServiceId, PartyMember member, CancellationToken cancellationToken)
    {
        var service = activity.Services.FirstOrDefault(s => s.Id == activityServiceId) ?? throw new DomainException("Volunteer.InvalidChoice", "ActivityServiceId");
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockServiceAsync(service.Id, cancellationToken);
        var confirmed = await db.ActivitySignUps.CountAsync(s => s.ActivityServiceId == service.Id && s.Status == SignUpStatus.Confirmed, cancellationToken);
        var existing = await db.ActivitySignUps.SingleOrDefaultAsync(s => s.ActivityId == activity.Id && s.PartyMemberId == member.Id, cancellationToken);
        var signUp = ActivitySignUp.SignUp(activity, service, member, confirmed, existing, Now);
        if (existing is null) db.ActivitySignUps.Add(signUp);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return signUp;
    }

    /// <summary>Withdraws a sign-up; a freed place goes to the first on the service's waitlist, in the same save and under the same lock as sign-ups.</summary>
    public async Task WithdrawAsync(ActivitySignUp signUp, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockServiceAsync(signUp.ActivityServiceId, cancellationToken);
        if (signUp.Withdraw())
        {
            var next = await db.ActivitySignUps
                .Where(s => s.ActivityServiceId == signUp.ActivityServiceId && s.Status == SignUpStatus.Waitlisted && s.Id != signUp.Id)
                .OrderBy(s => s.QueuedAtUtc).ThenBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
            if (next is not null)
            {
                var activity = signUp.Activity ?? await db.Activities.SingleAsync(a => a.Id == signUp.ActivityId, cancellationToken);
                next.Promote(activity, Now);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Locks the service's row until the transaction ends, with an UPDATE that changes nothing: PostgreSQL and SQL
    /// Server hold a row lock, SQLite the database's write lock. A second sign-up for the same service waits here
    /// and then counts the places the first one left. (Portable, unlike SELECT … FOR UPDATE or UPDLOCK hints.)
    /// </summary>
    private Task<int> LockServiceAsync(int activityServiceId, CancellationToken cancellationToken) =>
        db.ActivityServices.Where(s => s.Id == activityServiceId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.VolunteersNeeded, s => s.VolunteersNeeded), cancellationToken);

    /// <summary>
    /// Checks in, or checks out when already checked in (QR: the same scan toggles; a second check-in is never a
    /// second record). Two simultaneous scans of one person race to the unique (activity, member) index: the loser
    /// is told "already checked in".
    /// </summary>
    public async Task<CheckInResult> CheckInOrOutAsync(Activity activity, PartyMember member, CheckInSource source, bool checkOut, CancellationToken cancellationToken)
    {
        var existing = await db.CheckIns.SingleOrDefaultAsync(c => c.ActivityId == activity.Id && c.PartyMemberId == member.Id, cancellationToken);
        if (existing is not null)
        {
            if (!checkOut) return CheckInResult.AlreadyCheckedIn;
            existing.Finish(activity, source, Now);
            await db.SaveChangesAsync(cancellationToken);
            return CheckInResult.CheckedOut;
        }
        if (checkOut) throw new DomainException("Volunteer.OutBeforeIn");

        var checkIn = CheckIn.Start(activity, member, source, Now);
        db.CheckIns.Add(checkIn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CheckInResult.CheckedIn;
        }
        catch (DbUpdateException error) when (error.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            if (await db.CheckIns.AnyAsync(c => c.ActivityId == activity.Id && c.PartyMemberId == member.Id, cancellationToken))
                return CheckInResult.AlreadyCheckedIn;
            throw;
        }
    }
}
