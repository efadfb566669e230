using System.Globalization;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The insight rules: from <see cref="InsightFigures"/> and the thresholds of <see cref="InsightOptions"/>, the
/// conditions that hold now. Every rule runs at every evaluation, so an open insight of one of <see cref="Kinds"/>
/// whose key is not among the conditions has cleared. The rules over players' results (<see cref="WinRates"/>,
/// <see cref="ChipFlows"/>) decide from the aggregates the analytics store reads from <c>hand_players</c>
/// (<see cref="InsightFigures.WinRates"/>, <see cref="InsightFigures.ChipFlows"/>), with a key naming the player or the
/// pair; a new rule adds its figures there, a method here and its kind to <see cref="Kinds"/>.
/// </summary>
public static class InsightRules
{
    public const string TrafficSpike = "traffic_spike";
    public const string TrafficDrop = "traffic_drop";
    public const string IdleTable = "idle_table";
    public const string WaitlistSurge = "waitlist_surge";
    public const string StorageErrors = "storage_errors";
    public const string UnusualWinRate = "unusual_win_rate";
    public const string ChipFlow = "chip_flow";
    public const string TimeoutSurge = "timeout_surge";

    /// <summary>The span of snapshots whose timeouts and hands <see cref="Timeouts"/> counts.</summary>
    public static readonly TimeSpan TimeoutWindow = TimeSpan.FromHours(1);

    /// <summary>The kinds these rules decide (and so may resolve).</summary>
    public static IReadOnlyList<string> Kinds { get; } =
        [TrafficSpike, TrafficDrop, IdleTable, WaitlistSurge, StorageErrors, UnusualWinRate, ChipFlow, TimeoutSurge];

    public static IReadOnlyList<InsightCondition> Evaluate(InsightFigures figures, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        return
        [
            .. Traffic(figures, options), .. IdleTables(figures, options), .. Waitlists(figures, options), .. Storage(figures, options),
            .. WinRates(figures, options), .. ChipFlows(figures, options), .. Timeouts(figures, options),
        ];
    }

    /// <summary>The last whole hour against the same hour a week earlier, once either reached the minimum volume.</summary>
    public static IEnumerable<InsightCondition> Traffic(InsightFigures figures, InsightOptions options)
    {
        var (now, before) = (figures.HandsLastHour, figures.HandsWeekBefore);
        if (Math.Max(now, before) < options.TrafficMinimumHands)
        {
            yield break;
        }

        var details = new Dictionary<string, double>
        {
            ["hands"] = now,
            ["hands_week_before"] = before,
            ["minimum_hands"] = options.TrafficMinimumHands,
        };
        var hour = figures.LastHour.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        if (now >= before * options.TrafficSpikeRatio)
        {
            details["ratio"] = options.TrafficSpikeRatio;
            yield return new(TrafficSpike, InsightSeverity.Info, $"{TrafficSpike}:room", null, null,
                $"Traffic spike: {now} hands in the hour from {hour} UTC against {before} a week earlier", details);
        }
        else if (now <= before * options.TrafficDropRatio)
        {
            details["ratio"] = options.TrafficDropRatio;
            yield return new(TrafficDrop, InsightSeverity.Warning, $"{TrafficDrop}:room", null, null,
                $"Traffic drop: {now} hands in the hour from {hour} UTC against {before} a week earlier", details);
        }
    }

    /// <summary>
    /// Open, unpaused tables in the latest snapshot with two or more players seated in every snapshot of the last
    /// <see cref="InsightOptions.IdleTableAfter"/> and no hand stored since the snapshot before it.
    /// </summary>
    public static IEnumerable<InsightCondition> IdleTables(InsightFigures figures, InsightOptions options)
    {
        if (figures.Snapshots.Count == 0)
        {
            yield break;
        }

        var latest = figures.Snapshots.Max(s => s.TakenAt);
        foreach (var table in figures.Snapshots.GroupBy(s => s.TableId, StringComparer.Ordinal))
        {
            var ordered = table.OrderBy(s => s.TakenAt).ToList();
            if (ordered[^1].TakenAt != latest)
            {
                continue;
            }

            // The last snapshot at least IdleTableAfter old starts the span; the hands of each later one cover it.
            var start = ordered.FindLastIndex(s => s.TakenAt <= latest - options.IdleTableAfter);
            if (start < 0)
            {
                continue;
            }

            var span = ordered[start..];
            if (span.All(s => s.Status != TableStatus.Paused && s.Seated >= 2) && span.Skip(1).All(s => s.Hands == 0))
            {
                var minutes = Math.Floor((latest - ordered[start].TakenAt).TotalMinutes);
                yield return new(IdleTable, InsightSeverity.Info, $"{IdleTable}:{table.Key}", table.Key, null,
                    $"Table {table.Key} has {ordered[^1].Seated} players seated and dealt no hand for {minutes} minutes",
                    new Dictionary<string, double> { ["seated"] = ordered[^1].Seated, ["idle_minutes"] = minutes, ["threshold_minutes"] = options.IdleTableAfter.TotalMinutes });
            }
        }
    }

