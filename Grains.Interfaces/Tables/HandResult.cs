namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>How a hand ended: who won what, what was shown, and the rake taken.</summary>
[GenerateSerializer, Immutable, Alias("poker.hand-result.v1")]
public sealed record HandResult(
    [property: Id(0)] long HandNo,
    [property: Id(1)] IReadOnlyList<PotAward> Awards,
    [property: Id(2)] IReadOnlyList<string> Board,
    [property: Id(3)] long Rake,
    [property: Id(4)] string HandId);
