using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics (<c>table_stats_hourly</c>), computed from the stored hands.</summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Recomputes the rows of every table for the whole hours from <paramref name="from"/> to <paramref name="to"/>
    /// (both on an hour boundary) from the stored hands; idempotent. Returns the rows written.
    /// </summary>
    Task<int> RebuildHourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The rows whose hour starts in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<HourlyStats>> GetHourlyAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);
}
