namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// What players see of the stored results (stateless worker, key 0): a player's page, the leaderboards and the tables'
/// recent activity. It reads the hand-history store only, never a table, so it is off the game's path.
/// </summary>
[Alias("poker.player-results")]
public interface IPlayerResultsGrain : IGrainWithIntegerKey
{
    /// <summary>Every stored hand of the player summed up: hands, profit over time, sessions, biggest pots, per game.</summary>
    [Alias("Player")]
    Task<PlayerResults> Player(long playerId);

    /// <summary>
    /// The top <paramref name="take"/> (1..100) players of the period ranked by <paramref name="by"/>, and
    /// <paramref name="playerId"/>'s own entry.
    /// </summary>
    [Alias("Leaderboard")]
    Task<Leaderboard> Leaderboard(LeaderboardPeriod period, LeaderboardOrder by, int take, long playerId);

    /// <summary>The tables that ended a hand in the last hour, with their activity (refreshed at most every 30 s).</summary>
    [Alias("TableActivity")]
    Task<IReadOnlyList<TableActivity>> TableActivity();
}
