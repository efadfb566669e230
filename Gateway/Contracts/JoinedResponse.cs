namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The seat taken at a table.</summary>
public sealed record JoinedResponse(string TableId, int Seat);
