namespace TongkuangAlliance.IntegrationTests.Features.ScaleOut;

/// <summary>
/// Behind a reverse proxy on the same machine (loopback: trusted by default) the app sees the client's own
/// address and scheme from X-Forwarded-For / X-Forwarded-Proto. A real Kestrel port, so the connection really
/// comes from 127.0.0.1.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private readonly KestrelPortal _portal = new();

    [Fact]
    public async Task The_request_log_names_the_forwarded_client_and_scheme()
    {
        _portal.StartServer();
        using var http = new HttpClient { BaseAddress = _portal.ClientOptions.BaseAddress };

        using (var request = new HttpRequestMessage(HttpMethod.Get, "/health?proxied"))
        {
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        using (var direct = await http.GetAsync("/health?direct")) Assert.Equal(HttpStatusCode.OK, direct.StatusCode);

        var log = await LogFiles.WaitForAsync(_portal.WorkDirectory, "/health responded");
        var lines = log.Split('\n');
        Assert.Contains(lines, l => l.Contains("GET /health responded 200", StringComparison.Ordinal) && l.Contains("(https from 203.0.113.7)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("GET /health responded 200", StringComparison.Ordinal) && l.Contains("(http from 127.0.0.1)", StringComparison.Ordinal));
    }

    public void Dispose() => _portal.Dispose();

    private sealed class KestrelPortal : PortalFactory
    {
        public KestrelPortal() => UseKestrel(0);
    }
}
