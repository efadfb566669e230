namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>A pot and the seats that can win it. Amounts count every chip put in, the current street's bets included.</summary>
[GenerateSerializer, Immutable, Alias("poker.pot-view.v1")]
public sealed record PotView(
    [property: Id(0)] long Amount,
    [property: Id(1)] IReadOnlyList<int> Seats);
