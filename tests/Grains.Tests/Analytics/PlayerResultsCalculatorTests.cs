using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Analytics;

public sealed class PlayerResultsCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2030, 1, 1, 20, 0, 0, TimeSpan.Zero);

    private static HandPlayerResult Row(string table, long hand, DateTimeOffset end, long net, long pot = 100, string variant = "NT") =>
        new(table, hand, 0, 7, variant, end, net, pot);

    [Fact]
    public void No_hands_give_zeros_and_empty_lists()
    {
        var results = PlayerResultsCalculator.Compute(7, []);

        Assert.Equal((7L, 0, 0, 0L), (results.PlayerId, results.Hands, results.HandsWon, results.Net));
        Assert.Empty(results.Profit);
        Assert.Empty(results.Sessions);
        Assert.Empty(results.BiggestPots);
        Assert.Empty(results.Variants);
    }

    [Fact]
    public void Totals_profit_curve_biggest_pots_and_games_follow_the_hands()
    {
        var rows = new[]
        {
            Row("a", 1, T0, 50, pot: 120),
            Row("a", 2, T0.AddMinutes(1), -20, pot: 40),
            Row("a", 3, T0.AddMinutes(2), 300, pot: 600, variant: "PO"),
            Row("a", 4, T0.AddMinutes(3), 10, pot: 30),
        };

        var results = PlayerResultsCalculator.Compute(7, rows);

        Assert.Equal((4, 3, 340L), (results.Hands, results.HandsWon, results.Net));
        Assert.Equal([50L, 30L, 330L, 340L], results.Profit.Select(p => p.Cumulative));
        Assert.Equal([1, 2, 3, 4], results.Profit.Select(p => p.Hands));
        Assert.Equal([600L, 120L, 30L], results.BiggestPots.Select(p => p.Pot));
        Assert.Equal([new VariantResult("NT", 3, 2, 40), new VariantResult("PO", 1, 1, 300)], results.Variants);
    }

    [Fact]
    public void A_gap_over_thirty_minutes_starts_a_new_session_and_two_tables_at_once_are_two_sessions()
    {
        var rows = new[]
        {
            Row("a", 1, T0, 10),
            Row("b", 1, T0.AddMinutes(1), -5),
            Row("a", 2, T0.AddMinutes(30), 10),
            Row("b", 2, T0.AddMinutes(2), -5),
            Row("a", 3, T0.AddMinutes(61), 1),
        }.OrderBy(r => r.EndedAt).ToList();

        var sessions = PlayerResultsCalculator.Compute(7, rows).Sessions;

        Assert.Equal(
            [
                new PlaySession("a", "NT", T0.AddMinutes(61), T0.AddMinutes(61), 1, 1),
                new PlaySession("a", "NT", T0, T0.AddMinutes(30), 2, 20),
                new PlaySession("b", "NT", T0.AddMinutes(1), T0.AddMinutes(2), 2, -10),
            ],
            sessions);
    }

    [Fact]
    public void A_long_history_has_one_profit_point_per_utc_day()
    {
        var rows = Enumerable.Range(0, PlayerResultsCalculator.PointsPerHandUpTo + 1)
            .Select(i => Row("a", i + 1, T0.AddMinutes(i * 10), 1))
            .ToList();

        var profit = PlayerResultsCalculator.Compute(7, rows).Profit;

        Assert.Equal(rows.Select(r => r.EndedAt.UtcDateTime.Date).Distinct().Count(), profit.Count);
        Assert.Equal(new ProfitPoint(rows[^1].EndedAt, rows.Count, rows.Count), profit[^1]);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 23, 50, 0, TimeSpan.Zero), profit[0].At);
        Assert.Equal(24, profit[0].Hands);
    }

    [Theory]
    [InlineData(LeaderboardPeriod.Day, "2030-01-09T00:00:00Z")]
    [InlineData(LeaderboardPeriod.Week, "2030-01-07T00:00:00Z")]
    public void Periods_start_at_midnight_utc_today_or_on_monday(LeaderboardPeriod period, string start)
    {
        // 02:30 UTC on Wednesday 2030-01-09 (an offset other than UTC does not move the day).
        var now = new DateTimeOffset(2030, 1, 9, 5, 30, 0, TimeSpan.FromHours(3));

        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), LeaderboardPeriods.Start(period, now));
        Assert.Null(LeaderboardPeriods.Start(LeaderboardPeriod.All, now));
    }
}
