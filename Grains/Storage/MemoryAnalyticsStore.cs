using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics in process memory, computed from the memory hand store: the embedded default and the tests.</summary>
public sealed class MemoryAnalyticsStore(MemoryHandHistoryStore? hands) : IAnalyticsStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, DateTimeOffset Hour), HourlyStats> _rows = [];
    private readonly List<AnalyticsSnapshot> _snapshots = [];

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

    public Task<RoomFigures> GetHandFiguresAsync(DateTimeOffset from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        var inRange = (hands?.All() ?? []).Where(h => h.EndedAt >= from && (to is null || h.EndedAt < to)).ToList();
        static HandFigures Of(IReadOnlyCollection<HandRecord> hands) => hands.Count == 0 ? HandFigures.None : new(
            hands.Count, hands.Sum(h => h.Pot), hands.Max(h => h.Pot), hands.Sum(h => h.Rake), hands.SelectMany(h => h.PlayerIds).Distinct().Count());
        return Task.FromResult(new RoomFigures(inRange.GroupBy(h => h.TableId).ToDictionary(g => g.Key, g => Of(g.ToList())), Of(inRange)));
    }

    public Task WriteSnapshotsAsync(IReadOnlyList<AnalyticsSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _snapshots.AddRange(snapshots);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AnalyticsSnapshot>> GetSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<AnalyticsSnapshot> found = _snapshots
                .Where(s => s.TakenAt >= from && s.TakenAt < to && (tableId is null || s.TableId == tableId))
                .OrderBy(s => s.TakenAt).ThenBy(s => s.TableId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(found);
        }
    }

    public Task<int> DeleteSnapshotsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_snapshots.RemoveAll(s => s.TakenAt < before));
        }
    }
}
