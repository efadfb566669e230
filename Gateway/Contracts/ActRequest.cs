using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>An action on the player's turn: <see cref="Amount"/> is the raise-to total, <see cref="Cards"/> the discards.</summary>
public sealed record ActRequest(ActionKind Action, long Amount = 0, IReadOnlyList<string>? Cards = null, long ClientSeq = 0);
