namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// One table's clock hour (<see cref="HourStart"/>, UTC), computed from the hands that ended in it: hands, players
/// per hand (average and peak), distinct players, players whose first hand in the room it was, minutes with a hand
/// ending, chips in pots and rake. Recomputing an hour gives the same row.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.hourly-stats.v1")]
public sealed record HourlyStats(
    [property: Id(0)] string TableId,
    [property: Id(1)] DateTimeOffset HourStart,
    [property: Id(2)] string Variant,
    [property: Id(3)] int Hands,
    [property: Id(4)] double AveragePlayers,
    [property: Id(5)] int PeakPlayers,
    [property: Id(6)] int DistinctPlayers,
    [property: Id(7)] int NewPlayers,
    [property: Id(8)] int ActiveMinutes,
    [property: Id(9)] long TotalPot,
    [property: Id(10)] long Rake);
