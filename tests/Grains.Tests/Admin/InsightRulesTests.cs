using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Admin;

public sealed class InsightRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 14, 20, 0, TimeSpan.Zero);
    private static readonly InsightOptions Options = new();

    [Theory]
    [InlineData(200, 100, InsightRules.TrafficSpike, InsightSeverity.Info)]
    [InlineData(120, 0, InsightRules.TrafficSpike, InsightSeverity.Info)]
    [InlineData(50, 100, InsightRules.TrafficDrop, InsightSeverity.Warning)]
    [InlineData(0, 150, InsightRules.TrafficDrop, InsightSeverity.Warning)]
    public void Traffic_against_the_same_hour_a_week_earlier_is_a_spike_or_a_drop(int hands, int weekBefore, string kind, InsightSeverity severity)
    {
        var condition = Assert.Single(InsightRules.Evaluate(Figures(hands, weekBefore), Options));

        Assert.Equal((kind, severity, $"{kind}:room"), (condition.Kind, condition.Severity, condition.Key));
        Assert.Equal((hands, weekBefore), ((int)condition.Details["hands"], (int)condition.Details["hands_week_before"]));
    }

    [Theory]
    [InlineData(199, 100)]
    [InlineData(51, 100)]
    [InlineData(99, 0)]
    [InlineData(10, 90)]
    public void Ordinary_or_quiet_hours_raise_nothing(int hands, int weekBefore)
    {
        Assert.Empty(InsightRules.Evaluate(Figures(hands, weekBefore), Options));
    }

    [Fact]
    public void A_table_with_players_seated_and_no_hand_for_the_idle_time_is_idle()
    {
        var snapshots = Series("idle", 7, _ => (2, 0, 0, TableStatus.Active))
            .Concat(Series("busy", 7, i => (3, i == 5 ? 1 : 0, 0, TableStatus.Active)))
            .Concat(Series("alone", 7, _ => (1, 0, 0, TableStatus.Waiting)))
            .Concat(Series("paused", 7, _ => (4, 0, 0, TableStatus.Paused)))
            .Concat(Series("young", 3, _ => (2, 0, 0, TableStatus.Active)))
            .ToList();

        var idle = Assert.Single(InsightRules.IdleTables(Figures(0, 0, snapshots), Options));

        Assert.Equal(("idle_table:idle", "idle", InsightSeverity.Info), (idle.Key, idle.TableId, idle.Severity));
        Assert.Equal(30, idle.Details["idle_minutes"]);
    }

    [Fact]
    public void A_table_missing_from_the_latest_snapshot_is_not_idle()
    {
        var snapshots = Series("closed", 7, _ => (2, 0, 0, TableStatus.Active)).Where(s => s.TakenAt < Now).ToList();
        snapshots.AddRange(Series("other", 1, _ => (0, 0, 0, TableStatus.Waiting)));

        Assert.Empty(InsightRules.IdleTables(Figures(0, 0, snapshots), Options));
    }

    [Fact]
    public void A_waitlist_from_the_threshold_on_in_the_latest_snapshot_asks_for_another_table()
    {
        var snapshots = Series("long", 2, i => (6, 1, i == 0 ? 9 : 5, TableStatus.Active))
            .Concat(Series("short", 2, i => (6, 1, i == 0 ? 9 : 4, TableStatus.Active)))
            .ToList();

        var surge = Assert.Single(InsightRules.Waitlists(Figures(0, 0, snapshots), Options));

        Assert.Equal(("waitlist_surge:long", InsightSeverity.Warning, 5.0), (surge.Key, surge.Severity, surge.Details["waitlist"]));
        Assert.Contains("open another table?", surge.Summary, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void Storage_failures_from_the_threshold_on_are_critical(long failures, bool fires)
    {
        var found = InsightRules.Evaluate(Figures(0, 0) with { StorageFailures = failures }, Options);

        Assert.Equal(fires, found.Any(c => c is { Key: "storage_errors:room", Severity: InsightSeverity.Critical }));
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = new InsightOptions { TrafficMinimumHands = 10, TrafficSpikeRatio = 1.5, WaitlistSurge = 2, StorageErrors = 1 };
        var snapshots = Series("t", 1, _ => (6, 0, 2, TableStatus.Active)).ToList();

        var kinds = InsightRules.Evaluate(Figures(15, 10, snapshots) with { StorageFailures = 1 }, strict).Select(c => c.Kind);

        Assert.Equal([InsightRules.TrafficSpike, InsightRules.WaitlistSurge, InsightRules.StorageErrors], kinds);
    }

    [Theory]
    [InlineData(nameof(InsightOptions.TrafficSpikeRatio))]
    [InlineData(nameof(InsightOptions.TrafficDropRatio))]
    [InlineData(nameof(InsightOptions.TrafficMinimumHands))]
    [InlineData(nameof(InsightOptions.IdleTableAfter))]
    [InlineData(nameof(InsightOptions.WaitlistSurge))]
    [InlineData(nameof(InsightOptions.StorageErrors))]
    public void A_threshold_out_of_range_is_refused_naming_its_variable(string setting)
    {
        var options = new InsightOptions();
        var property = typeof(InsightOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(TimeSpan) ? TimeSpan.FromSeconds(-1)
            : property.PropertyType == typeof(double) ? -1.0 : (object)-1);

        var error = Assert.Single(options.Validate());

        Assert.StartsWith($"POKER__Analytics__Insights__{setting} ", error, StringComparison.Ordinal);
        Assert.Empty(new InsightOptions().Validate());
    }

    private static InsightFigures Figures(int hands, int weekBefore, IReadOnlyList<AnalyticsSnapshot>? snapshots = null) =>
        new(Now, Now.AddMinutes(-80), hands, weekBefore, snapshots ?? [], 0);

    /// <summary><paramref name="count"/> snapshots of a table, five minutes apart, the last at <see cref="Now"/>.</summary>
    private static IEnumerable<AnalyticsSnapshot> Series(string table, int count, Func<int, (int Seated, int Hands, int Waitlist, TableStatus Status)> at) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var (seated, hands, waitlist, status) = at(i);
            return new AnalyticsSnapshot(table, Now.AddMinutes(-5 * (count - 1 - i)), status, "NT", seated, waitlist, hands, 0, 0, 0);
        });
}
