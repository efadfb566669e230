namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>
/// A player keyed by player id (the Telegram user id; guests and robots get ids from their own ranges).
/// Holds the play-money balance; every change is a ledger entry with a unique transfer id, so a retried
/// transfer is applied exactly once.
/// </summary>
[Alias("poker.player")]
public interface IPlayerGrain : IGrainWithIntegerKey
{
    /// <summary>Creates the player on first sight (granting the starting balance) or refreshes the profile.</summary>
    [Alias("Register")]
    Task<PlayerSummary> Register(PlayerProfile profile);

    /// <summary>Profile, balance, stats and current tables; throws <c>not_found</c> for an unknown player.</summary>
    [Alias("Get")]
    Task<PlayerSummary> Get();

    /// <summary>Changes the display name and/or language.</summary>
    [Alias("UpdateProfile")]
    Task<PlayerProfile> UpdateProfile(string? displayName, string? language);

    /// <summary>Marks whether the bot can reach the player's chat; reachable also records that they started the bot (<see cref="PlayerProfile.BotChat"/>).</summary>
    [Alias("SetReachable")]
    Task SetReachable(bool reachable);

    /// <summary>Moves chips from the balance to a table; throws <c>insufficient_balance</c>. Idempotent by transfer id.</summary>
    [Alias("TransferToTable")]
    Task<long> TransferToTable(string transferId, string tableId, long amount);

    /// <summary>Moves chips from a table back to the balance. Idempotent by transfer id.</summary>
    [Alias("TransferFromTable")]
    Task<long> TransferFromTable(string transferId, string tableId, long amount, LedgerKind kind);

    /// <summary>Admin correction (positive or negative); the balance never goes below zero.</summary>
    [Alias("AdminAdjust")]
    Task<long> AdminAdjust(string transferId, long amount, long adminId, string reason);

    /// <summary>
    /// A play-money bonus (a referral, a promotion): a <see cref="LedgerKind.Grant"/> ledger entry with its reason.
    /// Idempotent by transfer id.
    /// </summary>
    [Alias("GrantBonus")]
    Task<long> GrantBonus(string transferId, long amount, string reason);

    /// <summary>Daily play-money top-up to the starting balance; throws <c>top_up_not_due</c> before the next one is due.</summary>
    [Alias("ClaimTopUp")]
    Task<long> ClaimTopUp();

    /// <summary>Ledger entries, newest first.</summary>
    [Alias("GetLedger")]
    Task<IReadOnlyList<LedgerEntry>> GetLedger(int skip, int take);

    /// <summary>Adds a finished hand to the statistics.</summary>
    [Alias("RecordHand")]
    Task RecordHand(HandOutcome outcome);

    /// <summary>Tracks the tables the player sits at.</summary>
    [Alias("SetSeated")]
    Task SetSeated(string tableId, bool seated);

    /// <summary>The players whose chat lines this player does not want to see, in the order muted.</summary>
    [Alias("GetChatMutes")]
    Task<IReadOnlyList<long>> GetChatMutes();

    /// <summary>
    /// Hides (<paramref name="muted"/>) or shows again <paramref name="otherId"/>'s chat lines for this player; returns
    /// the list. Refused for the player themselves (<c>invalid_mute</c>) and past <c>PlayerGrain.MaxChatMutes</c> (<c>chat_mutes_full</c>).
    /// </summary>
    [Alias("SetChatMute")]
    Task<IReadOnlyList<long>> SetChatMute(long otherId, bool muted);

    /// <summary>The player's settings; throws <c>not_found</c> for an unknown player.</summary>
    [Alias("GetSettings")]
    Task<PlayerSettings> GetSettings();

    /// <summary>Stores the player's settings and returns them; throws <c>not_found</c> for an unknown player.</summary>
    [Alias("SetSettings")]
    Task<PlayerSettings> SetSettings(PlayerSettings settings);

    /// <summary>
    /// The player's ban, or null when they may play. Unknown players are not banned. Asked by the gateway on every
    /// authenticated request and hub call, so it interleaves: it never waits behind the player's other work.
    /// </summary>
    [Alias("GetBan")]
    [Orleans.Concurrency.AlwaysInterleave]
    Task<PlayerBan?> GetBan();

    /// <summary>
    /// Admin: bans the player (stored before it answers; a banned player cannot buy in), then stands them up and
    /// cashes them out of every table they sit at (after the current hand when they are in it). Throws
    /// <c>invalid_reason</c> for an empty or too long reason, <c>forbidden</c> when <paramref name="adminId"/> is the
    /// player, <c>already_banned</c> when banned. Returns the ban.
    /// </summary>
    [Alias("Ban")]
    Task<PlayerBan> Ban(long adminId, string reason);

    /// <summary>Admin: lifts the ban; throws <c>invalid_reason</c> like <see cref="Ban"/> and <c>not_banned</c> when not banned.</summary>
    [Alias("Unban")]
    Task Unban(long adminId, string reason);
}
