namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// A player's place on a leaderboard: players with the same figure share a rank (1, 2, 2, 4). The display name is the
/// stored one, null when the room has no row for the player.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.leaderboard-entry.v1")]
public sealed record LeaderboardEntry(
    [property: Id(0)] int Rank,
    [property: Id(1)] long PlayerId,
    [property: Id(2)] string? DisplayName,
    [property: Id(3)] int Hands,
    [property: Id(4)] long Net);
