namespace Orleans.Poker.Gateway.Contracts;

/// <summary>1-based waitlist position, or null when not queued.</summary>
public sealed record PositionResponse(string TableId, int? Position);
