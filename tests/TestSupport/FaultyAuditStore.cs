using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// The audit store in memory, whose next appends fail after <see cref="FailNextAppends"/> as a database that does not
/// answer does (<see cref="StoreUnavailableException"/>), storing nothing; searches always answer.
/// </summary>
public sealed class FaultyAuditStore : IAuditStore
{
    private readonly MemoryAuditStore inner = new();
    private int failing;

    /// <summary>The next <paramref name="count"/> appends fail.</summary>
    public void FailNextAppends(int count = 1) => Volatile.Write(ref failing, count);

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        for (var left = Volatile.Read(ref failing); left > 0; left = Volatile.Read(ref failing))
        {
            if (Interlocked.CompareExchange(ref failing, left - 1, left) == left)
            {
                return Task.FromException(new StoreUnavailableException());
            }
        }

        return inner.AppendAsync(entry, cancellationToken);
    }

    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default) => inner.SearchAsync(query, cancellationToken);
}
