using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Lobby;

/// <summary>
/// One partition of the lobby. Tables report seat and status changes here (not every action), and gateways
/// observe the partitions they show. Ended tables are dropped; private ones are kept but never listed.
/// </summary>
public sealed class LobbyGrain(
    [PersistentState("lobby", PokerStorage.Name)] IPersistentState<LobbyState> store,
    ILogger<LobbyGrain> logger) : Grain, ILobbyGrain
{
    /// <summary>Observers that do not re-subscribe within this time are dropped.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<ILobbyObserver> observers = new(SubscriptionExpiry, logger);

    private Dictionary<string, TableSummary> Tables => store.State.Tables;

    public async Task Upsert(TableSummary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var wasListed = Tables.TryGetValue(table.TableId, out var before) && IsListed(before);
        if (table.Status == TableStatus.Ended)
        {
            Tables.Remove(table.TableId);
        }
        else if (before == table)
        {
            return;
        }
        else
        {
            Tables[table.TableId] = table;
        }

        await store.WriteStateAsync();
        if (IsListed(table))
        {
            Notify(o => o.OnTableUpdated(table));
        }
        else if (wasListed)
        {
            Notify(o => o.OnTableRemoved(table.TableId));
        }
    }

    public async Task Remove(string tableId)
    {
        if (!Tables.Remove(tableId, out var before))
        {
            return;
        }

        await store.WriteStateAsync();
        if (IsListed(before))
        {
            Notify(o => o.OnTableRemoved(tableId));
        }
    }

    public Task<IReadOnlyList<TableSummary>> List() =>
        Task.FromResult<IReadOnlyList<TableSummary>>(Tables.Values.Where(IsListed).OrderBy(t => t.TableId, StringComparer.Ordinal).ToList());

    // Ended tables leave on Upsert: what is kept is open.
    public Task<IReadOnlyList<TableSummary>> ListOpen() =>
        Task.FromResult<IReadOnlyList<TableSummary>>(Tables.Values.OrderBy(t => t.TableId, StringComparer.Ordinal).ToList());

    public Task Subscribe(ILobbyObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ILobbyObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private static bool IsListed(TableSummary table) => !table.IsPrivate && table.Status != TableStatus.Ended;

    // Observer calls are not awaited: a slow or gone gateway must not hold up the tables reporting here.
    private void Notify(Action<ILobbyObserver> notification) => observers.Notify(notification);
}
