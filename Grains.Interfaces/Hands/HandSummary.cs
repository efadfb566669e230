namespace Orleans.Poker.Grains.Interfaces.Hands;

/// <summary>A stored hand: where and when it was played, by whom (seat order), the pot and, when asked for one hand, its PHH text.</summary>
[GenerateSerializer, Immutable, Alias("poker.hand-summary.v1")]
public sealed record HandSummary(
    [property: Id(0)] string TableId,
    [property: Id(1)] long HandNo,
    [property: Id(2)] string Variant,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset EndedAt,
    [property: Id(5)] IReadOnlyList<long> PlayerIds,
    [property: Id(6)] long Pot,
    [property: Id(7)] long Rake,
    [property: Id(8)] string? Phh);
