namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// A finished hand as stored: the PHH text plus the columns it is found by (<see cref="IHandHistoryStore"/>). A table
/// keeps the ones its store has not taken yet in its persisted state (<c>TableState.PendingHistories</c>), so this
/// record's alias and field ids are a storage contract. Readers outside the silo get
/// <see cref="Interfaces.Hands.HandSummary"/> instead: the same facts as a wire record, PHH only when one hand is asked
/// for; it is not merged with this one because neither contract may change.
/// </summary>
/// <param name="PlayerIds">Player ids in seat order.</param>
/// <param name="Pot">All chips awarded (rake included).</param>
/// <param name="Nets">
/// Each player's finishing minus starting stack, in seat order, as the PHH has them (so its rows need not parse the
/// PHH again); null in records made before it, whose PHH is read instead (<see cref="HandPlayerResult.Of"/>).
/// </param>
[GenerateSerializer, Immutable, Alias("poker.hand-record.v1")]
public sealed record HandRecord(
    [property: Id(0)] string TableId,
    [property: Id(1)] long HandNumber,
    [property: Id(2)] string Variant,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset EndedAt,
    [property: Id(5)] IReadOnlyList<long> PlayerIds,
    [property: Id(6)] long Pot,
    [property: Id(7)] long Rake,
    [property: Id(8)] string Phh,
    [property: Id(9)] IReadOnlyList<long>? Nets = null);
