using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's events to its observers (the gateways and the bot): each stored event with the public view it leaves
/// and every player's private view; a gateway hands each private view only to its owner. Subscriptions expire unless
/// renewed, so an observer that went away is dropped.
/// </summary>
/// <param name="tableId">The table.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableObservers(string tableId, TableState state, ILogger logger)
{
    private readonly ObserverManager<ITableObserver> manager = new(TimeSpan.FromMinutes(5), logger);

    /// <summary>Adds an observer, or renews its subscription.</summary>
    public void Subscribe(ITableObserver observer) => manager.Subscribe(observer, observer);

    public void Unsubscribe(ITableObserver observer) => manager.Unsubscribe(observer);

    /// <summary>The observers subscribed now (Orleans carries them along when it migrates the table).</summary>
    public ITableObserver[] All => [.. manager];

    /// <summary>Tells the observers about the event just stored (its sequence number and version are the state's).</summary>
    public async Task Publish(TableEventKind kind, string description, HandResult? result, Hand? hand)
    {
        if (manager.Count > 0)
        {
            var stored = new TableEvent(tableId, state.EventSeq, state.TableVersion, kind, description,
                TableProjection.View(state, hand, tableId), TableProjection.PrivateViews(state, hand), result);
            await manager.Notify(o => o.OnTableEvent(stored));
        }
    }
}
