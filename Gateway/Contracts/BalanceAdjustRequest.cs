namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Admin: a signed balance correction with its reason.</summary>
public sealed record BalanceAdjustRequest(long Amount, string? Reason);
