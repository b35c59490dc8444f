using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TongkuangAlliance.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands EF Core executes against one database file (other test hosts in the process
/// use other files, so their commands are not counted).
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _databasePath;
    private readonly IDisposable _subscription;
    private readonly List<IDisposable> _listeners = [];
    private int _count;

    public QueryCounter(string databasePath)
    {
        _databasePath = databasePath;
        _subscription = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == DbLoggerCategory.Name)
            lock (_listeners) _listeners.Add(value.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name
            && value.Value is CommandExecutedEventData data
            && data.Command.Connection?.ConnectionString.Contains(_databasePath, StringComparison.Ordinal) == true)
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void OnCompleted() { }

    public void OnError(Exception error) { }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners) _listeners.ForEach(l => l.Dispose());
    }
}
