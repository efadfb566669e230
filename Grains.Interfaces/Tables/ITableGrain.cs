using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// A poker table keyed by its id. It owns seats, stacks and the engine hand in progress, persists before it
/// answers, and emits one <see cref="TableEvent"/> per change. Refusals throw <see cref="Common.PokerException"/>
/// and change nothing.
/// </summary>
[Alias("poker.table")]
public interface ITableGrain : IGrainWithStringKey
{
    /// <summary>Creates the table from the template's current version; throws if it exists or the template is inactive.</summary>
    [Alias("Create")]
    Task<TableSummary> Create(TableCreation creation);

    /// <summary>The lobby summary of this table; throws <c>not_found</c> if it was never created.</summary>
    [Alias("GetSummary")]
    Task<TableSummary> GetSummary();

    /// <summary>The configuration the table runs with (its template version).</summary>
    [Alias("GetConfig")]
    Task<TemplateConfig> GetConfig();

    /// <summary>The table as <paramref name="viewerId"/> sees it (public view plus their own cards and legal actions).</summary>
    [Alias("GetSnapshot")]
    Task<TableSnapshot> GetSnapshot(long? viewerId);

    /// <summary>Private tables: the invite code, only for a seated player or the creator.</summary>
    [Alias("GetInviteCode")]
    Task<string> GetInviteCode(long playerId);

    /// <summary>Takes a seat with a buy-in moved from the player's balance; returns the seat number.</summary>
    [Alias("Sit")]
    Task<int> Sit(SeatRequest request);

    /// <summary>Leaves the table (after the current hand if in one: folds first) and cashes the stack out.</summary>
    [Alias("Leave")]
    Task<long> Leave(long playerId);

    /// <summary>Stops being dealt in until <see cref="SitIn"/>.</summary>
    [Alias("SitOut")]
    Task SitOut(long playerId);

    /// <summary>Comes back from sitting out (also after being sat out by timeouts).</summary>
    [Alias("SitIn")]
    Task SitIn(long playerId);

    /// <summary>Adds chips from the balance between hands, up to the maximum buy-in.</summary>
    [Alias("TopUp")]
    Task<long> TopUp(long playerId, long amount);

    /// <summary>
    /// Applies a player's action to the turn it names (<paramref name="turn"/>, from the view the player acted on):
    /// an action for another hand or turn is refused with <c>stale_action</c>. <paramref name="clientSeq"/> makes
    /// retries safe: a sequence number already accepted returns its first answer and changes nothing. The answer comes
    /// within a poker turn's patience: a table that cannot answer in time (its silo died) times out, and the same call
    /// retried reaches the reactivated table.
    /// </summary>
    [Alias("Act")]
    [ResponseTimeout("00:00:10")]
    Task<ActResult> Act(long playerId, TurnRef turn, PlayerAction action, long clientSeq);

    /// <summary>
    /// Pre-selects the player's action for the street in play of hand <paramref name="handNo"/> (another hand:
    /// <c>stale_action</c>), or clears it (<paramref name="choice"/> null). Refused on the player's own turn
    /// (<c>your_turn</c>: act instead), for a player not in the hand or all-in, and for a check or call that no longer
    /// matches the bet. Returns the choice kept; only the player sees it.
    /// </summary>
    [Alias("SetPreAction")]
    Task<PreAction?> SetPreAction(long playerId, long handNo, PreAction? choice);

    /// <summary>
    /// As <see cref="JoinWaitlist(long, string, string?)"/> without an invite code: a private table refuses it
    /// (<c>forbidden</c>). Kept for the earlier release's gateways and bots, which call it during a rolling update.
    /// </summary>
    [Alias("JoinWaitlist")]
    Task<int> JoinWaitlist(long playerId, string displayName);

    /// <summary>
    /// Queues the player on this table's waitlist (refused when seated, when the waitlist is off, or when a seat is
    /// free to take right now); returns their 1-based position. A freed seat is then held for the head of the queue.
    /// A private table queues only a player who gives its <paramref name="inviteCode"/>, checked as <see cref="Sit"/>
    /// checks it (<c>forbidden</c>, 403, nothing changes): only an invited player may take the seat it holds.
    /// </summary>
    [Alias("JoinWaitlistInvited")]
    Task<int> JoinWaitlist(long playerId, string displayName, string? inviteCode);

