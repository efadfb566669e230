namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// The players (people, not robots) who played in a period, ranked: the top ones, how many were ranked, and the asking
/// player's own entry (null when the player played no hand in the period). <see cref="From"/> is null for all time.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.leaderboard.v1")]
public sealed record Leaderboard(
    [property: Id(0)] LeaderboardPeriod Period,
    [property: Id(1)] LeaderboardOrder By,
    [property: Id(2)] DateTimeOffset? From,
    [property: Id(3)] IReadOnlyList<LeaderboardEntry> Top,
    [property: Id(4)] int Ranked,
    [property: Id(5)] LeaderboardEntry? Own);
