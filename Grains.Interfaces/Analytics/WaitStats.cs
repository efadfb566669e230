namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// How long people waited and sat, at one table (or the whole room, <see cref="TableId"/> null), for the waits that began
/// and the seats taken in a range: joins of the waitlist and how they ended (seated, left the queue, let the held seat's
/// offer expire, still waiting), the wait until seated (average, median and 90th percentile, interpolated like
/// PostgreSQL's <c>percentile_cont</c>; null without a seated wait), and the seats taken with their average time seated
/// (of those already left; null when none has).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.wait-stats.v1")]
public sealed record WaitStats(
    [property: Id(0)] string? TableId,
    [property: Id(1)] int Joins,
    [property: Id(2)] int Seated,
    [property: Id(3)] int Left,
    [property: Id(4)] int OfferExpired,
    [property: Id(5)] int Waiting,
    [property: Id(6)] double? AverageWaitSeconds,
    [property: Id(7)] double? MedianWaitSeconds,
    [property: Id(8)] double? P90WaitSeconds,
    [property: Id(9)] int Seatings,
    [property: Id(10)] double? AverageSeatSeconds);
