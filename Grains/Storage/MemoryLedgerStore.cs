using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The ledger in process memory: the embedded default and the tests. Lost on restart.</summary>
public sealed class MemoryLedgerStore : ILedgerStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LedgerEntry> _byTransfer = new(StringComparer.Ordinal);
    private readonly Dictionary<long, List<LedgerEntry>> _byPlayer = [];
    private readonly List<LedgerEntry> _inOrder = [];

    /// <summary>Every stored entry, in append order (for tests and chip-conservation checks).</summary>
    public IReadOnlyList<LedgerEntry> All
    {
        get
        {
            lock (_gate)
            {
                return _byPlayer.Values.SelectMany(e => e).ToList();
            }
        }
    }

    public Task<LedgerAppendResult> AppendAsync(LedgerEntry entry, long? adminId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        lock (_gate)
        {
            if (_byTransfer.TryGetValue(entry.TransferId, out var stored))
            {
                return Task.FromResult(new LedgerAppendResult(false, stored));
            }

            _byTransfer.Add(entry.TransferId, entry);
            if (!_byPlayer.TryGetValue(entry.PlayerId, out var list))
            {
                _byPlayer[entry.PlayerId] = list = [];
            }

            list.Add(entry);
            _inOrder.Add(entry);
            return Task.FromResult(new LedgerAppendResult(true, entry));
        }
    }

    public Task<LedgerEntry?> FindAsync(string transferId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_byTransfer.GetValueOrDefault(transferId));
        }
    }

    public Task<IReadOnlyList<LedgerEntry>> SearchAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IEnumerable<LedgerEntry> entries = query.PlayerId is { } playerId ? _byPlayer.GetValueOrDefault(playerId) ?? [] : _inOrder;
            var matching = entries.Where(query.Matches);
            IReadOnlyList<LedgerEntry> page = (query.OldestFirst ? matching.OrderBy(e => e.At) : matching.Reverse().OrderByDescending(e => e.At))
                .Skip(Math.Max(0, query.Skip)).Take(Math.Max(0, query.Take)).ToList();
            return Task.FromResult(page);
        }
    }

    public Task<LedgerBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var wallets = _byPlayer.ToDictionary(p => p.Key, p => p.Value[^1].BalanceAfter);
            return Task.FromResult(new LedgerBalance(
                _inOrder.Where(e => LedgerKindColumn.Issuing.Contains(e.Kind)).Sum(e => e.Amount),
                wallets.Where(w => w.Key != HouseAccount.PlayerId).Sum(w => w.Value),
                wallets.GetValueOrDefault(HouseAccount.PlayerId),
                -_inOrder.Where(e => LedgerKindColumn.Table.Contains(e.Kind)).Sum(e => e.Amount),
                _byPlayer.All(p => p.Value.Sum(e => e.Amount) == wallets[p.Key])));
        }
    }
}
