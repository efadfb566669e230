namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// A player's results over every stored hand (from <c>hand_players</c>): hands, hands won (net above zero), net chips
/// (finishing minus starting stack, rake included), the profit over time, the latest sessions, the biggest pots won and
/// the results per game. Robots and people alike; empty lists and zeros for a player without hands.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.player-results.v1")]
public sealed record PlayerResults(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] int Hands,
    [property: Id(2)] int HandsWon,
    [property: Id(3)] long Net,
    [property: Id(4)] IReadOnlyList<ProfitPoint> Profit,
    [property: Id(5)] IReadOnlyList<PlaySession> Sessions,
    [property: Id(6)] IReadOnlyList<BigPot> BiggestPots,
    [property: Id(7)] IReadOnlyList<VariantResult> Variants);
