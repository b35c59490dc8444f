using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// The test server has no network, so every request comes from no address. A test that needs clients at different
/// addresses (rate limits, sign-in throttling) names one in the <see cref="Header"/> header; this startup filter,
/// registered by the test host only, makes it the connection's remote address before the app's own middleware
/// runs. The app itself trusts no such header.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                context.Connection.RemoteIpAddress = address;
            return nextMiddleware(context);
        });
        next(app);
    };
}
