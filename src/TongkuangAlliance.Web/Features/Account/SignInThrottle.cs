using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace TongkuangAlliance.Web.Features.Account;

/// <summary>
/// Settings of sign-in throttling (section "SignIn"). Wrong passwords are slowed down per (account, client
/// address): after <see cref="FailuresBeforeDelay"/> failures from one address, each further attempt on that account
/// from that address waits <see cref="FirstDelaySeconds"/>, then twice as long after each further failure, up to
/// <see cref="MaxDelaySeconds"/>. The account itself locks only after <see cref="FailuresBeforeLock"/> failures from
/// all addresses together (a successful sign-in starts the count again), for <see cref="LockMinutes"/>.
/// </summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "SignIn";

    public int FailuresBeforeDelay { get; set; } = 3;
    public int FirstDelaySeconds { get; set; } = 5;
    public int MaxDelaySeconds { get; set; } = 900;
    public int FailuresBeforeLock { get; set; } = 50;
    public int LockMinutes { get; set; } = 15;
}

/// <summary>
/// The per-(account, address) delays of <see cref="SignInThrottleOptions"/>, kept in memory (one instance's view: an
/// attacker spread over instances is still slowed on each, and the account lock, in the database, counts them all).
/// An attempt inside its delay is refused before the password is checked, so guessing stays slow whatever the
/// password. Unknown user names are throttled like known ones, so the answer says nothing of which exist.
/// </summary>
public sealed class SignInThrottle(IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Forget = TimeSpan.FromDays(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new();

    private sealed class Entry
    {
        public int Failures { get; set; }
        public DateTimeOffset LastFailure { get; set; }
        public DateTimeOffset BlockedUntil { get; set; }
    }

    /// <summary>How long the attempt must still wait; null when it may be checked now.</summary>
    public TimeSpan? Wait(string userName, IPAddress? address)
    {
        if (!_entries.TryGetValue(Key(userName, address), out var entry)) return null;
        lock (entry)
        {
            var left = entry.BlockedUntil - clock.GetUtcNow();
            return left > TimeSpan.Zero ? left : null;
        }
    }

    /// <summary>Counts a wrong password; from the threshold on, the next attempt waits, twice as long each time.</summary>
    public void Failed(string userName, IPAddress? address)
    {
        var now = clock.GetUtcNow();
        if (_entries.Count > 50_000) Prune(now);
        var entry = _entries.GetOrAdd(Key(userName, address), _ => new Entry());
        var o = options.Value;
        lock (entry)
        {
            if (now - entry.LastFailure > Forget) entry.Failures = 0;
            entry.Failures++;
            entry.LastFailure = now;
            var over = entry.Failures - Math.Max(1, o.FailuresBeforeDelay);
            if (over < 0) return;
            var seconds = Math.Min(Math.Max(1, o.MaxDelaySeconds), Math.Max(1, o.FirstDelaySeconds) * Math.Pow(2, Math.Min(over, 30)));
            entry.BlockedUntil = now + TimeSpan.FromSeconds(seconds);
        }
    }

    /// <summary>A right password from this address: its count starts again.</summary>
    public void Succeeded(string userName, IPAddress? address) => _entries.TryRemove(Key(userName, address), out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
            if (now - entry.LastFailure > Forget && entry.BlockedUntil < now) _entries.TryRemove(key, out _);
    }

    private static string Key(string userName, IPAddress? address) =>
        $"{userName.Trim().ToUpperInvariant()}|{(address ?? IPAddress.None)}";
}

public static class SignInThrottleRegistration
{
    /// <summary>The throttle, and Identity's lockout set from the same settings (the account lock is the high, last resort).</summary>
    public static IServiceCollection AddSignInThrottle(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInThrottleOptions>(configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInThrottle>();
        services.AddOptions<IdentityOptions>().PostConfigure<IOptions<SignInThrottleOptions>>((identity, throttle) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = Math.Max(1, throttle.Value.FailuresBeforeLock);
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(Math.Max(1, throttle.Value.LockMinutes));
        });
        return services;
    }
}
