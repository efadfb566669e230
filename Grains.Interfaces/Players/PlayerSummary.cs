namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>A player's profile, balance, statistics and the tables they sit at.</summary>
[GenerateSerializer, Immutable, Alias("poker.player-summary.v1")]
public sealed record PlayerSummary(
    [property: Id(0)] PlayerProfile Profile,
    [property: Id(1)] long Balance,
    [property: Id(2)] PlayerStats Stats,
    [property: Id(3)] IReadOnlyList<string> Tables);
