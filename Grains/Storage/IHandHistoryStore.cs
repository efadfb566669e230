using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Finished hands as PHH text with indexed columns (PostgreSQL <c>hand_histories</c>), and each player's result in them
/// (<c>hand_players</c>, written with the hand, see <see cref="HandPlayerResult.Of"/>).
/// </summary>
public interface IHandHistoryStore
{
    /// <summary>
    /// Saves a finished hand and its players' results at once; idempotent on (table, hand number): returns false when it
    /// was stored already (and adds nothing).
    /// </summary>
    Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default);

    /// <summary>One hand of a table, or null.</summary>
    Task<HandRecord?> GetAsync(string tableId, long handNumber, CancellationToken cancellationToken = default);

    /// <summary>Hands a player was dealt into, newest first.</summary>
    Task<IReadOnlyList<HandRecord>> GetPlayerHandsAsync(long playerId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Hands of a table, newest first.</summary>
    Task<IReadOnlyList<HandRecord>> GetTableHandsAsync(string tableId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>A player's result in every stored hand, oldest first (by end, then table and hand number).</summary>
    Task<IReadOnlyList<HandPlayerResult>> GetPlayerResultsAsync(long playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// People (not robots: negative ids) ranked by <paramref name="by"/> over the hands that ended from
    /// <paramref name="from"/> on (null: all): the first <paramref name="take"/> by rank then player id, how many were
    /// ranked, and <paramref name="playerId"/>'s own entry. Names are left null.
    /// </summary>
    Task<(IReadOnlyList<LeaderboardEntry> Top, int Ranked, LeaderboardEntry? Own)> GetLeaderboardAsync(
        DateTimeOffset? from, LeaderboardOrder by, int take, long playerId, CancellationToken cancellationToken = default);

    /// <summary>The tables with a hand that ended from <paramref name="from"/> on: how many, their average pot, the last one's end.</summary>
    Task<IReadOnlyList<TableActivity>> GetTableActivityAsync(DateTimeOffset from, CancellationToken cancellationToken = default);
}
