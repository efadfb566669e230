using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>
/// One <see cref="TableWatch"/> observer per table that has chat players or a group chat, subscribed to the table
/// grain and re-subscribed every <see cref="BotSettings.ResubscribeInterval"/> (grain subscriptions expire).
/// </summary>
internal sealed class TableRelay(IGrainFactory grains, BotApi api, PokerOptions options, ILoggerFactory loggers) : BackgroundService
{
    private readonly ConcurrentDictionary<string, TableWatch> watches = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly ILogger logger = loggers.CreateLogger<TableRelay>();

    public int Count => watches.Count;

    public TableWatch? Find(string tableId) => watches.GetValueOrDefault(tableId);

    /// <summary>Relays <paramref name="tableId"/> to the player's private chat (idempotent).</summary>
    public async Task WatchPlayer(string tableId, long playerId, string language)
    {
        if (watches.TryGetValue(tableId, out var existing) && existing.HasPlayer(playerId))
        {
            existing.SetLanguage(playerId, language);
            return;
        }

        var watch = await GetOrSubscribe(tableId);
        watch.AddPlayer(playerId, language);
    }

    /// <summary>Relays <paramref name="tableId"/> to a group chat.</summary>
    public async Task WatchGroup(string tableId, long chatId) => (await GetOrSubscribe(tableId)).AddGroup(chatId);

    /// <summary>Stops relaying to a player who left; the observer goes when nobody is left.</summary>
    public Task Forget(string tableId, long playerId) => Remove(tableId, watch => watch.RemovePlayer(playerId));

    /// <summary>Stops relaying to a group chat (the bot was removed from it).</summary>
    public Task ForgetGroup(string tableId, long chatId) => Remove(tableId, watch => watch.RemoveGroup(chatId));

    private async Task Remove(string tableId, Action<TableWatch> remove)
    {
        if (!watches.TryGetValue(tableId, out var watch))
        {
            return;
        }

        remove(watch);
        if (watch.IsEmpty && watches.TryRemove(new KeyValuePair<string, TableWatch>(tableId, watch)))
        {
            await Unsubscribe(watch);
        }
    }

    private async Task Drop(TableWatch watch)
    {
        if (watches.TryRemove(new KeyValuePair<string, TableWatch>(watch.TableId, watch)))
        {
            logger.LogInformation("Table {TableId} ended: no longer relayed", watch.TableId);
            await Unsubscribe(watch);
        }
    }

    public void SetLanguage(long playerId, string language)
    {
        foreach (var watch in watches.Values)
        {
            watch.SetLanguage(playerId, language);
        }
    }

    private async Task<TableWatch> GetOrSubscribe(string tableId)
    {
        if (watches.TryGetValue(tableId, out var found))
        {
            return found;
        }

        await gate.WaitAsync();
        try
        {
            if (watches.TryGetValue(tableId, out found))
            {
                return found;
            }

            var watch = new TableWatch(tableId, api, loggers.CreateLogger<TableWatch>(), stopping.Token);
            watch.Reference = grains.CreateObjectReference<ITableObserver>(watch);
            watch.Ended = Drop;
            await grains.GetGrain<ITableGrain>(tableId).Subscribe(watch.Reference);
            watches[tableId] = watch;
            logger.LogInformation("Relaying table {TableId} to chats", tableId);
            return watch;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Bot.ResubscribeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var watch in watches.Values)
                {
                    try
                    {
                        await grains.GetGrain<ITableGrain>(watch.TableId).Subscribe(watch.Reference!);
                    }
                    catch (Exception e)
                    {
                        logger.LogWarning(e, "Re-subscribing to table {TableId} failed", watch.TableId);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var watch in watches.Values)
        {
            await Unsubscribe(watch);
        }

        await stopping.CancelAsync();
    }

    private async Task Unsubscribe(TableWatch watch)
    {
        watch.Complete();
        try
        {
            await grains.GetGrain<ITableGrain>(watch.TableId).Unsubscribe(watch.Reference!);
            grains.DeleteObjectReference<ITableObserver>(watch.Reference!);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Unsubscribing from table {TableId} failed", watch.TableId);
        }
    }

    public override void Dispose()
    {
        stopping.Dispose();
        gate.Dispose();
        base.Dispose();
    }
}
