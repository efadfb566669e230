namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What only one player may see: their own cards, and their legal actions when it is their turn.</summary>
[GenerateSerializer, Immutable, Alias("poker.private-view.v1")]
public sealed record PrivateView(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] int Seat,
    [property: Id(2)] IReadOnlyList<string> Cards,
    [property: Id(3)] LegalActions? Legal);
