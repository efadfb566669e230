namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Admin: why (written to the audit log; up to 200 characters).</summary>
public sealed record ReasonRequest(string? Reason);
