using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>
/// The bot's table watches: one <see cref="TableWatch"/> observer per table that has chat players or a group chat,
/// subscribed to the table grain and its chat grain and re-subscribed every <see cref="BotSettings.ResubscribeInterval"/> (grain
/// subscriptions expire), dropped when nobody is left to post to. The group chats are kept in the bot's
/// <see cref="IBotGroupsGrain"/>, where this process is the relay <see cref="RelayId"/>: on start it claims them (a
/// restart resumes the group posts) and renews its lease each interval; a group another process holds is left to it.
/// A chat player is relayed by one process too: the table's <see cref="ITablePresenceGrain"/> gives the player to the
/// first process that asks (<see cref="WatchPlayer"/>) while its lease runs, renewed each interval; the others leave the
/// player to it, and the next to handle the player's update takes them over once it stopped or its lease lapsed.
/// </summary>
internal sealed class TableWatches(
    IGrainFactory grains, Outbox outbox, BotIdentity identity, PokerOptions options, TimeProvider time, ILoggerFactory loggers, ClusterConnectionWatch? connection = null)
    : BackgroundService
{
    /// <summary>Leases last this many resubscribe intervals: a crashed process's groups move on after that.</summary>
    private const int LeaseIntervals = 3;

    private readonly ConcurrentDictionary<string, TableWatch> watches = new();
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly SemaphoreSlim groupGate = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger logger = loggers.CreateLogger<TableWatches>();

    public int Count => watches.Count;

    /// <summary>This process's name in the bot's group registry.</summary>
    public string RelayId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>Completes once the groups this process posts to have been claimed after its start.</summary>
    public Task Ready => ready.Task;

    private TimeSpan Lease => options.Bot.ResubscribeInterval * LeaseIntervals;

    /// <summary>
    /// A player's relay lasts one and a half renewal intervals: a crashed process's players are taken over by the next
    /// process one of their updates reaches (and pinged meanwhile) soon after its last renewal.
    /// </summary>
    private TimeSpan RelayLease => options.Bot.ResubscribeInterval * 1.5;

    private IBotGroupsGrain Registry => grains.GetGrain<IBotGroupsGrain>(identity.Id);

    public TableWatch? Find(string tableId) => watches.GetValueOrDefault(tableId);

    /// <summary>
    /// Relays <paramref name="tableId"/> to the player's private chat unless another bot process does (idempotent); true
    /// when this call started relaying here.
    /// </summary>
    public async Task<bool> WatchPlayer(string tableId, long playerId, string language)
    {
        if (watches.TryGetValue(tableId, out var existing) && existing.HasPlayer(playerId))
        {
            existing.SetLanguage(playerId, language);
            return false;
        }

        // Asked before subscribing: a process that does not relay the player never sends them the table.
        var presence = grains.GetGrain<ITablePresenceGrain>(tableId);
        if (!await presence.Relay(playerId, RelayId, RelayLease))
        {
            logger.LogDebug("Table {TableId} is relayed to player {PlayerId} by another bot process", tableId, playerId);
            return false;
        }

        TableWatch watch;
        try
        {
            watch = await GetOrSubscribe(tableId);
        }
        catch
        {
            // Not relayed here after all: the player is not kept from the other processes for a lease.
            await Present(tableId, p => p.Leave(playerId, RelayId));
            throw;
        }

        watch.AddPlayer(playerId, language);
        return true;
    }

    /// <summary>
    /// Records group <paramref name="chatId"/> of <paramref name="tableId"/> in the registry and posts there unless
    /// another bot process does; true when this one does.
    /// </summary>
    public async Task<bool> AddGroup(string tableId, long chatId)
    {
        await groupGate.WaitAsync();
        try
        {
            if (!await Registry.Add(chatId, tableId, RelayId, Lease))
            {
                logger.LogInformation("Group {ChatId} of table {TableId} is posted by another bot process", chatId, tableId);
                return false;
            }

            (await GetOrSubscribe(tableId)).AddGroup(chatId);
            return true;
        }
        finally
        {
            groupGate.Release();
        }
    }

    /// <summary>Stops relaying to a player who left; the observer goes when nobody is left.</summary>
    public async Task Forget(string tableId, long playerId)
    {
        await Remove(tableId, watch => watch.RemovePlayer(playerId));
        await Present(tableId, presence => presence.Leave(playerId, RelayId));
    }

    /// <summary>Tells the table's presence grain that this process let a chat player go; a failure is logged (the next renewal repairs it).</summary>
    private async Task Present(string tableId, Func<ITablePresenceGrain, Task> change)
    {
        try
        {
            await change(grains.GetGrain<ITablePresenceGrain>(tableId));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not record the chat players of table {TableId} as present", tableId);
        }
    }

    /// <summary>Stops relaying to a group chat (the bot was removed from it), in every process through the registry.</summary>
    public async Task ForgetGroup(string tableId, long chatId)
    {
        await groupGate.WaitAsync();
        try
        {
            await Registry.Remove(chatId);
            await Remove(tableId, watch => watch.RemoveGroup(chatId));
        }
        finally
        {
            groupGate.Release();
        }
    }

    /// <summary>
    /// Group <paramref name="fromChatId"/> became supergroup <paramref name="toChatId"/>: its table is posted to the
    /// new chat (by this process unless another one holds it). Answers the table id, or null when the group had none.
    /// </summary>
    public async Task<string?> MoveGroup(long fromChatId, long toChatId)
    {
        if (await Registry.Move(fromChatId, toChatId) is not { } tableId)
        {
            return null;
        }

        await AddGroup(tableId, toChatId);
        await Remove(tableId, watch => watch.RemoveGroup(fromChatId));
        return tableId;
    }

    /// <summary>
    /// Renews this process's groups, takes over the ones nobody holds, and watches exactly those: groups held by
    /// another process now (this one's lease ran out) are left to it.
    /// </summary>
    private async Task SyncGroups()
    {
        await groupGate.WaitAsync();
        try
        {
            var held = await Registry.Claim(RelayId, Lease);
            foreach (var group in held.Where(g => Find(g.TableId)?.HasGroup(g.ChatId) != true))
            {
                try
                {
                    await Resume(group);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Could not resume posting table {TableId} to group {ChatId}: retried next time", group.TableId, group.ChatId);
                }
            }

            var chats = held.Select(g => g.ChatId).ToHashSet();
            foreach (var watch in watches.Values)
            {
                foreach (var chatId in watch.Groups.Where(c => !chats.Contains(c)))
                {
                    logger.LogWarning("Group {ChatId} of table {TableId} is no longer posted by this process", chatId, watch.TableId);
                    await Remove(watch.TableId, w => w.RemoveGroup(chatId));
                }
            }
        }
        finally
        {
            groupGate.Release();
        }
    }

    /// <summary>Posts to a group this process holds now, unless its table ended meanwhile (then the group is forgotten).</summary>
    private async Task Resume(BotGroup group)
    {
        TableStatus status;
        try
        {
            status = (await grains.GetGrain<ITableGrain>(group.TableId).GetSummary()).Status;
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            status = TableStatus.Ended;
        }

        if (status == TableStatus.Ended)
        {
            logger.LogInformation("Table {TableId} of group {ChatId} has ended: the group is forgotten", group.TableId, group.ChatId);
            await Registry.Remove(group.ChatId);
            return;
        }

        (await GetOrSubscribe(group.TableId)).AddGroup(group.ChatId);
        logger.LogInformation("Posting table {TableId} to group {ChatId} (again)", group.TableId, group.ChatId);
    }

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
            foreach (var chatId in watch.Groups)
            {
                try
                {
                    await Registry.Remove(chatId);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Could not forget group {ChatId} of ended table {TableId}", chatId, watch.TableId);
                }
            }
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

            var watch = new TableWatch(tableId, outbox, grains, time, loggers.CreateLogger<TableWatch>(), stopping.Token);
            watch.Reference = grains.CreateObjectReference<ITableObserver>(watch);
            watch.ChatReference = grains.CreateObjectReference<IChatObserver>(watch);
            watch.Ended = Drop;
            watch.PlayerLeft = playerId => _ = Present(tableId, presence => presence.Leave(playerId, RelayId));
            await grains.GetGrain<ITableGrain>(tableId).Subscribe(watch.Reference);
            watch.ShowChat(await watch.SubscribeChat());
            watches[tableId] = watch;
            logger.LogInformation("Relaying table {TableId} to chats", tableId);
            return watch;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every watch renews its subscription and catches up with its table (<see cref="TableWatch.Renew"/>).</summary>
    public void RenewWatches()
    {
        foreach (var watch in watches.Values)
        {
            watch.Renew();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // After a closed cluster gateway connection: table events routed through the silo that left may be lost.
        using var missed = connection?.OnMaybeMissed(RenewWatches);
        var interval = options.Bot.ResubscribeInterval;
        try
        {
            // The groups first, retried sooner than the interval while the cluster does not answer yet.
            for (var wait = TimeSpan.FromMilliseconds(250); !await TrySyncGroups(); wait = Min(wait * 2, interval))
            {
                await Task.Delay(wait, stoppingToken);
            }

            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                RenewWatches();
                foreach (var watch in watches.Values)
                {
                    try
                    {
                        await RenewRelays(watch);
                    }
                    catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                    {
                        logger.LogWarning(e, "Renewing the relay of table {TableId}'s chat players failed", watch.TableId);
                    }
                }

                await RefreshPlayers(stoppingToken);
                await TrySyncGroups();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    /// <summary>
    /// Renews this process's relay of the watch's chat players; those another process relays now (this one's lease
    /// lapsed meanwhile) are no longer relayed here.
    /// </summary>
    private async Task RenewRelays(TableWatch watch)
    {
        var presence = grains.GetGrain<ITablePresenceGrain>(watch.TableId);
        var named = watch.Players;
        var held = (await presence.RenewRelays(RelayId, named, RelayLease)).ToHashSet();
        var lost = named.Where(p => !held.Contains(p)).ToList();
        // A player added while this renewal was under way was let go by it: asked for again.
        foreach (var playerId in watch.Players.Except(named))
        {
            if (!await presence.Relay(playerId, RelayId, RelayLease))
            {
                lost.Add(playerId);
            }
        }

        foreach (var playerId in lost)
        {
            logger.LogInformation("Player {PlayerId} of table {TableId} is relayed by another bot process now: no longer relayed here", playerId, watch.TableId);
            await Remove(watch.TableId, w => w.RemovePlayer(playerId));
        }
    }

    /// <summary>
    /// The players relayed here as their grains have them, whichever bot process handled their updates (they go to
    /// either): spoken to in the language they chose, and, once a chat this process found blocked (403) is open again
    /// (the player wrote to another process since), sent their hands as they stand. Each reaches this process by its
    /// next renewal.
    /// </summary>
    private async Task RefreshPlayers(CancellationToken stoppingToken)
    {
        foreach (var playerId in watches.Values.SelectMany(w => w.Players).Distinct().ToList())
        {
            try
            {
                var profile = (await grains.GetGrain<IPlayerGrain>(playerId).Get()).Profile;
                SetLanguage(playerId, profile.Language);
                if (!profile.Unreachable && outbox.Reachable(playerId))
                {
                    logger.LogInformation("Chat {ChatId} answers again (its player wrote to another bot process): their hands are sent as they stand", playerId);
                    foreach (var watch in watches.Values.Where(w => w.HasPlayer(playerId)))
                    {
                        watch.Resume(playerId);
                    }
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Could not read chat player {PlayerId}", playerId);
            }
        }
    }

    private async Task<bool> TrySyncGroups()
    {
        try
        {
            await SyncGroups();
            ready.TrySetResult();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Claiming the bot's groups failed");
            return false;
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>Stops posting, then hands this process's groups over (another process's next claim takes them).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        foreach (var watch in watches.Values)
        {
            await Unsubscribe(watch);
        }

        await stopping.CancelAsync();
        try
        {
            await Registry.Release(RelayId).WaitAsync(cancellationToken);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not release the groups of {Relay}: they move on when its lease runs out", RelayId);
        }
    }

    private async Task Unsubscribe(TableWatch watch)
    {
        watch.Complete();
        try
        {
            await grains.GetGrain<ITableGrain>(watch.TableId).Unsubscribe(watch.Reference!);
            grains.DeleteObjectReference<ITableObserver>(watch.Reference!);
            await grains.GetGrain<ITableChatGrain>(watch.TableId).Unsubscribe(watch.ChatReference!);
            grains.DeleteObjectReference<IChatObserver>(watch.ChatReference!);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Unsubscribing from table {TableId} failed", watch.TableId);
        }

        // Whatever the unsubscribing did: the players go to the next process their updates reach.
        await Present(watch.TableId, presence => presence.RenewRelays(RelayId, [], RelayLease));
    }

    public override void Dispose()
    {
        stopping.Dispose();
        gate.Dispose();
        groupGate.Dispose();
        base.Dispose();
    }
}
