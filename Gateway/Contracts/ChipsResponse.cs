namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A chip amount answer (balance, stack, cash-out).</summary>
public sealed record ChipsResponse(long Amount);
