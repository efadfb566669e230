using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// An action on the player's turn, named by <see cref="HandNo"/> and <see cref="TurnId"/> from the view acted on:
/// <see cref="Amount"/> is the raise-to total, <see cref="Cards"/> the discards. <see cref="ClientSeq"/> is required (1.., a
/// new one for each action; a repeat is answered with the first answer): left out, it is 0 and refused.
/// </summary>
public sealed record ActRequest(ActionKind Action, long HandNo, long TurnId, long Amount = 0, IReadOnlyList<string>? Cards = null, long ClientSeq = 0);
