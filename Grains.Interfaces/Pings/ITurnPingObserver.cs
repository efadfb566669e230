using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>A bot process that sends turn pings (<see cref="ITurnPingsGrain"/>).</summary>
[Alias("poker.turn-ping-observer")]
public interface ITurnPingObserver : IGrainObserver
{
    /// <summary>Sends the ping to the player's private chat.</summary>
    [Alias("OnPing")]
    [OneWay]
    Task OnPing(TurnPing ping);

    /// <summary>Edits the ping of that turn, if this process sent it, to say the turn passed.</summary>
    [Alias("OnPassed")]
    [OneWay]
    Task OnPassed(TurnPing ping);
}
