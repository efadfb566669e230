namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>One sit-and-go blind level, played for <see cref="Duration"/> before the next one starts.</summary>
[GenerateSerializer, Immutable, Alias("poker.blind-level.v1")]
public sealed record BlindLevel(
    [property: Id(0)] long SmallBlind,
    [property: Id(1)] long BigBlind,
    [property: Id(2)] long Ante,
    [property: Id(3)] TimeSpan Duration);
