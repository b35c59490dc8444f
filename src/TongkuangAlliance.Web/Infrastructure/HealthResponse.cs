using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TongkuangAlliance.Web.Infrastructure;

/// <summary>/health answers JSON: the overall status and each check's (the database among them). No secrets, no data.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalMilliseconds = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), milliseconds = Math.Round(e.Value.Duration.TotalMilliseconds, 1) }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
