using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;

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
    [InlineData(1000, 500.0, true)]
    [InlineData(1000, 499.9, false)]
    [InlineData(999, 600.0, false)]
    public void A_person_winning_from_the_threshold_per_100_hands_over_enough_hands_is_unusual(int hands, double bigBlinds, bool fires)
    {
        var figures = Figures(0, 0) with { WinRates = [new PlayerWinRate(42, hands, (long)(bigBlinds * 2), bigBlinds)] };

        var found = InsightRules.Evaluate(figures, Options);

        Assert.Equal(fires, found.Any(c => c is { Kind: InsightRules.UnusualWinRate, Key: "unusual_win_rate:42", PlayerId: 42, Severity: InsightSeverity.Warning }));
        Assert.Equal(fires ? 1 : 0, found.Count);
    }

    [Fact]
    public void An_unusual_win_rate_names_the_figures_and_keeps_its_key_while_it_holds()
    {
        var first = Figures(0, 0) with { WinRates = [new PlayerWinRate(42, 1200, 1_500, 750)] };
        var later = first with { Now = Now.AddMinutes(15), WinRates = [new PlayerWinRate(42, 1300, 1_700, 850)] };

        var a = Assert.Single(InsightRules.WinRates(first, Options));
        var b = Assert.Single(InsightRules.WinRates(later, Options));

        Assert.Equal(a.Key, b.Key);
        Assert.Equal((1200.0, 62.5, 50.0, 7.0), (a.Details["hands"], a.Details["big_blinds_per_100"], a.Details["threshold"], a.Details["window_days"]));
        Assert.Contains("won 62.5 big blinds per 100 hands over 1200 cash hands", a.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_never_has_an_unusual_win_rate_nor_sends_or_gets_chips()
    {
        var robot = RobotStrategy.RobotId("t", 0);
        var figures = Figures(0, 0) with
        {
            WinRates = [new PlayerWinRate(robot, 5000, 1_000_000, 500_000)],
            ChipFlows = [new PairChipFlow(7, robot, 100, 50_000, 25_000, 0, 0), new PairChipFlow(robot, 7, 100, 50_000, 25_000, 0, 0)],
        };

        Assert.Empty(InsightRules.Evaluate(figures, Options));
    }

    [Theory]
    [InlineData(20, 200.0, 40.0, true)]
    [InlineData(19, 200.0, 0.0, false)]
    [InlineData(20, 199.0, 0.0, false)]
    [InlineData(20, 200.0, 40.5, false)]
    public void Chips_flowing_one_way_between_two_people_over_enough_shared_hands_hint_at_chip_dumping(int shared, double flow, double reverse, bool fires)
    {
        var figures = Figures(0, 0) with { ChipFlows = [new PairChipFlow(7, 9, shared, (long)(flow * 2), flow, (long)(reverse * 2), reverse)] };

        var found = InsightRules.Evaluate(figures, Options);

        Assert.Equal(fires, found.Any(c => c is { Kind: InsightRules.ChipFlow, Key: "chip_flow:7->9", PlayerId: 9, Severity: InsightSeverity.Warning }));
        Assert.Equal(fires ? 1 : 0, found.Count);
    }

    [Fact]
    public void A_timeout_surge_counts_the_last_hours_snapshots_per_table_and_for_the_room()
    {
        // 13 snapshots five minutes apart: the oldest (an hour ago) is outside the hour.
        var snapshots = Series("stuck", 13, i => (4, 2, 0, TableStatus.Active), i => i == 0 ? 100 : 2)
            .Concat(Series("busy", 13, _ => (6, 12, 0, TableStatus.Active), _ => 2))
            .Concat(Series("calm", 13, _ => (6, 4, 0, TableStatus.Active), _ => 1))
            .ToList();
        var options = new InsightOptions { TimeoutSurgeRoom = 60 };

        var found = InsightRules.Timeouts(Figures(0, 0, snapshots), options).ToList();

        // stuck: 24 timeouts over 24 hands; busy: 24 over 144 (ratio too low); calm: 12 (too few); room: 60 over 216.
        Assert.Equal(["timeout_surge:stuck", "timeout_surge:room"], found.Select(c => c.Key));
        Assert.Equal(("stuck", 24.0, 24.0), (found[0].TableId, found[0].Details["timeouts"], found[0].Details["hands"]));
        Assert.Equal((60.0, 216.0, 60.0), (found[1].Details["timeouts"], found[1].Details["hands"], found[1].Details["threshold"]));
        Assert.All(found, c => Assert.Equal(InsightSeverity.Warning, c.Severity));
        Assert.Empty(InsightRules.Timeouts(Figures(0, 0, snapshots), new InsightOptions { TimeoutSurge = 25 }));
    }

    [Theory]
    [InlineData(nameof(InsightOptions.TrafficSpikeRatio))]
    [InlineData(nameof(InsightOptions.TrafficDropRatio))]
    [InlineData(nameof(InsightOptions.TrafficMinimumHands))]
    [InlineData(nameof(InsightOptions.IdleTableAfter))]
    [InlineData(nameof(InsightOptions.WaitlistSurge))]
    [InlineData(nameof(InsightOptions.StorageErrors))]
    [InlineData(nameof(InsightOptions.ResultsWindow))]
    [InlineData(nameof(InsightOptions.ResultsRefresh))]
    [InlineData(nameof(InsightOptions.WinRateMinimumHands))]
    [InlineData(nameof(InsightOptions.WinRateBigBlindsPer100))]
    [InlineData(nameof(InsightOptions.ChipFlowMinimumHands))]
    [InlineData(nameof(InsightOptions.ChipFlowBigBlinds))]
    [InlineData(nameof(InsightOptions.ChipFlowReverseShare))]
    [InlineData(nameof(InsightOptions.TimeoutSurge))]
    [InlineData(nameof(InsightOptions.TimeoutSurgeRoom))]
    [InlineData(nameof(InsightOptions.TimeoutRatio))]
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

    [Fact]
    public void Ratios_and_shares_at_their_edges_are_refused_with_the_value_given()
    {
        var options = new InsightOptions { ChipFlowReverseShare = 1, TimeoutRatio = double.PositiveInfinity, WinRateBigBlindsPer100 = double.NaN, ResultsWindow = TimeSpan.FromDays(91) };

        var errors = options.Validate();

        Assert.Equal(
        [
            "POKER__Analytics__Insights__ResultsWindow must be between 01:00:00 and 90.00:00:00 (was 91.00:00:00).",
            "POKER__Analytics__Insights__WinRateBigBlindsPer100 must be a number above 0 (was NaN).",
            "POKER__Analytics__Insights__ChipFlowReverseShare must be a number from 0 to 1, 1 excluded (was 1).",
            $"POKER__Analytics__Insights__TimeoutRatio must be a number above 0 (was {double.PositiveInfinity}).",
        ], errors);
    }

    private static InsightFigures Figures(int hands, int weekBefore, IReadOnlyList<AnalyticsSnapshot>? snapshots = null) =>
        new(Now, Now.AddMinutes(-80), hands, weekBefore, snapshots ?? [], 0);

    /// <summary><paramref name="count"/> snapshots of a table, five minutes apart, the last at <see cref="Now"/>.</summary>
    private static IEnumerable<AnalyticsSnapshot> Series(
        string table, int count, Func<int, (int Seated, int Hands, int Waitlist, TableStatus Status)> at, Func<int, int>? timeouts = null) =>
        Enumerable.Range(0, count).Select(i =>
        {
            var (seated, hands, waitlist, status) = at(i);
            return new AnalyticsSnapshot(table, Now.AddMinutes(-5 * (count - 1 - i)), status, "NT", seated, waitlist, hands, 0, 0, 0, timeouts?.Invoke(i) ?? 0);
        });
}
