using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics (<c>table_stats_hourly</c>) computed from the stored hands, and the tables' snapshots (<c>analytics_snapshots</c>).</summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Recomputes the rows of every table for the whole hours from <paramref name="from"/> to <paramref name="to"/>
    /// (both on an hour boundary) from the stored hands; idempotent. Returns the rows written.
    /// </summary>
    Task<int> RebuildHourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The rows whose hour starts in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<HourlyStats>> GetHourlyAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);

    /// <summary>Per table, the hands that ended in [<paramref name="from"/>, <paramref name="to"/>): count, chips in pots, largest pot, rake.</summary>
    Task<IReadOnlyDictionary<string, HandFigures>> GetHandFiguresAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Writes one batch of snapshots.</summary>
    Task WriteSnapshotsAsync(IReadOnlyList<AnalyticsSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>The snapshots taken in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<AnalyticsSnapshot>> GetSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);

    /// <summary>Removes the snapshots taken before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteSnapshotsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

/// <summary>A table's hands in a span of time: how many, chips in their pots, the largest pot, rake.</summary>
public sealed record HandFigures(int Hands, long TotalPot, long LargestPot, long Rake);
