using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// What every analytics read checks: a range that does not end before it starts and spans at most
/// <see cref="MaxRange"/> (the rows are answered whole, unpaged), and a table the room has (or had).
/// </summary>
public static class AnalyticsQuery
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(31);

    public static async Task Check(DateTimeOffset from, DateTimeOffset to, string? tableId, ITableRecordStore tables)
    {
        CheckRange(from, to);
        if (to - from > MaxRange)
        {
            throw new PokerException("invalid_range", $"The range must span at most {MaxRange.TotalDays:0} days");
        }

        if (tableId is not null && await tables.FindTableAsync(tableId) is null)
        {
            throw PokerException.NotFound($"Table {tableId}");
        }
    }

    /// <summary>A range that does not end before it starts (the ledger's reads check this too).</summary>
    public static void CheckRange(DateTimeOffset from, DateTimeOffset to)
    {
        if (from > to)
        {
            throw new PokerException("invalid_range", "The range must not end before it starts");
        }
    }
}
