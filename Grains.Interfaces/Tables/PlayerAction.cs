namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>An action a player asks for. <see cref="Amount"/> is the raise-to total; <see cref="Cards"/> the discards.</summary>
[GenerateSerializer, Immutable, Alias("poker.player-action.v1")]
public sealed record PlayerAction(
    [property: Id(0)] ActionKind Kind,
    [property: Id(1)] long Amount = 0,
    [property: Id(2)] IReadOnlyList<string>? Cards = null);