    /// <summary>Leaves this table's waitlist; true if the player was queued.</summary>
    [Alias("LeaveWaitlist")]
    Task<bool> LeaveWaitlist(long playerId);

    /// <summary>Adds an observer for this table's events; subscriptions expire after a few minutes, re-subscribe.</summary>
    [Alias("Subscribe")]
    Task Subscribe(ITableObserver observer);

    /// <summary>
    /// The periodic renewal of a watcher's subscription in one call: subscribes <paramref name="observer"/> again and
    /// answers this table's newest event sequence number, past which the watcher missed events (a snapshot only then).
    /// </summary>
    [Alias("Renew")]
    Task<long> Renew(ITableObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(ITableObserver observer);

    /// <summary>
    /// Adds or renews a gateway's observer, which receives the events serialized as the table hub sends them
    /// (<see cref="TableFeedEvent"/>); answers this table's newest event sequence number, like <see cref="Renew"/>.
    /// Subscriptions expire after a few minutes: call again.
    /// </summary>
    [Alias("SubscribeFeed")]
    Task<long> SubscribeFeed(ITableFeedObserver observer);

    /// <summary>Removes a gateway's observer.</summary>
    [Alias("UnsubscribeFeed")]
    Task UnsubscribeFeed(ITableFeedObserver observer);

    /// <summary>Admin: pause (no new hands) or resume.</summary>
    [Alias("SetPaused")]
    Task SetPaused(bool paused);

    /// <summary>Admin: end the table after the current hand, cashing every player out.</summary>
    [Alias("Close")]
    Task Close(string reason);

    /// <summary>Admin: remove a player from the table, cashing them out.</summary>
    [Alias("Kick")]
    Task Kick(long playerId);

    /// <summary>
    /// The host (the player who created the table; never at the room's own tables or sit-and-gos): the settings, the
    /// next hand's and the limits of a change. Anyone else is refused with <c>forbidden</c>.
    /// </summary>
    [Alias("GetHostSettings")]
    Task<HostSettings> GetHostSettings(long hostId);

    /// <summary>The host pauses the table (the hand in play finishes, no new one is dealt) or resumes it.</summary>
    [Alias("HostPause")]
    Task HostPause(long hostId, bool paused);

    /// <summary>
    /// A host's kick of <paramref name="playerId"/> as far as it can be checked without the table: the host leaves
    /// instead of kicking themselves (<c>cannot_kick_self</c>, 400). <see cref="HostKick"/> checks it, and so do the
    /// gateway and the bot before the kick's audit entry is written (bad input changes nothing, not even the log).
    /// </summary>
    public static void CheckHostKick(long hostId, long playerId)
    {
        if (playerId == hostId)
        {
            throw new Common.PokerException("cannot_kick_self", "The host leaves the table instead of kicking themselves");
        }
    }

    /// <summary>The host removes a player, cashing them out (after the hand if they are in it); returns the chips cashed out now.</summary>
    [Alias("HostKick")]
    Task<long> HostKick(long hostId, long playerId);

    /// <summary>
    /// The host changes the blinds (by the big blind; the small blind keeps the template's proportion) and/or the turn
    /// time from the next hand on, within <see cref="HostSettings"/>' limits (else <c>out_of_limits</c>); null leaves one
    /// as it is. Returns the settings with the change stored.
    /// </summary>
    [Alias("HostChangeSettings")]
    Task<HostSettings> HostChangeSettings(long hostId, long? bigBlind, TimeSpan? turnTime);

    /// <summary>The host closes the table (after the hand in play), cashing every player out.</summary>
    [Alias("HostClose")]
    Task HostClose(long hostId);

    /// <summary>The room's maintenance switch, told by <see cref="Admin.IMaintenanceGrain"/>: on, no new hand starts.</summary>
    [Alias("SetMaintenance")]
    Task SetMaintenance(bool on);

    /// <summary>The PHH text of a hand played at this table (recent hands are kept in memory as well).</summary>
    [Alias("GetHandHistory")]
    Task<string?> GetHandHistory(long handNo);
}
