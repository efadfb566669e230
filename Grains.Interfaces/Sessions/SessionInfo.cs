namespace Orleans.Poker.Grains.Interfaces.Sessions;

/// <summary>Who a refresh token belongs to and until when it can be redeemed.</summary>
[GenerateSerializer, Immutable, Alias("poker.session-info.v1")]
public sealed record SessionInfo(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] bool IsGuest,
    [property: Id(2)] DateTimeOffset ExpiresAt);
