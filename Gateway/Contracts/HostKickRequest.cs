namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The player a host removes from their table.</summary>
public sealed record HostKickRequest(long PlayerId);
