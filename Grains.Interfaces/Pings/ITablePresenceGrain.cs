using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>
/// Who is at a table (key: the table id) and its turn pings. A holder — a gateway for its hub connections, a bot process
/// for its chat players — enters a player when their first connection to the table opens and takes them out when the
/// last one goes; entries are leases the holder renews every minute, so a holder that crashed leaves nobody present for
/// long. When the table's turn goes to a player nobody holds, the player is pinged once in the bot (through
/// <see cref="ITurnPingsGrain"/>) if they allow it, and the ping is edited when the turn passes. Presence is kept in
/// memory: after the grain moves the holders' next renewal brings it back.
/// <para>
/// A gateway's presence is shared (<see cref="Enter"/>, <see cref="Renew"/>: a player may have hub connections through
/// several gateways, each relays to its own connections). A bot process's is exclusive (<see cref="Relay"/>,
/// <see cref="RenewRelays"/>): a player has one private chat, so one bot process relays the table to it. The first
/// process to relay the player keeps them while its lease runs; the others leave the player to it, and take over once it
/// lets go or its lease lapses (it crashed).
/// </para>
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

    /// <summary>
    /// The bot process <paramref name="relay"/> asks to relay the table to the player's private chat: true when it does
    /// now (nobody else did, or another relay's lease lapsed) and the player is present through it for
    /// <paramref name="lease"/>; false, changing nothing, while another relay's lease runs. Asking again renews the lease.
    /// </summary>
    [Alias("Relay")]
    Task<bool> Relay(long playerId, string relay, TimeSpan lease);

    /// <summary>
    /// The relay's players at the table are <paramref name="playerIds"/> for another <paramref name="lease"/> (as
    /// <see cref="Relay"/> for each), except those another relay holds now (this one's lease lapsed and another took
    /// over): answers the players it relays now, which it keeps; it stops relaying the others. The relay's players not
    /// named are let go; an empty list lets all go (the process stops). <see cref="Leave"/> lets one go.
    /// </summary>
    [Alias("RenewRelays")]
    Task<IReadOnlyList<long>> RenewRelays(string relay, IReadOnlyList<long> playerIds, TimeSpan lease);

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
