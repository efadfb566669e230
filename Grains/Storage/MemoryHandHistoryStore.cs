namespace Orleans.Poker.Grains.Storage;

/// <summary>Hand histories in process memory: the embedded default and the tests. Lost on restart.</summary>
public sealed class MemoryHandHistoryStore : IHandHistoryStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Table, long Hand), HandRecord> _hands = [];
    private readonly List<HandRecord> _inOrder = [];

    public Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hand);
        lock (_gate)
        {
            if (!_hands.TryAdd((hand.TableId, hand.HandNumber), hand))
            {
                return Task.FromResult(false);
            }

            _inOrder.Add(hand);
            return Task.FromResult(true);
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
