using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>The waits and seat times of a range, read from the seat and waitlist history.</summary>
[StatelessWorker]
public sealed class WaitStatsGrain(ISeatHistoryStore history) : Grain, IWaitStatsGrain
{
    public Task<WaitReport> Waits(DateTimeOffset from, DateTimeOffset to, string? tableId) =>
        from <= to ? history.GetWaitsAsync(from, to, tableId)
            : throw new PokerException("invalid_range", "The range must not end before it starts");
}
