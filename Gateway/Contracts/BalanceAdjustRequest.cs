namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// Admin: a signed balance correction with its reason. <see cref="RequestId"/> (1..64 letters, digits, '-' or '_')
/// names the adjustment: a retry with the same id (the answer was lost, or the audit write failed) applies it once.
/// Without one, each request is an adjustment of its own.
/// </summary>
public sealed record BalanceAdjustRequest(long Amount, string? Reason, string? RequestId = null);
