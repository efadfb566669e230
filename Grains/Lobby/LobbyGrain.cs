using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Lobby;

/// <summary>
/// One partition of the lobby. Tables report seat and status changes here (not every action), and gateways
/// observe the partitions they show. Ended tables are dropped; private ones are kept but never listed. A change stores
/// its table's entry alone (<see cref="ILobbyStore"/>); the partition keeps every entry in memory to list them.
/// </summary>
public sealed partial class LobbyGrain(
    [PersistentState("lobby", PokerStorage.Name)] IPersistentState<LobbyState> earlier,
    ILobbyStore store,
    ILogger<LobbyGrain> logger) : Grain, ILobbyGrain
{
    /// <summary>Observers that do not re-subscribe within this time are dropped.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(5);

    private readonly ObserverManager<ILobbyObserver> observers = new(SubscriptionExpiry, logger);

    private Dictionary<string, TableSummary> tables = new(StringComparer.Ordinal);

    private long Partition => this.GetPrimaryKeyLong();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (earlier.State.Tables.Count > 0)
        {
            await MoveEarlierEntries();
        }

        tables = (await store.Load(Partition)).ToDictionary(t => t.TableId, StringComparer.Ordinal);
    }

    public async Task Upsert(TableSummary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.Status == TableStatus.Ended)
        {
            await Remove(table.TableId);
            return;
        }

        tables.TryGetValue(table.TableId, out var before);
        if (before == table)
        {
            return;
        }

        await store.Upsert(Partition, table);
        tables[table.TableId] = table;
        if (IsListed(table))
        {
            Notify(o => o.OnTableUpdated(table));
        }
        else if (before is not null && IsListed(before))
        {
            Notify(o => o.OnTableRemoved(table.TableId));
        }
    }

    public async Task Remove(string tableId)
    {
        if (!tables.TryGetValue(tableId, out var before))
        {
            return;
        }

        await store.Remove(Partition, tableId);
        tables.Remove(tableId);
        if (IsListed(before))
        {
            Notify(o => o.OnTableRemoved(tableId));
        }
    }

    public Task<IReadOnlyList<TableSummary>> List() =>
        Task.FromResult<IReadOnlyList<TableSummary>>(tables.Values.Where(IsListed).OrderBy(t => t.TableId, StringComparer.Ordinal).ToList());

    // Ended tables leave on Upsert: what is kept is open.
    public Task<IReadOnlyList<TableSummary>> ListOpen() =>
        Task.FromResult<IReadOnlyList<TableSummary>>(tables.Values.OrderBy(t => t.TableId, StringComparer.Ordinal).ToList());

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

    /// <summary>
    /// An earlier release kept the partition's entries in its grain state: they move to the store, then the state is
    /// cleared. A failure in between leaves the state as it was, and the next activation moves the entries again.
    /// </summary>
    private async Task MoveEarlierEntries()
    {
        var moved = earlier.State.Tables.Count;
        foreach (var table in earlier.State.Tables.Values)
        {
            await store.Upsert(Partition, table);
        }

        await earlier.ClearStateAsync();
        LogMoved(logger, Partition, moved);
    }

    private static bool IsListed(TableSummary table) => !table.IsPrivate && table.Status != TableStatus.Ended;

    // Observer calls are not awaited: a slow or gone gateway must not hold up the tables reporting here.
    private void Notify(Action<ILobbyObserver> notification) => observers.Notify(notification);

    [LoggerMessage(Level = LogLevel.Information, Message = "Lobby partition {Partition} moved {Tables} tables from its grain state to the lobby store")]
    private static partial void LogMoved(ILogger logger, long partition, int tables);
}
