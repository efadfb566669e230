using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Players;

/// <summary>
/// The gateways' ban notices (<see cref="IBansGrain"/>): no state, only the gateways subscribed. A silo failure loses
/// the subscriptions until the gateways renew them; meanwhile each hub connection still asks for its player's ban once
/// per renewal interval.
/// </summary>
public sealed partial class BansGrain(ILogger<BansGrain> logger) : Grain, IBansGrain
{
    /// <summary>How long a ban waits for a gateway to close the player's connections before it stops waiting.</summary>
    public static readonly TimeSpan NoticeTimeout = TimeSpan.FromSeconds(5);

    private readonly ObserverManager<IBanObserver> observers = new(TimeSpan.FromMinutes(5), logger);

    public Task Subscribe(IBanObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IBanObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task Banned(long playerId)
    {
        observers.ClearExpired();
        await Task.WhenAll(observers.Select(gateway => Tell(gateway, playerId)));
    }

    private async Task Tell(IBanObserver gateway, long playerId)
    {
        try
        {
            await gateway.OnBanned(playerId).WaitAsync(NoticeTimeout);
        }
        catch (Exception ex)
        {
            // That gateway's connections are closed by its own check instead (once per renewal interval).
            LogNoticeFailed(logger, ex, playerId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A gateway did not confirm closing the connections of banned player {PlayerId}")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, long playerId);
}
