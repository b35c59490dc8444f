using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace TongkuangAlliance.Web.Features.Residents;

/// <summary>
/// How many submissions one client address has had ACCEPTED in the current window (ResidentChannel:SubmitPermitLimit
/// per WindowMinutes). A post reserves a place before it is processed and gives it back when it is refused (an
/// empty or invalid form), so only accepted submissions use up the allowance. All posts, accepted or not, are
/// limited separately and more loosely by the rate limiter (PostPermitLimit), against abuse.
/// </summary>
public sealed class ResidentAllowance(IOptions<ResidentChannelOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new();

    private sealed class Window(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;
        public int Used { get; set; }
    }

    /// <summary>Takes one place in the address's window; false when the accepted submissions already fill it.</summary>
    public bool TryReserve(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        var length = TimeSpan.FromMinutes(Math.Max(1, options.Value.WindowMinutes));
        if (_windows.Count > 10_000) Prune(now, length);
        var window = _windows.AddOrUpdate(Key(address), _ => new Window(now), (_, w) => now - w.Start >= length ? new Window(now) : w);
        lock (window)
        {
            if (window.Used >= Math.Max(1, options.Value.SubmitPermitLimit)) return false;
            window.Used++;
            return true;
        }
    }

    /// <summary>Gives back the place of a post that was not accepted.</summary>
    public void Release(IPAddress? address)
    {
        if (!_windows.TryGetValue(Key(address), out var window)) return;
        lock (window) window.Used = Math.Max(0, window.Used - 1);
    }

    private void Prune(DateTimeOffset now, TimeSpan length)
    {
        foreach (var (key, window) in _windows)
            if (now - window.Start >= length) _windows.TryRemove(key, out _);
    }

    private static string Key(IPAddress? address) => (address ?? IPAddress.None).ToString();
}
