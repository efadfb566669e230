using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The lobby partitions' table summaries, one entry per table: a change to a table's summary stores that entry alone.
/// (A partition's grain state held all its summaries and was written whole on every change, so creating n tables cost
/// O(n²).) The partition keeps its entries in memory to list them and loads them here when it activates, outside any
/// grain call: a database failure surfaces as <see cref="Interfaces.Common.StoreUnavailableException"/> from every method.
/// </summary>
public interface ILobbyStore
{
    /// <summary>Every entry of <paramref name="partition"/>, in no particular order.</summary>
    Task<IReadOnlyList<TableSummary>> Load(long partition);

    /// <summary>Stores <paramref name="table"/> as its table's entry in <paramref name="partition"/> (added or replaced), durable when the task completes.</summary>
    Task Upsert(long partition, TableSummary table);

    /// <summary>Removes the entry of <paramref name="tableId"/> from <paramref name="partition"/> if there is one, durable when the task completes.</summary>
    Task Remove(long partition, string tableId);
}
