namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// One stored insight: a condition the room's rules saw (<see cref="Kind"/> about a subject, identified by
/// <see cref="ConditionKey"/>), stored once when it starts to hold and <see cref="ResolvedAt"/> when it stops; an admin
/// may acknowledge it. <see cref="Details"/> carries the figures the rule compared (e.g. <c>hands</c>, <c>threshold</c>).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.insight.v1")]
public sealed record Insight(
    [property: Id(0)] long Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] InsightSeverity Severity,
    [property: Id(3)] string ConditionKey,
    [property: Id(4)] string? TableId,
    [property: Id(5)] long? PlayerId,
    [property: Id(6)] string Summary,
    [property: Id(7)] IReadOnlyDictionary<string, double> Details,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? ResolvedAt,
    [property: Id(10)] DateTimeOffset? AcknowledgedAt,
    [property: Id(11)] long? AcknowledgedBy)
{
    /// <summary>True while the condition still holds.</summary>
    public bool Open => ResolvedAt is null;
}
