namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// Take a seat: <see cref="Seat"/> null picks a free one; <see cref="BuyIn"/> comes from the player's balance
/// (a sit-and-go takes its entry fee instead); private tables need their <see cref="InviteCode"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.seat-request.v1")]
public sealed record SeatRequest(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] string DisplayName,
    [property: Id(2)] long BuyIn,
    [property: Id(3)] int? Seat = null,
    [property: Id(4)] string? InviteCode = null);
