using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The room's analytics: a reminder every minute; when an hour has ended, the hourly statistics of that hour and the
/// one before (hands stored late by a table's outbox) are computed from the stored hands. It reads no table.
/// </summary>
public sealed class AnalyticsGrain(
    [PersistentState("analytics", PokerStorage.Name)] IPersistentState<AnalyticsState> store,
    IAnalyticsStore analytics,
    TimeProvider time,
    ILogger<AnalyticsGrain> logger) : Grain, IAnalyticsGrain, IRemindable
{
    /// <summary>The longest range one rebuild recomputes.</summary>
    public static readonly TimeSpan MaxRebuild = TimeSpan.FromDays(31);

    private const string Tick = "analytics";

    public async Task Start()
    {
        if (await this.GetReminder(Tick) is null)
        {
            await this.RegisterOrUpdateReminder(Tick, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var hour = HourlyStatsCalculator.HourOf(time.GetUtcNow());
        if (store.State.NextHour is { } next && next >= hour)
        {
            return;
        }

        // The hours since the last run, and the one before them again: a table's outbox may store a hand late.
        var from = (store.State.NextHour ?? hour).AddHours(-1);
        var rows = await analytics.RebuildHourlyAsync(from, hour);
        store.State.NextHour = hour;
        await store.WriteStateAsync();
        logger.LogInformation("Hourly statistics computed from {From:u} to {To:u}: {Rows} rows", from, hour, rows);
    }

    public async Task<int> Rebuild(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = RebuildRange(from, to, time.GetUtcNow());
        var rows = await analytics.RebuildHourlyAsync(start, end);
        logger.LogInformation("Hourly statistics rebuilt from {From:u} to {To:u}: {Rows} rows", start, end, rows);
        return rows;
    }

    public Task<IReadOnlyList<HourlyStats>> Hourly(DateTimeOffset from, DateTimeOffset to, string? tableId) =>
        from <= to ? analytics.GetHourlyAsync(from, to, tableId)
            : throw new PokerException("invalid_range", "The range must not end before it starts");

    /// <summary>A rebuild's whole hours: from ≤ to, not ending after the current hour, at most <see cref="MaxRebuild"/>.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) RebuildRange(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        var start = HourlyStatsCalculator.HourOf(from);
        var end = HourlyStatsCalculator.HourOf(to) < to ? HourlyStatsCalculator.HourOf(to).AddHours(1) : HourlyStatsCalculator.HourOf(to);
        if (start >= end)
        {
            throw new PokerException("invalid_range", "The range must end after it starts");
        }

        if (end > HourlyStatsCalculator.HourOf(now).AddHours(1))
        {
            throw new PokerException("invalid_range", "The range ends in the future: only hours that have begun can be computed");
        }

        return end - start > MaxRebuild
            ? throw new PokerException("invalid_range", $"At most {MaxRebuild.TotalDays:0} days are rebuilt at once")
            : (start, end);
    }
}
