namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// Chips a seat won from one pot, with the hand that won them (null when everybody else folded): <see cref="Hand"/>
/// in English, <see cref="Names"/> as data (the high hand, then the low one in a hi/lo game).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.pot-award.v1")]
public sealed record PotAward(
    [property: Id(0)] int Seat,
    [property: Id(1)] long? PlayerId,
    [property: Id(2)] long Amount,
    [property: Id(3)] string? Hand,
    [property: Id(4)] IReadOnlyList<string> Cards,
    [property: Id(5)] IReadOnlyList<ShownHand>? Names = null);
