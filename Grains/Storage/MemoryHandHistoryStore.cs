using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hand histories in process memory: the embedded default and the tests. Lost on restart.</summary>
/// <param name="tables">The tables' rows, to tell a sit-and-go's hands (tournament chips); without them every hand is a cash hand.</param>
public sealed class MemoryHandHistoryStore(ITableRecordStore? tables = null) : IHandHistoryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, long Hand), HandRecord> _hands = [];
    private readonly List<HandRecord> _inOrder = [];
    private readonly List<HandPlayerResult> _results = [];

    public async Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hand);
        var sitAndGo = tables is not null && (await tables.FindTableAsync(hand.TableId, cancellationToken))?.Type == TableType.SitAndGo;
        lock (_gate)
        {
            if (!_hands.TryAdd((hand.TableId, hand.HandNumber), hand))
            {
                return false;
            }

            _inOrder.Add(hand);
            _results.AddRange(HandPlayerResult.Of(hand, sitAndGo));
            return true;
        }
    }

    /// <summary>Every stored hand, in the order stored.</summary>
    public IReadOnlyList<HandRecord> All()
    {
        lock (_gate)
        {
            return _inOrder.ToList();
        }
    }

    /// <summary>Every player's result in every stored hand (the <c>hand_players</c> rows), in the order stored.</summary>
    public IReadOnlyList<HandPlayerResult> Results()
    {
        lock (_gate)
        {
            return _results.ToList();
        }
    }

    public Task<HandRecord?> GetAsync(string tableId, long handNumber, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_hands.GetValueOrDefault((tableId, handNumber)));
        }
    }

    public Task<IReadOnlyList<HandRecord>> GetPlayerHandsAsync(long playerId, int skip, int take, CancellationToken cancellationToken = default) =>
        Page(h => h.PlayerIds.Contains(playerId), skip, take);

    public Task<IReadOnlyList<HandRecord>> GetTableHandsAsync(string tableId, int skip, int take, CancellationToken cancellationToken = default) =>
        Page(h => h.TableId == tableId, skip, take);

    public Task<IReadOnlyList<HandPlayerResult>> GetPlayerResultsAsync(long playerId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<HandPlayerResult> results = _results.Where(r => r.PlayerId == playerId)
                .OrderBy(r => r.EndedAt).ThenBy(r => r.TableId, StringComparer.Ordinal).ThenBy(r => r.HandNumber)
                .ToList();
            return Task.FromResult(results);
        }
    }

    public Task<(IReadOnlyList<LeaderboardEntry> Top, int Ranked, LeaderboardEntry? Own)> GetLeaderboardAsync(
        DateTimeOffset? from, LeaderboardOrder by, int take, long playerId, CancellationToken cancellationToken = default)
    {
        List<(long Player, int Hands, long Net)> totals;
        lock (_gate)
        {
            totals = _results.Where(r => r.PlayerId >= 0 && !RobotStrategy.IsRobot(r.PlayerId) && (from is null || r.EndedAt >= from))
                .GroupBy(r => r.PlayerId)
                .Select(g => (g.Key, g.Count(), g.Sum(r => r.Net)))
                .ToList();
        }

        long Figure((long Player, int Hands, long Net) t) => by == LeaderboardOrder.Hands ? t.Hands : t.Net;
        var ranked = totals
            .Select(t => new LeaderboardEntry(1 + totals.Count(o => Figure(o) > Figure(t)), t.Player, null, t.Hands, t.Net))
            .OrderBy(e => e.Rank).ThenBy(e => e.PlayerId)
            .ToList();
        (IReadOnlyList<LeaderboardEntry>, int, LeaderboardEntry?) board =
            (ranked.Take(take).ToList(), ranked.Count, ranked.FirstOrDefault(e => e.PlayerId == playerId));
        return Task.FromResult(board);
    }

    public Task<IReadOnlyList<TableActivity>> GetTableActivityAsync(DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<TableActivity> tables = _inOrder.Where(h => h.EndedAt >= from)
                .GroupBy(h => h.TableId)
                .Select(g => new TableActivity(g.Key, g.Count(), g.Sum(h => h.Pot) / g.Count(), g.Max(h => h.EndedAt)))
                .OrderBy(t => t.TableId, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult(tables);
        }
    }

    private Task<IReadOnlyList<HandRecord>> Page(Func<HandRecord, bool> filter, int skip, int take)
    {
        lock (_gate)
        {
            IReadOnlyList<HandRecord> page = _inOrder.Where(filter)
                .OrderByDescending(h => h.StartedAt)
                .ThenByDescending(h => h.HandNumber)
                .Skip(Math.Max(0, skip))
                .Take(Math.Max(0, take))
                .ToList();
            return Task.FromResult(page);
        }
    }
}