    /// <summary>Tables in the latest snapshot whose waitlist reached <see cref="InsightOptions.WaitlistSurge"/>.</summary>
    public static IEnumerable<InsightCondition> Waitlists(InsightFigures figures, InsightOptions options)
    {
        if (figures.Snapshots.Count == 0)
        {
            yield break;
        }

        var latest = figures.Snapshots.Max(s => s.TakenAt);
        foreach (var s in figures.Snapshots.Where(s => s.TakenAt == latest && s.Waitlist >= options.WaitlistSurge))
        {
            yield return new(WaitlistSurge, InsightSeverity.Warning, $"{WaitlistSurge}:{s.TableId}", s.TableId, null,
                $"Table {s.TableId} ({s.Variant}) has {s.Waitlist} players waiting: open another table?",
                new Dictionary<string, double> { ["waitlist"] = s.Waitlist, ["seated"] = s.Seated, ["threshold"] = options.WaitlistSurge });
        }
    }

    /// <summary>Failed storage operations since the previous evaluation, from <see cref="InsightOptions.StorageErrors"/> on.</summary>
    public static IEnumerable<InsightCondition> Storage(InsightFigures figures, InsightOptions options)
    {
        if (figures.StorageFailures >= options.StorageErrors)
        {
            yield return new(StorageErrors, InsightSeverity.Critical, $"{StorageErrors}:room", null, null,
                $"{figures.StorageFailures} storage operations failed since the previous check",
                new Dictionary<string, double> { ["failures"] = figures.StorageFailures, ["threshold"] = options.StorageErrors });
        }
    }
    /// <summary>
    /// People who won at least <see cref="InsightOptions.WinRateBigBlindsPer100"/> big blinds per 100 cash hands over
    /// <see cref="InsightOptions.ResultsWindow"/>, once they played <see cref="InsightOptions.WinRateMinimumHands"/> of them
    /// (warning: a bot, a leak in the game or collusion).
    /// </summary>
    public static IEnumerable<InsightCondition> WinRates(InsightFigures figures, InsightOptions options)
    {
        var window = Days(options.ResultsWindow);
        foreach (var r in figures.WinRates.Where(r => !RobotStrategy.IsRobot(r.PlayerId)
            && r.Hands >= options.WinRateMinimumHands && r.BigBlindsPer100 >= options.WinRateBigBlindsPer100))
        {
            yield return new(UnusualWinRate, InsightSeverity.Warning, $"{UnusualWinRate}:{r.PlayerId}", null, r.PlayerId,
                string.Create(CultureInfo.InvariantCulture,
                    $"Player {r.PlayerId} won {r.BigBlindsPer100:0.#} big blinds per 100 hands over {r.Hands} cash hands in the last {window} days ({r.Net} chips)"),
                new Dictionary<string, double>
                {
                    ["hands"] = r.Hands,
                    ["net"] = r.Net,
                    ["big_blinds_per_100"] = Math.Round(r.BigBlindsPer100, 2),
                    ["threshold"] = options.WinRateBigBlindsPer100,
                    ["minimum_hands"] = options.WinRateMinimumHands,
                    ["window_days"] = window,
                });
        }
    }

