namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Join a table's waitlist: a private table needs its invite code, as for a seat (the body is optional at a public table).</summary>
public sealed record WaitlistRequest(string? InviteCode = null);
