using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Admin;

/// <summary>Serves the ledger store to the gateway, which has no database access of its own.</summary>
[StatelessWorker]
public sealed class LedgerGrain(ILedgerStore ledger) : Grain, ILedgerGrain
{
    public Task<IReadOnlyList<LedgerEntry>> Entries(DateTimeOffset from, DateTimeOffset to, int skip, int take)
    {
        AnalyticsQuery.CheckRange(from, to);
        return ledger.GetEntriesAsync(from, to, Math.Max(0, skip), Math.Clamp(take, 1, ILedgerGrain.MaxTake));
    }

    public Task<LedgerBalance> Balance() => ledger.GetBalanceAsync();
}
