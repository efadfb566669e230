namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>What a leaderboard ranks players by: net chips won, or hands played.</summary>
public enum LeaderboardOrder
{
    Profit,
    Hands,
}
