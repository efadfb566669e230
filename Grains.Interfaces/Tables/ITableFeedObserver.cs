using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// Receives a table's events serialized as the table hub sends them (the gateways: <see cref="TableFeedEvent"/>).
/// Calls are one-way and may arrive out of order: order them by <see cref="TableFeedEvent.EventSeq"/> and ask for a
/// snapshot on a gap. Subscriptions expire: subscribe again (<see cref="ITableGrain.SubscribeFeed"/>).
/// </summary>
[Alias("poker.table-feed-observer")]
public interface ITableFeedObserver : IGrainObserver
{
    /// <summary>One table event, in <see cref="TableFeedEvent.EventSeq"/> order.</summary>
    [Alias("OnTableFeed")]
    [OneWay]
    Task OnTableFeed(TableFeedEvent feedEvent);
}
