namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>A hand the player won chips in (net above zero), with the whole pot and what the player gained.</summary>
[GenerateSerializer, Immutable, Alias("poker.big-pot.v1")]
public sealed record BigPot(
    [property: Id(0)] string TableId,
    [property: Id(1)] long HandNumber,
    [property: Id(2)] string Variant,
    [property: Id(3)] DateTimeOffset EndedAt,
    [property: Id(4)] long Pot,
    [property: Id(5)] long Net);
