using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Pings;

/// <summary>
/// The bot processes that send turn pings (see <see cref="ITurnPingsGrain"/>). A ping and its edit go to the process the
/// player id picks among the subscribers in name order, so they reach the same process while the subscribers stay the
/// same; calls to observers are one-way, so a slow or lost process never holds this grain up.
/// </summary>
public sealed class TurnPingsGrain(ILogger<TurnPingsGrain> logger) : Grain, ITurnPingsGrain
{
    private readonly ObserverManager<string, ITurnPingObserver> observers = new(ITurnPingsGrain.Expiry, logger);

    public Task Subscribe(string process, ITurnPingObserver observer)
    {
        observers.Subscribe(process, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(string process)
    {
        observers.Unsubscribe(process);
        return Task.CompletedTask;
    }

    public Task Ping(TurnPing ping)
    {
        if (For(ping.PlayerId) is not { } observer)
        {
            logger.LogInformation("No bot process takes turn pings: the ping of player {PlayerId} at table {TableId} is dropped", ping.PlayerId, ping.TableId);
            return Task.CompletedTask;
        }

        return observer.OnPing(ping);
    }

    public Task Passed(TurnPing ping) => For(ping.PlayerId)?.OnPassed(ping) ?? Task.CompletedTask;

    private ITurnPingObserver? For(long playerId)
    {
        observers.ClearExpired();
        var live = observers.Observers.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => o.Value).ToList();
        return live.Count == 0 ? null : live[(int)((ulong)playerId % (ulong)live.Count)];
    }
}
