using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics in process memory, computed from the memory hand store: the embedded default and the tests.</summary>
public sealed class MemoryAnalyticsStore(MemoryHandHistoryStore? hands) : IAnalyticsStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, DateTimeOffset Hour), HourlyStats> _rows = [];

    public Task<int> RebuildHourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var all = hands?.All() ?? [];
        var firsts = new Dictionary<long, DateTimeOffset>();
        foreach (var hand in all)
        {
            foreach (var player in hand.PlayerIds)
            {
                if (!firsts.TryGetValue(player, out var first) || hand.EndedAt < first)
                {
                    firsts[player] = hand.EndedAt;
                }
            }
        }

        var rows = HourlyStatsCalculator.Compute(all, from, to, p => firsts[p]);
        lock (_gate)
        {
            foreach (var row in rows)
            {
                _rows[(row.TableId, row.HourStart)] = row;
            }
        }

        return Task.FromResult(rows.Count);
    }

    public Task<IReadOnlyList<HourlyStats>> GetHourlyAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<HourlyStats> rows = _rows.Values
                .Where(r => r.HourStart >= from && r.HourStart < to && (tableId is null || r.TableId == tableId))
                .OrderBy(r => r.HourStart).ThenBy(r => r.TableId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(rows);
        }
    }
}
