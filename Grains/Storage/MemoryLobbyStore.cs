using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The lobby partitions' entries in this process (the embedded default and tests). Like <see cref="MemoryTableJournal"/>
/// it is the silo's own, not the cluster's: memory mode runs one silo. Summaries are immutable, so the instances given
/// are kept as they are.
/// </summary>
public sealed class MemoryLobbyStore : ILobbyStore
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, TableSummary>> partitions = new();

    public Task<IReadOnlyList<TableSummary>> Load(long partition) =>
        Task.FromResult<IReadOnlyList<TableSummary>>(partitions.TryGetValue(partition, out var tables) ? [.. tables.Values] : []);

    public Task Upsert(long partition, TableSummary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Partition(partition)[table.TableId] = table;
        return Task.CompletedTask;
    }

    public Task Remove(long partition, string tableId)
    {
        Partition(partition).TryRemove(tableId, out _);
        return Task.CompletedTask;
    }

    private ConcurrentDictionary<string, TableSummary> Partition(long partition) =>
        partitions.GetOrAdd(partition, static _ => new ConcurrentDictionary<string, TableSummary>(StringComparer.Ordinal));
}
