using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>
/// A table's turn as it stands after event <see cref="EventSeq"/>: the turn (null when nobody is to act), the player to
/// act, their turn clock's deadline and their legal actions.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.turn-notice.v1")]
public sealed record TurnNotice(
    [property: Id(0)] string TableId,
    [property: Id(1)] string TableName,
    [property: Id(2)] long EventSeq,
    [property: Id(3)] TurnRef? Turn,
    [property: Id(4)] long? PlayerId,
    [property: Id(5)] DateTimeOffset? Deadline,
    [property: Id(6)] LegalActions? Legal);
