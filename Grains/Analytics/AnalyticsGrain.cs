using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The room's analytics, on a reminder every minute: a snapshot of every open table each
/// <see cref="AnalyticsOptions.SnapshotInterval"/> (from the summaries the tables publish to the lobby and the hands
/// stored since the last one), the hourly statistics of each hour that ended (and the one before it, for hands a
/// table's outbox stored late), and once a day the removal of snapshots older than
/// <see cref="AnalyticsOptions.SnapshotRetention"/>. After them it evaluates the insight rules (<see cref="InsightRules"/>),
/// stores each new condition once, logs it and posts it to the webhook. It never calls a table.
/// </summary>
public sealed class AnalyticsGrain(
    [PersistentState("analytics", PokerStorage.Name)] IPersistentState<AnalyticsState> store,
    IAnalyticsStore analytics,
    IInsightStore insights,
    ITableRecordStore tableRecords,
    IOptions<AnalyticsOptions> options,
    IOptions<InsightOptions> thresholds,
    StorageMetrics storageMetrics,
    InsightWebhook webhook,
    TimeProvider time,
    ILogger<AnalyticsGrain> logger) : Grain, IAnalyticsGrain, IRemindable
{
    private const string Tick = "analytics";

    // The silo's failure count at the previous evaluation (this activation's; a new one starts counting afresh).
    private long? storageFailuresSeen;

    // The players' figures of the last read (this activation's), reused for InsightOptions.ResultsRefresh.
    private (DateTimeOffset At, IReadOnlyList<PlayerWinRate> WinRates, IReadOnlyList<PairChipFlow> ChipFlows)? playerFigures;

    public async Task Start()
    {
        if (await this.GetReminder(Tick) is null)
        {
            await this.RegisterOrUpdateReminder(Tick, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = time.GetUtcNow();
        var done = Progress();
        try
        {
            await TakeSnapshots(now);
            await ComputeHours(now);
            await RemoveOldSnapshots(now);
            await EvaluateInsights(now);
            await PostToWebhook(now);
        }
        finally
        {
            // One write per tick for what was done, even when a later step failed (it is retried next minute).
            if (Progress() != done)
            {
                await store.WriteStateAsync();
            }
        }
    }

    private (DateTimeOffset?, DateTimeOffset?, DateTimeOffset?) Progress() =>
        (store.State.LastSnapshotAt, store.State.NextHour, store.State.LastRetentionAt);

    public async Task<IReadOnlyList<AnalyticsSnapshot>> Snapshots(DateTimeOffset from, DateTimeOffset to, string? tableId)
    {
        await AnalyticsQuery.Check(from, to, tableId, tableRecords);
        return await analytics.GetSnapshotsAsync(from, to, tableId);
    }

    public async Task<int> Rebuild(DateTimeOffset from, DateTimeOffset to)
    {
        var (start, end) = IAnalyticsGrain.RebuildRange(from, to, time.GetUtcNow());
        var rows = await analytics.RebuildHourlyAsync(start, end);
        logger.LogInformation("Hourly statistics rebuilt from {From:u} to {To:u}: {Rows} rows", start, end, rows);
        return rows;
    }

    public async Task<IReadOnlyList<HourlyStats>> Hourly(DateTimeOffset from, DateTimeOffset to, string? tableId)
    {
        await AnalyticsQuery.Check(from, to, tableId, tableRecords);
        return await analytics.GetHourlyAsync(from, to, tableId);
    }

    private async Task TakeSnapshots(DateTimeOffset now)
    {
        var interval = options.Value.SnapshotInterval;
        if (store.State.LastSnapshotAt is { } last && now - last < interval)
        {
            return;
        }

        var since = store.State.LastSnapshotAt ?? now - interval;
        var tables = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);
        var figures = await analytics.GetHandFiguresAsync(since, now);
        var timeoutsBefore = store.State.Timeouts;
        var rows = tables.Select(t =>
        {
            var f = figures.Tables.GetValueOrDefault(t.TableId) ?? HandFigures.None;
            var timeouts = (int)Math.Clamp(t.Timeouts - timeoutsBefore.GetValueOrDefault(t.TableId), 0, int.MaxValue);
            return new AnalyticsSnapshot(t.TableId, now, t.Status, t.Variant, t.SeatsTaken, t.WaitlistLength, f.Hands,
                f.Hands == 0 ? 0 : f.TotalPot / f.Hands, f.LargestPot, f.Rake, timeouts);
        }).ToList();
        await analytics.WriteSnapshotsAsync(rows);
        store.State.LastSnapshotAt = now;
        store.State.Timeouts = tables.ToDictionary(t => t.TableId, t => t.Timeouts, StringComparer.Ordinal);
        logger.LogDebug("Snapshot of {Tables} tables taken at {At:u}", rows.Count, now);
    }

    private async Task ComputeHours(DateTimeOffset now)
    {
        var hour = IAnalyticsGrain.HourOf(now);
        if (store.State.NextHour is { } next && next >= hour)
        {
            return;
        }

        // The hours since the last run, and the one before them again: a table's outbox may store a hand late.
        var from = (store.State.NextHour ?? hour).AddHours(-1);
        var rows = await analytics.RebuildHourlyAsync(from, hour);
        store.State.NextHour = hour;
        logger.LogInformation("Hourly statistics computed from {From:u} to {To:u}: {Rows} rows", from, hour, rows);
    }

    private async Task RemoveOldSnapshots(DateTimeOffset now)
    {
        if (store.State.LastRetentionAt is { } last && now - last < TimeSpan.FromDays(1))
        {
            return;
        }

        var removed = await analytics.DeleteSnapshotsBeforeAsync(now - options.Value.SnapshotRetention);
        store.State.LastRetentionAt = now;
        logger.LogInformation("Removed {Count} snapshots older than {Retention}", removed, options.Value.SnapshotRetention);
    }

    private async Task EvaluateInsights(DateTimeOffset now)
    {
        var rules = thresholds.Value;
        var lastHour = IAnalyticsGrain.HourOf(now).AddHours(-1);
        var weekBefore = lastHour.AddDays(-7);
        var hands = (await analytics.GetHourlyAsync(lastHour, lastHour.AddHours(1), null)).Sum(r => r.Hands);
        var handsBefore = (await analytics.GetHourlyAsync(weekBefore, weekBefore.AddHours(1), null)).Sum(r => r.Hands);
        // The idle span and the snapshot before it whose time starts it, or the timeouts' hour if longer.
        var snapshotSpan = TimeSpan.FromTicks(Math.Max((rules.IdleTableAfter + 2 * options.Value.SnapshotInterval).Ticks, InsightRules.TimeoutWindow.Ticks));
        var snapshots = await analytics.GetSnapshotsAsync(now - snapshotSpan, now.AddTicks(1), null);
        var failuresNow = storageMetrics.Total;
        var failures = failuresNow - (storageFailuresSeen ?? failuresNow);
        var (winRates, chipFlows) = await PlayerFigures(now, rules);

        var figures = new InsightFigures(now, lastHour, hands, handsBefore, snapshots, failures) { WinRates = winRates, ChipFlows = chipFlows };
        var conditions = InsightRules.Evaluate(figures, rules);
        var resolved = await insights.ResolveAsync(InsightRules.Kinds, conditions.Select(c => c.Key).ToList(), now);
        var opened = await insights.OpenAsync(conditions, now);
        storageFailuresSeen = failuresNow;
        foreach (var insight in opened)
        {
            logger.Log(insight.Severity == InsightSeverity.Info ? LogLevel.Information : LogLevel.Warning,
                "Insight {InsightId} {Kind} ({Severity}) about {ConditionKey}: {Summary}",
                insight.Id, insight.Kind, insight.Severity, insight.ConditionKey, insight.Summary);
        }

        if (resolved > 0)
        {
            logger.LogInformation("{Count} insights resolved: their condition cleared", resolved);
        }
    }

    /// <summary>
    /// People's win rates and the chips between them over <see cref="InsightOptions.ResultsWindow"/>, read again once
    /// <see cref="InsightOptions.ResultsRefresh"/> old (two queries over days of <c>hand_players</c>, not every minute).
    /// Only what can reach the rules' floors is read.
    /// </summary>
    private async Task<(IReadOnlyList<PlayerWinRate>, IReadOnlyList<PairChipFlow>)> PlayerFigures(DateTimeOffset now, InsightOptions rules)
    {
        if (playerFigures is { } cached && now - cached.At < rules.ResultsRefresh)
        {
            return (cached.WinRates, cached.ChipFlows);
        }

        var from = now - rules.ResultsWindow;
        var winRates = await analytics.GetWinRatesAsync(from, now, rules.WinRateMinimumHands);
        var chipFlows = await analytics.GetChipFlowsAsync(from, now, rules.ChipFlowMinimumHands, rules.ChipFlowBigBlinds);
        playerFigures = (now, winRates, chipFlows);
        logger.LogDebug("Players' figures read from {From:u}: {Players} players with enough hands, {Pairs} pairs with enough chips between them",
            from, winRates.Count, chipFlows.Count);
        return (winRates, chipFlows);
    }

    private async Task PostToWebhook(DateTimeOffset now)
    {
        if (options.Value.InsightWebhook() is not { } url)
        {
            return;
        }

        var pending = await insights.PendingAsync(InsightChannel.Webhook, now - InsightsGrain.DeliveryWindow, InsightsGrain.MaxBatch);
        if (pending.Count > 0 && await webhook.Post(url, pending))
        {
            await insights.MarkDeliveredAsync(InsightChannel.Webhook, pending.Select(i => i.Id).ToList(), now);
            logger.LogDebug("{Count} insights posted to the webhook", pending.Count);
        }
    }
}
