using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TongkuangAlliance.IntegrationTests.Notifications.Channels;

/// <summary>What the listener received: the request as it arrived on the wire.</summary>
public sealed record ReceivedRequest(
    string Method,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string> Query,
    string? ContentType,
    string? OriginalHost,
    string Body);

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) standing in for a provider: it records every request and
/// answers what <see cref="Respond"/> says — which is where a test checks the documented request format and
/// signature, as the provider would, and answers as the provider documents.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    /// <summary>Set by <see cref="RedirectToListener"/>: the host the channel meant to reach.</summary>
    public const string OriginalHostHeader = "X-Original-Host";

    private readonly WebApplication _app;

    private FakeProviderServer(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedRequest> Received { get; } = new();

    /// <summary>The answer to a request: status and JSON body. Default: 200 with an empty object.</summary>
    public Func<ReceivedRequest, CancellationToken, Task<(int Status, string Body)>> Respond { get; set; } =
        (_, _) => Task.FromResult((200, "{}"));

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<FakeProviderServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeProviderServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new ReceivedRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            context.Request.ContentType,
            context.Request.Headers[OriginalHostHeader].FirstOrDefault(),
            body);
        Received.Enqueue(request);
        int status;
        string answer;
        try
        {
            (status, answer) = await Respond(request, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return; // the client gave up (a timeout test)
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(answer, context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>
/// Test-only: sends what the robot channel posts to https://qyapi.weixin.qq.com/… or https://oapi.dingtalk.com/… to
/// the local listener instead, path and query unchanged, and says in a header which host it was meant for. Production
/// has no such handler, so the channel there reaches only addresses RobotAddress accepts.
/// </summary>
public sealed class RedirectToListener(Uri listener) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var original = request.RequestUri!;
        request.Headers.Add(FakeProviderServer.OriginalHostHeader, original.Host);
        request.RequestUri = new UriBuilder(original) { Scheme = listener.Scheme, Host = listener.Host, Port = listener.Port }.Uri;
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Keeps every log line written, formatted, to check that no secret reaches a log.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Lines.Enqueue(formatter(state, exception) + " " + exception);
    }
}
