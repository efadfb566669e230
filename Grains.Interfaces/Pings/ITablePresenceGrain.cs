using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>
/// Who is at a table (key: the table id) and its turn pings. A holder — a gateway for its hub connections, a bot process
/// for its chat players — enters a player when their first connection to the table opens and takes them out when the
/// last one goes; entries are leases the holder renews every minute, so a holder that crashed leaves nobody present for
/// long. When the table's turn goes to a player nobody holds, the player is pinged once in the bot (through
/// <see cref="ITurnPingsGrain"/>) if they allow it, and the ping is edited when the turn passes. Presence is kept in
/// memory: after the grain moves the holders' next renewal brings it back.
/// </summary>
[Alias("poker.table-presence")]
public interface ITablePresenceGrain : IGrainWithStringKey
{
    /// <summary>The player has a live connection to the table through <paramref name="holder"/> until renewed or left.</summary>
    [Alias("Enter")]
    Task Enter(long playerId, string holder, TimeSpan lease);

    /// <summary>The player's last connection through <paramref name="holder"/> went.</summary>
    [Alias("Leave")]
    Task Leave(long playerId, string holder);

    /// <summary>
    /// The holder's players at the table are exactly <paramref name="playerIds"/> for another <paramref name="lease"/>
    /// (missing ones are entered again, others the holder had are taken out).
    /// </summary>
    [Alias("Renew")]
    Task Renew(string holder, IReadOnlyList<long> playerIds, TimeSpan lease);

    /// <summary>Whether any holder has the player at the table now.</summary>
    [Alias("IsPresent")]
    Task<bool> IsPresent(long playerId);

    /// <summary>
    /// The table's turn changed (sent by the table, one-way, never awaited on its action path). Notices older than the
    /// last one seen (by <see cref="TurnNotice.EventSeq"/>) are ignored.
    /// </summary>
    [Alias("TurnChanged")]
    [OneWay]
    Task TurnChanged(TurnNotice notice);

    /// <summary>
    /// What the grain remembers of the player (their profile and ping setting, read once rather than at every turn) is
    /// stale: sent by the player grain, one-way, when the setting or the bot's reach changes.
    /// </summary>
    [Alias("Forget")]
    [OneWay]
    Task Forget(long playerId);
}
