namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>A player's results in one game (variant code, e.g. <c>NT</c>).</summary>
[GenerateSerializer, Immutable, Alias("poker.variant-result.v1")]
public sealed record VariantResult(
    [property: Id(0)] string Variant,
    [property: Id(1)] int Hands,
    [property: Id(2)] int HandsWon,
    [property: Id(3)] long Net);
