using System.Net;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TongkuangAlliance.Web.Features.Residents;

/// <summary>
/// Settings of the residents' channel (section "ResidentChannel"), per client address and window: how many
/// submissions may be ACCEPTED (rejected, invalid forms do not count), how many posts of the form there may be at
/// all (accepted or not, against abuse; never fewer than the accepted allowance), and how many status look-ups.
/// Tests set them low (or high) through configuration.
/// </summary>
public sealed class ResidentChannelOptions
{
    public const string Section = "ResidentChannel";

    public int SubmitPermitLimit { get; set; } = 5;
    public int PostPermitLimit { get; set; } = 30;
    public int LookupPermitLimit { get; set; } = 20;
    public int WindowMinutes { get; set; } = 10;

    /// <summary>The portal's public address for the QR codes (e.g. https://tk.example.cn) when it sits behind a proxy; empty: the request's own.</summary>
    public string? PublicBaseUrl { get; set; }
}

public static partial class ResidentChannel
{
    public const string SubmitPolicy = "resident-submit";
    public const string LookupPolicy = "resident-lookup";

    /// <summary>
    /// The built-in rate limiter, partitioned by client address: a fixed window per address for all posts of the
    /// form and another for status look-ups; the allowance of accepted submissions is <see cref="ResidentAllowance"/>.
    /// A refused request answers 429, which the status-code pages turn into a polite, localized page
    /// (ErrorController) — the refused form is not processed, so nothing is stored.
    /// </summary>
    public static IServiceCollection AddResidentChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ResidentChannelOptions>(configuration.GetSection(ResidentChannelOptions.Section));
        services.AddSingleton<ResidentAllowance>();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SubmitPolicy, context => Partition(context, "submit", opts => Math.Max(opts.PostPermitLimit, opts.SubmitPermitLimit)));
            o.AddPolicy(LookupPolicy, context => Partition(context, "lookup", opts => opts.LookupPermitLimit));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string kind, Func<ResidentChannelOptions, int> limit)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ResidentChannelOptions>>().Value;
        var address = context.Connection.RemoteIpAddress ?? IPAddress.None;
        return RateLimitPartition.GetFixedWindowLimiter($"{kind}:{address}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit(options)),
            Window = TimeSpan.FromMinutes(Math.Max(1, options.WindowMinutes)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    // ---- obvious abuse -------------------------------------------------------------------------------------

    [GeneratedRegex(@"(https?:|ftp:|www\.|\b[a-z0-9-]+\.(com|cn|net|org|top|xyz|info|io|cc)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkLike();

    [GeneratedRegex(@"<\s*/?\s*[a-z!]|javascript:|on[a-z]+\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MarkupLike();

    /// <summary>
    /// The resource key of what is wrong with a resident's free text, or null when it reads like a message:
    /// it must hold letters (Chinese characters count), not just one character repeated, and no links or markup.
    /// </summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null; // "required" is the input model's message
        var visible = text.Where(c => !char.IsWhiteSpace(c)).ToList();
        if (!visible.Any(char.IsLetter)) return "Residents.Junk";
        if (visible.Distinct().Count() == 1 && visible.Count > 1) return "Residents.Junk";
        if (LinkLike().IsMatch(text)) return "Residents.NoLinks";
        if (MarkupLike().IsMatch(text)) return "Residents.NoMarkup";
        return null;
    }

    /// <summary>A case title from the resident's description: its first line, cut to a readable length.</summary>
    public static string TitleFrom(string description)
    {
        var firstLine = description.Trim().Split('\n', 2)[0].Trim();
        var info = new StringInfo(firstLine);
        return info.LengthInTextElements <= 30 ? firstLine : info.SubstringByTextElements(0, 30) + "…";
    }
}
