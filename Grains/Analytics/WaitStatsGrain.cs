using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>The waits and seat times of a range, read from the seat and waitlist history.</summary>
[StatelessWorker]
public sealed class WaitStatsGrain(ISeatHistoryStore history, ITableRecordStore tables) : Grain, IWaitStatsGrain
{
    public async Task<WaitReport> Waits(DateTimeOffset from, DateTimeOffset to, string? tableId)
    {
        await AnalyticsQuery.Check(from, to, tableId, tables);
        return await history.GetWaitsAsync(from, to, tableId);
    }
}
