using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PeaceTalks.Web.Tests.Infrastructure;

/// <summary>
/// Holds back the next database query that matches a condition until the test releases it: a slow query on demand,
/// without a timed sleep. The held query ignores cancellation, like a query already on its way.
/// </summary>
public sealed class HeldCommands : DbCommandInterceptor
{
    private readonly Lock _lock = new();
    private Func<DbCommand, bool>? _match;
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once a matching query is being held.</summary>
    public Task Held => _held.Task;

    /// <summary>Whether the held query's caller had cancelled it by the time it was released.</summary>
    public bool CancelledWhileHeld { get; private set; }

    public void HoldNext(Func<DbCommand, bool> match)
    {
        lock (_lock)
        {
            _match = match;
            _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release() => _release.TrySetResult();

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Task? wait = null;
        lock (_lock)
        {
            if (_match is not null && _match(command))
            {
                _match = null;
                wait = _release.Task;
                _held.TrySetResult();
            }
        }
        if (wait is not null)
        {
            await wait;
            CancelledWhileHeld = cancellationToken.IsCancellationRequested;
        }
        return result;
    }

    /// <summary>Whether a parameter holds the value: SQLite gets a list as one JSON text, PostgreSQL as an array.</summary>
    public static bool HasParameter(DbCommand command, string value) =>
        command.Parameters.Cast<DbParameter>().Any(p => p.Value switch
        {
            string s => s.Contains(value, StringComparison.Ordinal),
            IEnumerable<string> list => list.Contains(value),
            _ => false,
        });
}
