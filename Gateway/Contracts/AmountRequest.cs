namespace Orleans.Poker.Gateway.Contracts;

/// <summary>An amount of chips (top-up at a table).</summary>
public sealed record AmountRequest(long Amount);
