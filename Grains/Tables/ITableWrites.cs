using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tables;

/// <summary>The table grain's writes, as the classes beside it (<see cref="TableFlow"/>, <see cref="TableTransfers"/>) use them.</summary>
public interface ITableWrites
{
    /// <summary>
    /// Stores the state's next version: just <paramref name="move"/> in the table's journal when it is one, else the
    /// whole state (the engine hand with it). A failed write deactivates the grain so nothing unstored survives.
    /// </summary>
    Task Persist(TableMove? move = null);

    /// <summary>Records one event: counts it, persists (the change is acknowledged only once stored), then publishes it.</summary>
    Task Commit(TableEventKind kind, string description, HandResult? result = null, TableMove? move = null);
}
