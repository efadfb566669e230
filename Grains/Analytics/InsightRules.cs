using System.Globalization;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The insight rules: from <see cref="InsightFigures"/> and the thresholds of <see cref="InsightOptions"/>, the
/// conditions that hold now. Every rule runs at every evaluation, so an open insight of one of <see cref="Kinds"/>
/// whose key is not among the conditions has cleared. A rule over players' results (an unusual win rate, chips
/// flowing between two accounts) adds its figures to <see cref="InsightFigures"/>, a method here and its kind to
/// <see cref="Kinds"/>, with a key naming the player or the pair.
/// </summary>
public static class InsightRules
{
    public const string TrafficSpike = "traffic_spike";
    public const string TrafficDrop = "traffic_drop";
    public const string IdleTable = "idle_table";
    public const string WaitlistSurge = "waitlist_surge";
    public const string StorageErrors = "storage_errors";

    /// <summary>The kinds these rules decide (and so may resolve).</summary>
    public static IReadOnlyList<string> Kinds { get; } = [TrafficSpike, TrafficDrop, IdleTable, WaitlistSurge, StorageErrors];

    public static IReadOnlyList<InsightCondition> Evaluate(InsightFigures figures, InsightOptions options)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(options);
        return [.. Traffic(figures, options), .. IdleTables(figures, options), .. Waitlists(figures, options), .. Storage(figures, options)];
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
}
