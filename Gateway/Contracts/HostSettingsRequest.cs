namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A host's change for the next hand: the big blind and/or the turn time in seconds (null keeps it).</summary>
public sealed record HostSettingsRequest(long? BigBlind, int? TurnTimeSeconds);
