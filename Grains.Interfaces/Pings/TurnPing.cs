using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Pings;

/// <summary>
/// A "your turn" ping for a player with no live connection to the table: sent to their private chat in their
/// <see cref="Language"/>, once per <see cref="Turn"/>, then edited when the turn passes.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.turn-ping.v1")]
public sealed record TurnPing(
    [property: Id(0)] string TableId,
    [property: Id(1)] string TableName,
    [property: Id(2)] TurnRef Turn,
    [property: Id(3)] long PlayerId,
    [property: Id(4)] string Language,
    [property: Id(5)] DateTimeOffset Deadline,
    [property: Id(6)] LegalActions? Legal);
