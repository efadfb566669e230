using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>
/// Hands turn pings to the bot (key <see cref="Key"/>): each bot process subscribes its <see cref="ITurnPingObserver"/>
/// under its own name and renews it every minute (a subscription not renewed for <see cref="Expiry"/> is dropped). A
/// player's pings and their edits always go to the same process while the subscribers stay the same (chosen by the
/// player id), so the process that sent a ping is the one that edits it.
/// </summary>
[Alias("poker.turn-pings")]
public interface ITurnPingsGrain : IGrainWithIntegerKey
{
    public const long Key = 0;

    /// <summary>How long a subscription lasts without renewal.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(3);

    /// <summary>Adds or renews the bot process <paramref name="process"/>'s observer.</summary>
    [Alias("Subscribe")]
    Task Subscribe(string process, ITurnPingObserver observer);

    /// <summary>Removes the process's observer (it is stopping).</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(string process);

    /// <summary>Sends the ping (dropped when no bot process is subscribed).</summary>
    [Alias("Ping")]
    [OneWay]
    Task Ping(TurnPing ping);

    /// <summary>The pinged turn passed: its message is edited to say so, without buttons.</summary>
    [Alias("Passed")]
    [OneWay]
    Task Passed(TurnPing ping);
}
