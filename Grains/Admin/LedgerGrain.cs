using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
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
        return Search(new LedgerQuery(From: from, To: to, Skip: skip, Take: take, OldestFirst: true));
    }

    public Task<LedgerBalance> Balance() => ledger.GetBalanceAsync();

    public Task<IReadOnlyList<LedgerEntry>> Search(LedgerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.From > query.To)
        {
            throw new PokerException("invalid_range", "from must not be after to.");
        }

        return ledger.SearchAsync(query with { Skip = Math.Max(0, query.Skip), Take = Math.Clamp(query.Take, 1, ILedgerGrain.MaxTake) });
    }
}
