namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// A point of a player's profit curve: after the hand that ended at <see cref="At"/> (or, for a long history, the last
/// hand of a UTC day), <see cref="Hands"/> hands played in all and <see cref="Cumulative"/> chips won or lost in all.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.profit-point.v1")]
public sealed record ProfitPoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] int Hands,
    [property: Id(2)] long Cumulative);
