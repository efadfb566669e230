namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>The hands a leaderboard counts: since 00:00 UTC today, since Monday 00:00 UTC, or all.</summary>
public enum LeaderboardPeriod
{
    Day,
    Week,
    All,
}
