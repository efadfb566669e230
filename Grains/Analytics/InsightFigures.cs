using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// What the insight rules look at, gathered by the analytics grain from the store and the silo.
/// </summary>
/// <param name="Now">The evaluation's time.</param>
/// <param name="LastHour">The start of the last whole hour (UTC).</param>
/// <param name="HandsLastHour">Hands of the whole room in that hour (from <c>table_stats_hourly</c>).</param>
/// <param name="HandsWeekBefore">Hands of the whole room in the same hour a week earlier.</param>
/// <param name="Snapshots">
/// The tables' snapshots taken since <see cref="InsightOptions.IdleTableAfter"/> and a little more, or since
/// <see cref="InsightRules.TimeoutWindow"/> if that is longer, oldest first.
/// </param>
/// <param name="StorageFailures">Failed storage operations counted since the previous evaluation.</param>
public sealed record InsightFigures(
    DateTimeOffset Now,
    DateTimeOffset LastHour,
    int HandsLastHour,
    int HandsWeekBefore,
    IReadOnlyList<AnalyticsSnapshot> Snapshots,
    long StorageFailures)
{
    /// <summary>People's results in the cash hands of <see cref="InsightOptions.ResultsWindow"/> (from <c>hand_players</c>; robots and sit-and-go hands left out).</summary>
    public IReadOnlyList<PlayerWinRate> WinRates { get; init; } = [];

    /// <summary>The chips between people dealt into the same cash hands of <see cref="InsightOptions.ResultsWindow"/>, one entry per pair.</summary>
    public IReadOnlyList<PairChipFlow> ChipFlows { get; init; } = [];
}
