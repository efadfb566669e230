using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Orleans.Poker.Gateway.Api;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// Relays lobby changes to this process's own lobby-hub connections: one <see cref="ILobbyObserver"/> subscribed to
/// every lobby partition while there are local connections, renewed periodically. Each change is serialized once and
/// queued per connection (<see cref="ConnectionQueue"/>): a connection that stopped reading delays nobody else, and
/// once it drains it gets the whole list again.
/// </summary>
public sealed partial class LobbyRelay(
    IGrainFactory grains, IHubContext<LobbyHub> hub, IOptions<JsonHubProtocolOptions> protocol, PokerOptions options, TimeProvider time, RelayMetrics metrics,
    ILogger<LobbyRelay> logger, ClusterConnectionWatch? connection = null)
    : BackgroundService, ILobbyObserver
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, ConnectionQueue> connections = new(StringComparer.Ordinal);
    private readonly Channel<Func<Task>> outbox = Channel.CreateUnbounded<Func<Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim subscribing = new(1, 1);
    private ILobbyObserver? reference;

    /// <summary>Local lobby connections.</summary>
    public int Connections
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    /// <summary>Registers a connection and makes sure the partitions are observed.</summary>
    public async Task Connected(string connectionId)
    {
        lock (gate)
        {
            connections[connectionId] = new ConnectionQueue(hub.Clients, connectionId, metrics, logger);
        }

        if (reference is null)
        {
            await Subscribe();
        }
    }

    public void Disconnected(string connectionId)
    {
        lock (gate)
        {
            connections.Remove(connectionId);
        }
    }

    public Task OnTableUpdated(TableSummary table)
    {
        if (!table.IsPrivate)
        {
            outbox.Writer.TryWrite(() => Broadcast(LobbyHub.TableUpdatedMethod, table));
        }

        return Task.CompletedTask;
    }

    public Task OnTableRemoved(string tableId)
    {
        outbox.Writer.TryWrite(() => Broadcast(LobbyHub.TableRemovedMethod, tableId));
        return Task.CompletedTask;
    }

    /// <summary>
    /// Changes may have been lost (a cluster gateway connection of this process closed): subscribes again and sends
    /// every connection the whole list, in order with the changes that follow.
    /// </summary>
    public void CheckMissed() => outbox.Writer.TryWrite(async () =>
    {
        if (Connections == 0)
        {
            return;
        }

        await Subscribe();
        ConnectionQueue[] targets;
        lock (gate)
        {
            targets = [.. connections.Values];
        }

        await SendList(targets);
    });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Without a cluster client (the silo co-hosts the gateway) there are no gateway connections to lose.
        using var missed = connection?.OnMaybeMissed(CheckMissed);
        var renew = Renew(stoppingToken);
        try
        {
            await foreach (var send in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await send();
                }
                catch (Exception ex)
                {
                    LogSendFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }

        await renew;
    }

    private async Task Renew(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Gateway.ResubscribeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (Connections > 0 || reference is not null)
                {
                    await Subscribe();
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Subscribe()
    {
        await subscribing.WaitAsync();
        try
        {
            reference ??= grains.CreateObjectReference<ILobbyObserver>(this);
            await Task.WhenAll(Enumerable.Range(0, ILobbyGrain.Partitions).Select(p => grains.GetGrain<ILobbyGrain>(p).Subscribe(reference)));
        }
        catch (Exception ex)
        {
            LogSubscribeFailed(logger, ex);
        }
        finally
        {
            subscribing.Release();
        }
    }

    private Task Broadcast<T>(string method, T payload)
    {
        ConnectionQueue[] targets;
        lock (gate)
        {
            targets = [.. connections.Values];
        }

        // Per connection, not Clients.All: with the Redis backplane, All would reach other gateways' clients too.
        // Serialized once for all of them rather than once per connection.
        var shared = PreSerialized.Of(payload, protocol.Value.PayloadSerializerOptions);
        foreach (var target in targets)
        {
            if (target.Enqueue(new Outgoing(method, shared)) == Queued.StartedLagging)
            {
                _ = target.Sent.ContinueWith(_ => outbox.Writer.TryWrite(() => CatchUp(target)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A lagging connection drained its queue: the current list replaces the changes it skipped.</summary>
    private async Task CatchUp(ConnectionQueue target)
    {
        lock (gate)
        {
            if (!connections.TryGetValue(target.ConnectionId, out var current) || current != target)
            {
                return;
            }
        }

        target.Resume();
        await SendList([target]);
    }

    /// <summary>Queues the whole list, read and serialized once, to each of <paramref name="targets"/>.</summary>
    private async Task SendList(ConnectionQueue[] targets)
    {
        var tables = PreSerialized.Of(await ILobbyGrain.ListAll(grains), protocol.Value.PayloadSerializerOptions);
        foreach (var target in targets)
        {
            target.Enqueue(new Outgoing(LobbyHub.TablesMethod, tables));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lobby relay could not subscribe to the lobby partitions")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lobby relay could not deliver a change")]
    private static partial void LogSendFailed(ILogger logger, Exception exception);
}
