namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Join a private table with its invite (<c>tableId:code</c>) and a buy-in.</summary>
public sealed record JoinByInviteRequest(string? Invite, long BuyIn, int? Seat = null);
