using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// Relays table events to this process's own SignalR connections: one <see cref="TableFeed"/> (one observer
/// subscription) per table with local viewers, renewed periodically and when a cluster connection closed (see
/// <see cref="TableFeed.Renew"/>), dropped with its last viewer. Each
/// gateway delivers only to its local connections, so scaled-out gateways never deliver an event twice. A player's first
/// connection to a table and their last one leaving are reported to the table's presence (<see cref="PresenceReporter"/>):
/// a player connected to a table is not pinged for their turns there.
/// </summary>
public sealed partial class TableRelay(
    IGrainFactory grains, IHubContext<TableHub> hub, PokerOptions options, TimeProvider time, RelayMetrics metrics,
    PresenceReporter presence, ILogger<TableRelay> logger, ClusterConnectionWatch? connection = null)
    : BackgroundService
{
    /// <summary>A new connection's watch of a table its player left within this time counts as a reconnect.</summary>
    public static readonly TimeSpan ReconnectWindow = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 100_000;

    private readonly Lock gate = new();
    private readonly Dictionary<string, TableFeed> feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> watching = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> players = new(StringComparer.Ordinal);

    // Per player and table: connections watching it now, and when the last one stopped (for reconnects).
    private readonly Dictionary<(long Player, string Table), PlayerWatch> watches = [];
    private bool gaugeAdded;

    /// <summary>Tables with at least one local viewer (one subscription each).</summary>
    public int ActiveTables
    {
        get
        {
            lock (gate)
            {
                return feeds.Count;
            }
        }
    }

    /// <summary>Snapshot resyncs performed so far by live feeds.</summary>
    public long Resyncs
    {
        get
        {
            lock (gate)
            {
                return feeds.Values.Sum(f => f.Resyncs);
            }
        }
    }

    /// <summary>Times live feeds caught a lagging connection up with a snapshot.</summary>
    public long Lagged
    {
        get
        {
            lock (gate)
            {
                return feeds.Values.Sum(f => f.Lagged);
            }
        }
    }

    /// <summary>Adds a viewer: subscribes on the first one, then sends the viewer its snapshot; events follow in order.</summary>
    public async Task Watch(string connectionId, long playerId, string tableId)
    {
        TableFeed feed;
        lock (gate)
        {
            if (!gaugeAdded)
            {
                gaugeAdded = true;
                metrics.ObserveWatchedTables(() => ActiveTables);
            }

            if (!watching.TryGetValue(connectionId, out var tables))
            {
                watching[connectionId] = tables = new HashSet<string>(StringComparer.Ordinal);
            }

            if (tables.Count >= MaxTablesPerConnection && !tables.Contains(tableId))
            {
                throw new Grains.Interfaces.Common.PokerException("too_many_tables", $"A connection may watch at most {MaxTablesPerConnection} tables");
            }

            if (!feeds.TryGetValue(tableId, out feed!))
            {
                feeds[tableId] = feed = new TableFeed(tableId, grains, hub, options.Gateway.GapTimeout, time, metrics, logger);
            }

            if (tables.Add(tableId))
            {
                feed.References++;
                players[connectionId] = playerId;
                CountWatch(playerId, tableId);
            }
        }

        try
        {
            await feed.AddViewer(connectionId, playerId);
        }
        catch
        {
            Unwatch(connectionId, tableId);
            throw;
        }
    }

    /// <summary>
    /// The table's grain: its feed's reference when this gateway watches the table, else a new one (Orleans reads the
    /// interface's attributes for every new reference: 3.5 % of a busy gateway's CPU when each action made one).
    /// </summary>
    public ITableGrain Table(string tableId)
    {
        lock (gate)
        {
            if (feeds.TryGetValue(tableId, out var feed))
            {
                return feed.Table;
            }
        }

        return grains.GetGrain<ITableGrain>(tableId);
    }

    /// <summary>Most tables one connection watches at once.</summary>
    public const int MaxTablesPerConnection = 16;

    /// <summary>Sends a fresh snapshot in order with the events; false when the connection does not watch the table.</summary>
    public async Task<bool> Snapshot(string connectionId, string tableId)
    {
        TableFeed? feed;
        lock (gate)
        {
            if (!watching.TryGetValue(connectionId, out var tables) || !tables.Contains(tableId) || !feeds.TryGetValue(tableId, out feed))
            {
                return false;
            }
        }

        await feed.SendSnapshot(connectionId);
        return true;
    }

    /// <summary>Removes a viewer; the last one ends the subscription.</summary>
    public void Unwatch(string connectionId, string tableId)
    {
        lock (gate)
        {
            if (!watching.TryGetValue(connectionId, out var tables) || !tables.Remove(tableId))
            {
                return;
            }

            if (tables.Count == 0)
            {
                watching.Remove(connectionId);
            }

            Release(connectionId, tableId);
            if (!watching.ContainsKey(connectionId))
            {
                players.Remove(connectionId);
            }
        }
    }

    /// <summary>A connection closed: removes it from every table it watched.</summary>
    public void Disconnected(string connectionId)
    {
        lock (gate)
        {
            if (!watching.Remove(connectionId, out var tables))
            {
                return;
            }

            foreach (var tableId in tables)
            {
                Release(connectionId, tableId);
            }

            players.Remove(connectionId);
        }
    }

    /// <summary>
    /// Every feed renews its subscription and catches up with its table (<see cref="TableFeed.Renew"/>): periodically,
    /// and when a cluster gateway connection of this process closed (a silo left; table events routed through it may
    /// be lost).
    /// </summary>
    public void RenewFeeds()
    {
        lock (gate)
        {
            foreach (var feed in feeds.Values)
            {
                feed.Renew();
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Without a cluster client (the silo co-hosts the gateway) there are no gateway connections to lose.
        using var missed = connection?.OnMaybeMissed(RenewFeeds);

        // Grain observer subscriptions expire after five minutes: renew every feed well before that (and catch up
        // with a table whose last events were lost).
        using var timer = new PeriodicTimer(options.Gateway.ResubscribeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RenewFeeds();
                lock (gate)
                {
                    ForgetOldWatches();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        List<TableFeed> stopping;
        lock (gate)
        {
            stopping = [.. feeds.Values];
            feeds.Clear();
            watching.Clear();
        }

        foreach (var feed in stopping)
        {
            feed.Stop();
        }

        await Task.WhenAll(stopping.Select(f => f.Completion)).WaitAsync(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await base.StopAsync(cancellationToken);
    }

    /// <summary>A connection starts watching: a reconnect when its player watches the table on another connection or left it lately.</summary>
    private void CountWatch(long playerId, string tableId)
    {
        var key = (playerId, tableId);
        if (watches.TryGetValue(key, out var before) && (before.Live > 0 || time.GetUtcNow() - before.LeftAt <= ReconnectWindow))
        {
            metrics.Reconnected();
        }

        if (before.Live <= 0)
        {
            presence.Entered(playerId, tableId);
        }

        if (watches.Count >= MaxRemembered && !watches.ContainsKey(key))
        {
            ForgetOldWatches();
        }

        watches[key] = before with { Live = before.Live + 1 };
    }

    private void ForgetOldWatches()
    {
        var now = time.GetUtcNow();
        foreach (var (key, watch) in watches.Where(w => w.Value.Live <= 0 && now - w.Value.LeftAt > ReconnectWindow).ToList())
        {
            watches.Remove(key);
        }
    }

    private void Release(string connectionId, string tableId)
    {
        if (players.TryGetValue(connectionId, out var playerId) && watches.TryGetValue((playerId, tableId), out var watch))
        {
            watches[(playerId, tableId)] = new PlayerWatch(Math.Max(0, watch.Live - 1), time.GetUtcNow());
            if (watch.Live == 1)
            {
                presence.Left(playerId, tableId);
            }
        }

        if (!feeds.TryGetValue(tableId, out var feed))
        {
            return;
        }

        feed.RemoveViewer(connectionId);
        if (--feed.References <= 0)
        {
            feeds.Remove(tableId);
            feed.Stop();
            LogStopped(logger, tableId);
        }
    }

    private readonly record struct PlayerWatch(int Live, DateTimeOffset LeftAt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Table {TableId} has no local viewers: unsubscribed")]
    private static partial void LogStopped(ILogger logger, string tableId);
}
