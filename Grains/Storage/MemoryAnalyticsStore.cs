using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics in process memory, computed from the memory hand store: the embedded default and the tests.</summary>
/// <param name="hands">The stored hands and their players' rows; without them there are none.</param>
/// <param name="tables">The tables' rows and templates: a hand's table type and big blind (the player rules); without them no hand is a cash hand.</param>
public sealed class MemoryAnalyticsStore(MemoryHandHistoryStore? hands, MemoryTableRecordStore? tables = null) : IAnalyticsStore
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
    public async Task<IReadOnlyList<PlayerWinRate>> GetWinRatesAsync(DateTimeOffset from, DateTimeOffset to, int minimumHands, CancellationToken cancellationToken = default)
    {
        var cash = await CashHands(from, to, cancellationToken);
        return cash.GroupBy(r => r.Result.PlayerId)
            .Where(g => g.Count() >= minimumHands)
            .Select(g => new PlayerWinRate(g.Key, g.Count(), g.Sum(r => r.Result.Net), g.Sum(r => (double)r.Result.Net / r.Unit)))
            .OrderBy(r => r.PlayerId)
            .ToList();
    }

    public async Task<IReadOnlyList<PairChipFlow>> GetChipFlowsAsync(DateTimeOffset from, DateTimeOffset to, int minimumSharedHands, double minimumBigBlinds, CancellationToken cancellationToken = default)
    {
        // Each pair once (a < b), both ways at once; then named from the one whose chips went to the other more.
        var pairs = new Dictionary<(long A, long B), (int Shared, long Ab, double AbBb, long Ba, double BaBb)>();
        foreach (var hand in (await CashHands(from, to, cancellationToken)).GroupBy(r => (r.Result.TableId, r.Result.HandNumber)))
        {
            foreach (var a in hand)
            {
                foreach (var b in hand.Where(b => a.Result.PlayerId < b.Result.PlayerId))
                {
                    var p = pairs.GetValueOrDefault((a.Result.PlayerId, b.Result.PlayerId));
                    var (aNet, bNet) = (a.Result.Net, b.Result.Net);
                    var ab = aNet < 0 && bNet > 0 ? Math.Min(-aNet, bNet) : 0;
                    var ba = bNet < 0 && aNet > 0 ? Math.Min(-bNet, aNet) : 0;
                    pairs[(a.Result.PlayerId, b.Result.PlayerId)] = (p.Shared + 1, p.Ab + ab, p.AbBb + (double)ab / a.Unit, p.Ba + ba, p.BaBb + (double)ba / a.Unit);
                }
            }
        }

        return pairs
            .Where(p => p.Value.Shared >= minimumSharedHands && Math.Max(p.Value.AbBb, p.Value.BaBb) >= minimumBigBlinds)
            .OrderBy(p => p.Key.A).ThenBy(p => p.Key.B)
            .Select(p => PairChipFlow.Named(p.Key.A, p.Key.B, p.Value.Shared, (p.Value.Ab, p.Value.AbBb), (p.Value.Ba, p.Value.BaBb)))
            .ToList();
    }

    /// <summary>
    /// People's rows of the cash hands that ended in [from, to), each with its table's big blind, or the small bet of a
    /// game without blinds (as the PostgreSQL store's query): sit-and-go hands, robots and tables without either are left out.
    /// </summary>
    private async Task<List<(HandPlayerResult Result, long Unit)>> CashHands(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var units = new Dictionary<string, long?>(StringComparer.Ordinal);
        var rows = new List<(HandPlayerResult, long)>();
        foreach (var result in (hands?.Results() ?? []).Where(r => r.EndedAt >= from && r.EndedAt < to && !RobotStrategy.IsRobot(r.PlayerId)))
        {
            if (!units.TryGetValue(result.TableId, out var unit))
            {
                var table = tables is null ? null : await tables.FindTableAsync(result.TableId, cancellationToken);
                var config = table is null || table.Type == TableType.SitAndGo ? null : tables!.FindTemplateVersion(table.TemplateId, table.TemplateVersion);
                units[result.TableId] = unit = config switch
                {
                    { BigBlind: > 0 } => config.BigBlind,
                    { SmallBet: > 0 } => config.SmallBet,
                    _ => null,
                };
            }

            if (unit is { } u)
            {
                rows.Add((result, u));
            }
        }

        return rows;
    }
}
