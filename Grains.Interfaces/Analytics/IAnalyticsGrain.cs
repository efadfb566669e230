using Orleans.Poker.Grains.Interfaces.Common;

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

    /// <summary>The longest range one rebuild recomputes.</summary>
    public static readonly TimeSpan MaxRebuild = TimeSpan.FromDays(31);

    /// <summary>Hour boundaries: <paramref name="at"/> rounded down to its hour (UTC).</summary>
    public static DateTimeOffset HourOf(DateTimeOffset at)
    {
        var utc = at.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    /// <summary>
    /// A rebuild's whole hours: from ≤ to, not ending after the current hour, at most <see cref="MaxRebuild"/>; else
    /// <c>invalid_range</c> (400). <see cref="Rebuild"/> checks its range with it, and the gateway before the rebuild's
    /// audit entry is written (a bad range changes nothing, not even the log).
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) RebuildRange(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var start = HourOf(from);
        var end = HourOf(to) < to ? HourOf(to).AddHours(1) : HourOf(to);
        if (to <= from || start >= end)
        {
            throw new PokerException("invalid_range", "The range must end after it starts");
        }

        if (end > HourOf(now).AddHours(1))
        {
            throw new PokerException("invalid_range", "The range ends in the future: only hours that have begun can be computed");
        }

        return end - start > MaxRebuild
            ? throw new PokerException("invalid_range", $"At most {MaxRebuild.TotalDays:0} days are rebuilt at once")
            : (start, end);
    }

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
