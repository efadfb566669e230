using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's events to its observers: each stored event with the public view it leaves and every player's private
/// view, to the bot as objects (<see cref="ITableObserver"/>) and to the gateways serialized once as the table hub sends
/// them (<see cref="ITableFeedObserver"/>); a gateway hands each private part only to its owner. Subscriptions expire
/// unless renewed, so an observer that went away is dropped.
/// </summary>
/// <param name="tableId">The table.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableObservers(string tableId, TableState state, ILogger logger)
{
    private const string ObserversKey = "table.observers";
    private const string FeedsKey = "table.feed-observers";
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(5);
    private readonly ObserverManager<ITableObserver> manager = new(Expiry, logger);
    private readonly ObserverManager<ITableFeedObserver> feeds = new(Expiry, logger);

    /// <summary>Adds an observer, or renews its subscription.</summary>
    public void Subscribe(ITableObserver observer) => manager.Subscribe(observer, observer);

    /// <summary>Adds a gateway's observer, or renews its subscription.</summary>
    public void Subscribe(ITableFeedObserver observer) => feeds.Subscribe(observer, observer);

    public void Unsubscribe(ITableObserver observer) => manager.Unsubscribe(observer);

    public void Unsubscribe(ITableFeedObserver observer) => feeds.Unsubscribe(observer);

    /// <summary>The observers subscribed now, for the activation that replaces this one when Orleans migrates the table.</summary>
    public void CarryTo(IDehydrationContext context)
    {
        context.TryAddValue(ObserversKey, manager.ToArray());
        context.TryAddValue(FeedsKey, feeds.ToArray());
    }

    /// <summary>What the activation this one replaces carried (<see cref="CarryTo"/>), to <see cref="Subscribe(Carried)"/> on activation.</summary>
    public static Carried CarriedIn(IRehydrationContext context) => new(
        context.TryGetValue<ITableObserver[]>(ObserversKey, out var observers) && observers is not null ? observers : [],
        context.TryGetValue<ITableFeedObserver[]>(FeedsKey, out var gateways) && gateways is not null ? gateways : []);

    /// <summary>Subscribes the observers an earlier activation carried.</summary>
    public void Subscribe(Carried carried)
    {
        foreach (var observer in carried.Observers)
        {
            Subscribe(observer);
        }

        foreach (var observer in carried.Feeds)
        {
            Subscribe(observer);
        }
    }

    /// <summary>Tells the observers about the event just stored (its sequence number and version are the state's).</summary>
    public async Task Publish(TableEventKind kind, string description, HandResult? result, Hand? hand)
    {
        if (manager.Count == 0 && feeds.Count == 0)
        {
            return;
        }

        var stored = new TableEvent(tableId, state.EventSeq, state.TableVersion, kind, description,
            TableProjection.View(state, hand, tableId), TableProjection.PrivateViews(state, hand), result);
        if (feeds.Count > 0)
        {
            var serialized = TableFeedEvent.From(stored);
            await feeds.Notify(o => o.OnTableFeed(serialized));
        }

        if (manager.Count > 0)
        {
            await manager.Notify(o => o.OnTableEvent(stored));
        }
    }

    /// <summary>The observers an activation carried to the one that replaces it.</summary>
    public sealed record Carried(ITableObserver[] Observers, ITableFeedObserver[] Feeds)
    {
        public static Carried None { get; } = new([], []);
    }
}
