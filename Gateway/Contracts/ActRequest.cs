using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// An action on the player's turn, named by <see cref="HandNo"/> and <see cref="TurnId"/> from the view acted on:
/// <see cref="Amount"/> is the raise-to total, <see cref="Cards"/> the discards. <see cref="ClientSeq"/> is required (1.., a
/// new one for each action; a repeat is answered with the first answer): it has no default, so the OpenAPI document
/// lists it as required; left out, it binds as 0 and is refused 400 (<see cref="Errors.Input.ClientSeq"/>).
/// </summary>
public sealed record ActRequest(ActionKind Action, long HandNo, long TurnId, long ClientSeq, long Amount = 0, IReadOnlyList<string>? Cards = null);
