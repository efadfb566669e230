namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>A queued player.</summary>
[GenerateSerializer, Immutable, Alias("poker.waitlist-entry.v1")]
public sealed record WaitlistEntry(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] DateTimeOffset JoinedAt);
