using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// What the insight rules look at, gathered by the analytics grain from the store and the silo.
/// </summary>
/// <param name="Now">The evaluation's time.</param>
/// <param name="LastHour">The start of the last whole hour (UTC).</param>
/// <param name="HandsLastHour">Hands of the whole room in that hour (from <c>table_stats_hourly</c>).</param>
/// <param name="HandsWeekBefore">Hands of the whole room in the same hour a week earlier.</param>
/// <param name="Snapshots">The tables' snapshots taken since <see cref="InsightOptions.IdleTableAfter"/> and a little more, oldest first.</param>
/// <param name="StorageFailures">Failed storage operations counted since the previous evaluation.</param>
public sealed record InsightFigures(
    DateTimeOffset Now,
    DateTimeOffset LastHour,
    int HandsLastHour,
    int HandsWeekBefore,
    IReadOnlyList<AnalyticsSnapshot> Snapshots,
    long StorageFailures);
