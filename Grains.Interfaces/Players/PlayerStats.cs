namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>Basic lifetime statistics. VPIP: hands where the player put chips in voluntarily.</summary>
[GenerateSerializer, Immutable, Alias("poker.player-stats.v1")]
public sealed record PlayerStats
{
    [Id(0)] public long HandsPlayed { get; init; }

    [Id(1)] public long HandsWon { get; init; }

    /// <summary>Chips won minus chips put in, over all hands.</summary>
    [Id(2)] public long Net { get; init; }

    [Id(3)] public long VoluntarilyPutIn { get; init; }

    [Id(4)] public long ShowdownsSeen { get; init; }

    [Id(5)] public long BiggestPotWon { get; init; }
}
