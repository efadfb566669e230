using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>
/// Sends turn pings (<see cref="ITurnPingsGrain"/>): one private message per pinged turn, "your turn at the table — time
/// left", with fold / check / call buttons for a simple spot (the "your turn" prompt's own buttons, so a stale one is
/// refused the same way) and the mini-app opened at the table; edited without buttons once the turn passes. This
/// process subscribes under its relay name (<see cref="TableWatches.RelayId"/>) and renews every
/// <see cref="BotSettings.ResubscribeInterval"/>.
/// </summary>
internal sealed class TurnPinger(IGrainFactory grains, Outbox outbox, TableWatches watches, PokerOptions options, TimeProvider time, ILogger<TurnPinger> logger)
    : BackgroundService, ITurnPingObserver
{
    // Per table and player, the latest turn heard of: its ping's message (null when the turn passed before its ping
    // came: pings and their passing are one-way calls and may arrive in either order, or once the player's own action
    // is shown on it), and whether the turn is over.
    private readonly Dictionary<(string TableId, long PlayerId), (TurnRef Turn, MessageSlot? Slot, bool Over)> sent = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITurnPingObserver? reference;

    /// <summary>Completes once this process first subscribed: pings reach it from then on.</summary>
    public Task Ready => subscribed.Task;

    private ITurnPingsGrain Registry => grains.GetGrain<ITurnPingsGrain>(ITurnPingsGrain.Key);

    public Task OnPing(TurnPing ping)
    {
        var key = (ping.TableId, ping.PlayerId);
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (sent.TryGetValue(key, out var last) && last.Turn.TurnId >= ping.Turn.TurnId)
            {
                // Sent already, or its turn (or a later one) is over (the grain sends no ping whose clock ran out).
                return Task.CompletedTask;
            }

            if (last is { Slot: { } older, Over: false })
            {
                // A later turn is pinged before the older one's passing came: that one is over.
                outbox.Show(older, Passed(ping, last.Turn));
            }

            var text = BotTexts.Get(ping.Language, "ping.turn", ping.TableName, ping.Turn.HandNo, TableText.Countdown(ping.Deadline, now, ping.Language));
            sent[key] = (ping.Turn, outbox.Send(ping.PlayerId, text, Keyboards.Ping(ping.Language, ping, options.Bot.MiniAppUrl)), false);
        }

        logger.LogDebug("Turn ping sent to player {PlayerId} for table {TableId} hand {HandNo} turn {TurnId}", ping.PlayerId, ping.TableId, ping.Turn.HandNo, ping.Turn.TurnId);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The turn is over: its ping, if live, shows that without buttons. A turn heard of for the first time is remembered
    /// as over, so that its ping, if it comes later, is not sent.
    /// </summary>
    public Task OnPassed(TurnPing ping)
    {
        var key = (ping.TableId, ping.PlayerId);
        lock (gate)
        {
            if (sent.TryGetValue(key, out var last) && last.Turn == ping.Turn)
            {
                if (last is { Slot: { } slot, Over: false })
                {
                    outbox.Show(slot, Passed(ping, ping.Turn));
                }

                sent[key] = last with { Over = true };
            }
            else if (last.Turn is null || last.Turn.TurnId < ping.Turn.TurnId)
            {
                sent[key] = (ping.Turn, null, true);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The player acted on the pinged turn with a button (here or on the ping): the ping says what they did instead,
    /// also when the table's word that the turn passed came first (the table answers the action before it tells).
    /// </summary>
    public void Acted(string tableId, long playerId, TurnRef turn, string done)
    {
        var key = (tableId, playerId);
        lock (gate)
        {
            if (sent.TryGetValue(key, out var last) && last is { Slot: { } slot } && last.Turn == turn)
            {
                outbox.Show(slot, done);
                sent[key] = (turn, null, true);
            }
        }
    }

    private static string Passed(TurnPing ping, TurnRef turn) => BotTexts.Get(ping.Language, "ping.passed", ping.TableName, turn.HandNo);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        reference = grains.CreateObjectReference<ITurnPingObserver>(this);
        var interval = options.Bot.ResubscribeInterval;
        try
        {
            // Retried sooner than the interval while the cluster does not answer yet.
            for (var wait = TimeSpan.FromMilliseconds(250); !await TrySubscribe(); wait = wait * 2 < interval ? wait * 2 : interval)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TrySubscribe();
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private async Task<bool> TrySubscribe()
    {
        try
        {
            await Registry.Subscribe(watches.RelayId, reference!);
            subscribed.TrySetResult();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Subscribing to turn pings failed: retried");
            return false;
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (reference is null)
        {
            return;
        }

        try
        {
            await Registry.Unsubscribe(watches.RelayId).WaitAsync(cancellationToken);
            grains.DeleteObjectReference<ITurnPingObserver>(reference);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not unsubscribe from turn pings: the subscription lapses");
        }
    }
}