    /// <summary>
    /// Two people dealt into at least <see cref="InsightOptions.ChipFlowMinimumHands"/> of the same cash hands over
    /// <see cref="InsightOptions.ResultsWindow"/>, where at least <see cref="InsightOptions.ChipFlowBigBlinds"/> big blinds
    /// went from one to the other and at most <see cref="InsightOptions.ChipFlowReverseShare"/> of that came back (warning:
    /// chip dumping). The key names the pair from the losing to the winning account.
    /// </summary>
    public static IEnumerable<InsightCondition> ChipFlows(InsightFigures figures, InsightOptions options)
    {
        var window = Days(options.ResultsWindow);
        foreach (var f in figures.ChipFlows.Where(f => !RobotStrategy.IsRobot(f.From) && !RobotStrategy.IsRobot(f.To)
            && f.SharedHands >= options.ChipFlowMinimumHands && f.FlowBigBlinds >= options.ChipFlowBigBlinds
            && f.ReverseBigBlinds <= f.FlowBigBlinds * options.ChipFlowReverseShare))
        {
            yield return new(ChipFlow, InsightSeverity.Warning, $"{ChipFlow}:{f.From}->{f.To}", null, f.To,
                string.Create(CultureInfo.InvariantCulture,
                    $"Chips flow from player {f.From} to player {f.To}: {f.Flow} chips ({f.FlowBigBlinds:0.#} big blinds) in {f.SharedHands} shared hands of the last {window} days, {f.ReverseFlow} back"),
                new Dictionary<string, double>
                {
                    ["shared_hands"] = f.SharedHands,
                    ["flow"] = f.Flow,
                    ["flow_big_blinds"] = Math.Round(f.FlowBigBlinds, 2),
                    ["reverse_flow"] = f.ReverseFlow,
                    ["reverse_big_blinds"] = Math.Round(f.ReverseBigBlinds, 2),
                    ["threshold_big_blinds"] = options.ChipFlowBigBlinds,
                    ["reverse_share"] = options.ChipFlowReverseShare,
                    ["window_days"] = window,
                });
        }
    }

    /// <summary>
    /// People's turn timeouts in the snapshots of the last <see cref="TimeoutWindow"/>: at a table from
    /// <see cref="InsightOptions.TimeoutSurge"/>, in the whole room from <see cref="InsightOptions.TimeoutSurgeRoom"/>,
    /// either with at least <see cref="InsightOptions.TimeoutRatio"/> timeouts per hand dealt (warning: players dropping,
    /// a client or network fault).
    /// </summary>
    public static IEnumerable<InsightCondition> Timeouts(InsightFigures figures, InsightOptions options)
    {
        var recent = figures.Snapshots.Where(s => s.TakenAt > figures.Now - TimeoutWindow).ToList();
        foreach (var table in recent.GroupBy(s => s.TableId, StringComparer.Ordinal))
        {
            var (timeouts, hands) = (table.Sum(s => s.Timeouts), table.Sum(s => s.Hands));
            if (Surge(timeouts, hands, options.TimeoutSurge, options.TimeoutRatio))
            {
                yield return new(TimeoutSurge, InsightSeverity.Warning, $"{TimeoutSurge}:{table.Key}", table.Key, null,
                    $"Table {table.Key} ({table.Last().Variant}): {timeouts} turns timed out in the last hour over {hands} hands",
                    TimeoutDetails(timeouts, hands, options.TimeoutSurge, options.TimeoutRatio));
            }
        }

        var (all, dealt) = (recent.Sum(s => s.Timeouts), recent.Sum(s => s.Hands));
        if (Surge(all, dealt, options.TimeoutSurgeRoom, options.TimeoutRatio))
        {
            yield return new(TimeoutSurge, InsightSeverity.Warning, $"{TimeoutSurge}:room", null, null,
                $"{all} turns timed out in the whole room in the last hour over {dealt} hands",
                TimeoutDetails(all, dealt, options.TimeoutSurgeRoom, options.TimeoutRatio));
        }
    }

    private static bool Surge(int timeouts, int hands, int minimum, double ratio) => timeouts >= minimum && timeouts >= hands * ratio;

    private static Dictionary<string, double> TimeoutDetails(int timeouts, int hands, int threshold, double ratio) => new()
    {
        ["timeouts"] = timeouts,
        ["hands"] = hands,
        ["threshold"] = threshold,
        ["ratio"] = ratio,
    };

    private static double Days(TimeSpan window) => Math.Round(window.TotalDays, 2);
}
