using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>
/// Tells the gateways about a ban as soon as it is stored (one grain, <see cref="Key"/>): every gateway subscribes an
/// <see cref="IBanObserver"/> and closes the banned player's hub connections, so hub calls do not each ask the player's
/// grain. Subscriptions expire after five minutes unless renewed.
/// </summary>
[Alias("poker.bans")]
public interface IBansGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    [Alias("Subscribe")]
    Task Subscribe(IBanObserver observer);

    [Alias("Unsubscribe")]
    Task Unsubscribe(IBanObserver observer);

    /// <summary>Tells every subscribed gateway; answers once they answered (a gateway that does not is skipped after a few seconds).</summary>
    [Alias("Banned")]
    Task Banned(long playerId);
}

/// <summary>A gateway process that closes banned players' hub connections (<see cref="IBansGrain"/>).</summary>
[Alias("poker.ban-observer")]
public interface IBanObserver : IGrainObserver
{
    /// <summary>Closes the player's hub connections in this process.</summary>
    [Alias("OnBanned")]
    Task OnBanned(long playerId);
}
