namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The players whose chat lines the caller does not want to see.</summary>
public sealed record ChatMutesResponse(IReadOnlyList<long> PlayerIds);
