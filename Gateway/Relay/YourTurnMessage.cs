using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// The <c>yourTurn</c> message: the caller must act at <see cref="TableId"/> before <see cref="Deadline"/>, naming
/// <see cref="HandNo"/> and <see cref="TurnId"/> in the action.
/// </summary>
public sealed record YourTurnMessage(string TableId, long EventSeq, long HandNo, long TurnId, int Seat, LegalActions Legal, DateTimeOffset? Deadline);
