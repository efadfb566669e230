namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Admin: the player to remove from a table.</summary>
public sealed record KickRequest(long PlayerId, string? Reason);
