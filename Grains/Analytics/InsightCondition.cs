using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// A condition a rule sees now: <see cref="Key"/> (<c>kind:subject</c>) identifies it, so it is stored once while it
/// holds. The subject is the room, a table (<see cref="TableId"/>) or, for rules over players' results, a player
/// (<see cref="PlayerId"/>) or a pair of players named in the key.
/// </summary>
public sealed record InsightCondition(
    string Kind,
    InsightSeverity Severity,
    string Key,
    string? TableId,
    long? PlayerId,
    string Summary,
    IReadOnlyDictionary<string, double> Details);
