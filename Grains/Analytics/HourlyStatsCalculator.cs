using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>The hourly statistics of hands, as <see cref="NpgsqlAnalyticsStore"/> computes them in SQL (the memory store uses this).</summary>
public static class HourlyStatsCalculator
{
    /// <summary>
    /// One row per table and hour for the hands in <paramref name="hands"/> that ended in [from, to);
    /// <paramref name="firstHandOf"/> gives when a player's first hand in the room ended.
    /// </summary>
    public static List<HourlyStats> Compute(IEnumerable<HandRecord> hands, DateTimeOffset from, DateTimeOffset to, Func<long, DateTimeOffset> firstHandOf) =>
        hands.Where(h => h.EndedAt >= from && h.EndedAt < to)
            .GroupBy(h => (h.TableId, Hour: IAnalyticsGrain.HourOf(h.EndedAt)))
            .Select(g =>
            {
                var players = g.SelectMany(h => h.PlayerIds).Distinct().ToList();
                return new HourlyStats(
                    g.Key.TableId,
                    g.Key.Hour,
                    g.OrderBy(h => h.EndedAt).Last().Variant,
                    g.Count(),
                    (double)Math.Round((decimal)g.Sum(h => h.PlayerIds.Count) / g.Count(), 2, MidpointRounding.AwayFromZero),
                    g.Max(h => h.PlayerIds.Count),
                    players.Count,
                    players.Count(p => IAnalyticsGrain.HourOf(firstHandOf(p)) == g.Key.Hour && g.Any(h => h.PlayerIds.Contains(p) && h.EndedAt == firstHandOf(p))),
                    g.Select(h => IAnalyticsGrain.HourOf(h.EndedAt).AddMinutes(h.EndedAt.ToUniversalTime().Minute)).Distinct().Count(),
                    g.Sum(h => h.Pot),
                    g.Sum(h => h.Rake));
            })
            .OrderBy(s => s.HourStart).ThenBy(s => s.TableId, StringComparer.Ordinal)
            .ToList();
}
