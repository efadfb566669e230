namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// The room's analytics (key <see cref="Key"/>): one activation in the cluster, woken by a reminder every minute (it
/// moves to another silo when its silo is lost). It takes the snapshots of the open tables, computes the hourly
/// statistics at each hour boundary and removes old snapshots, from what the tables publish and the stored hands: it
/// never calls a table.
/// </summary>
[Alias("poker.analytics")]
public interface IAnalyticsGrain : IGrainWithStringKey
{
    public const string Key = "room";

    /// <summary>Makes sure the reminder runs (every silo calls this when it starts).</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>
    /// Recomputes the hourly statistics of every hour from <paramref name="from"/> to <paramref name="to"/> (rounded out
    /// to whole hours; at most 31 days, not in the future) from the stored hands; returns the rows written.
    /// </summary>
    [Alias("Rebuild")]
    Task<int> Rebuild(DateTimeOffset from, DateTimeOffset to);

    /// <summary>The hourly rows from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), of one table or all.</summary>
    [Alias("Hourly")]
    Task<IReadOnlyList<HourlyStats>> Hourly(DateTimeOffset from, DateTimeOffset to, string? tableId);

    /// <summary>The snapshots taken from <paramref name="from"/> (inclusive) to <paramref name="to"/> (exclusive), of one table or all.</summary>
    [Alias("Snapshots")]
    Task<IReadOnlyList<AnalyticsSnapshot>> Snapshots(DateTimeOffset from, DateTimeOffset to, string? tableId);
}
