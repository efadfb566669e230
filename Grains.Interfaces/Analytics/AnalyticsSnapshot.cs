using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// One open table at <see cref="TakenAt"/>: its status, seated players and waitlist (from the summary it publishes to
/// the lobby), and the hands stored since the previous snapshot with their average and largest pot and their rake.
/// <see cref="Timeouts"/> counts the people's turns the clock played since the previous snapshot (from the count the
/// table publishes in its summary, <see cref="TableSummary.Timeouts"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.analytics-snapshot.v1")]
public sealed record AnalyticsSnapshot(
    [property: Id(0)] string TableId,
    [property: Id(1)] DateTimeOffset TakenAt,
    [property: Id(2)] TableStatus Status,
    [property: Id(3)] string Variant,
    [property: Id(4)] int Seated,
    [property: Id(5)] int Waitlist,
    [property: Id(6)] int Hands,
    [property: Id(7)] long AveragePot,
    [property: Id(8)] long LargestPot,
    [property: Id(9)] long Rake,
    [property: Id(10)] int Timeouts = 0);
