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

    /// <summary>
    /// The hands that ended in [<paramref name="from"/>, <paramref name="to"/>), or since <paramref name="from"/> when
    /// <paramref name="to"/> is null, per table and for the whole room.
    /// </summary>
    Task<RoomFigures> GetHandFiguresAsync(DateTimeOffset from, DateTimeOffset? to, CancellationToken cancellationToken = default);

    /// <summary>Writes one batch of snapshots.</summary>
    Task WriteSnapshotsAsync(IReadOnlyList<AnalyticsSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>The snapshots taken in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<AnalyticsSnapshot>> GetSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);

    /// <summary>Removes the snapshots taken before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteSnapshotsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}

/// <summary>Hands in a span of time: how many, chips in their pots, the largest pot, rake, and the distinct players dealt in.</summary>
public sealed record HandFigures(int Hands, long TotalPot, long LargestPot, long Rake, int DistinctPlayers)
{
    public static readonly HandFigures None = new(0, 0, 0, 0, 0);
}

/// <summary>The figures of each table that dealt hands, and of the whole room (players counted once across tables).</summary>
public sealed record RoomFigures(IReadOnlyDictionary<string, HandFigures> Tables, HandFigures Room);
