using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TongkuangAlliance.UnitTests.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) listening on a free local port inside the test process; it keeps
/// every message it receives, parsed with MimeKit. <see cref="Stop"/> and <see cref="Start"/> take it down and bring
/// it back on the same port.
/// </summary>
public sealed class TestSmtpServer : IDisposable
{
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;

    public TestSmtpServer()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false)).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(Received));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _ = _server.StartAsync(_stop.Token);
        // Wait until it accepts connections.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(20);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start.");
    }

    public void Stop()
    {
        if (_server is null) return;
        _stop!.Cancel();
        _server.Shutdown();
        _server.ShutdownTask.Wait(TimeSpan.FromSeconds(10));
        _server = null;
        _stop.Dispose();
    }

    public void Dispose() => Stop();

    private sealed class Store(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream();
            foreach (var memory in buffer) stream.Write(memory.Span);
            stream.Position = 0;
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

/// <summary>A logger that keeps what it was told, to assert on the log.</summary>
public sealed class ListLogger<T> : Microsoft.Extensions.Logging.ILogger<T>
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue($"{logLevel}: {formatter(state, exception)}");
}
