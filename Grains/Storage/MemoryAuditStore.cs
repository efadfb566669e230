using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The audit log in process memory: the embedded default and the tests.</summary>
public sealed class MemoryAuditStore : IAuditStore
{
    private readonly List<AuditEntry> _entries = [];

    public Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_entries)
        {
            if (!_entries.Contains(entry))
            {
                _entries.Add(entry);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_entries)
        {
            IReadOnlyList<AuditEntry> page = _entries.Where(query.Matches).Reverse().OrderByDescending(e => e.At)
                .Skip(query.Skip).Take(query.Take).ToList();
            return Task.FromResult(page);
        }
    }
}
