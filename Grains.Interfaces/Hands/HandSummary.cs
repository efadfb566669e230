namespace Orleans.Poker.Grains.Interfaces.Hands;

/// <summary>
/// A stored hand as it crosses the grain boundary (to the gateway's <c>/api</c> hands and the bot): where and when it
/// was played, by whom (seat order), the pot and, only when one hand is asked for, its PHH text. The stored row it is
/// made from is <c>HandRecord</c> in Grains (PHH always there), kept apart on purpose: that one is persisted inside
/// table state under its own alias and field ids, this one is a wire record and the JSON of the REST API (its
/// <see cref="HandNo"/> and optional <see cref="Phh"/>), so each can stay as it is while the other changes.
/// </summary>
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
