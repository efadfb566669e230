using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// Receives a table's events (gateways and the bot front end). Calls are one-way and may arrive out of order:
/// order them by <see cref="TableEvent.EventSeq"/> and ask for a snapshot on a gap. Subscriptions expire: re-subscribe.
/// </summary>
[Alias("poker.table-observer")]
public interface ITableObserver : IGrainObserver
{
    /// <summary>One table event, in <see cref="TableEvent.EventSeq"/> order.</summary>
    [Alias("OnTableEvent")]
    [OneWay]
    Task OnTableEvent(TableEvent tableEvent);
}
