namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Guest sign-in: the name to play under (1..32 characters).</summary>
public sealed record GuestSignInRequest(string? Name);
