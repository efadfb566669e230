namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Take a seat (null: any free one) with a buy-in from the balance; private tables need the invite code.</summary>
public sealed record SitRequest(long BuyIn, int? Seat = null, string? InviteCode = null);
