namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// What only one player may see: their own cards, their legal actions when it is their turn, and the action they
/// pre-selected for the street (<see cref="PreAction"/>), if any.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.private-view.v1")]
public sealed record PrivateView(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] int Seat,
    [property: Id(2)] IReadOnlyList<string> Cards,
    [property: Id(3)] LegalActions? Legal,
    [property: Id(4)] PreAction? PreAction = null);
