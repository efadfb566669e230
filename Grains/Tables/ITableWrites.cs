using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tables;

/// <summary>The table grain's writes, as the classes beside it (<see cref="TableFlow"/>, <see cref="TableTransfers"/>) use them.</summary>
public interface ITableWrites
{
    /// <summary>Writes the state (the engine hand with it); a failed write deactivates the grain so nothing unstored survives.</summary>
    Task Persist();

    /// <summary>Records one event: counts it, persists (the change is acknowledged only once stored), then publishes it.</summary>
    Task Commit(TableEventKind kind, string description, HandResult? result = null);
}
