using System.Diagnostics.Metrics;
using Orleans.Poker.ServiceDefaults.Operations;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The plain summarizing behind the operations page: percentiles and rates of one interval.</summary>
public sealed class OperationsSummaryTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Percentiles_are_within_four_percent_of_the_exact_ones()
    {
        var histogram = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            histogram.Record(ms / 1000.0);
        }

        var interval = histogram.Take();

        Assert.Equal(1000, interval.Count);
        Assert.InRange(interval.Percentile(0.50)!.Value, 0.500, 0.500 * 1.04);
        Assert.InRange(interval.Percentile(0.99)!.Value, 0.990, 0.990 * 1.04);
        Assert.InRange(interval.Percentile(0)!.Value, 0.001, 0.001 * 1.04);
        Assert.InRange(interval.Percentile(1)!.Value, 1.0, 1.04);
    }

    [Fact]
    public void A_take_holds_what_was_recorded_since_the_previous_one_and_bad_values_are_ignored()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(double.NaN);
        histogram.Record(-1);
        Assert.Null(histogram.Take().Percentile(0.5));

        histogram.Record(0.25);
        var first = histogram.Take();
        histogram.Record(0.010);
        histogram.Record(0.010);
        var second = histogram.Take();

        Assert.Equal(1, first.Count);
        Assert.InRange(first.Percentile(0.5)!.Value, 0.25, 0.25 * 1.04);
        Assert.Equal(2, second.Count);
        Assert.InRange(second.Percentile(0.99)!.Value, 0.010, 0.010 * 1.04);
        Assert.Equal(0, histogram.Take().Count);
    }

    [Fact]
    public async Task Records_from_many_threads_are_all_counted()
    {
        var histogram = new LatencyHistogram();
        var summary = new OperationsSummary(Start);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                histogram.Record(0.001);
                summary.ActionHandled(0.002, failed: i % 100 == 0);
            }
        })));

        Assert.Equal(40_000, histogram.Take().Count);
        var sample = summary.Take(Start.AddSeconds(1));
        Assert.Equal(40_000, sample.ActionsPerSecond);
        Assert.Equal(400, sample.ErrorsPerSecond);
    }

    [Fact]
    public void A_sample_turns_the_interval_into_rates_and_percentiles_and_starts_the_next()
    {
        var summary = new OperationsSummary(Start);
        for (var i = 0; i < 99; i++)
        {
            summary.ActionHandled(0.002, failed: false);
        }

        summary.ActionHandled(0.5, failed: true);
        summary.Delivered(0.004);
        summary.ConnectionsChanged(+3);
        summary.ConnectionsChanged(-1);
        summary.Errors(4);
        summary.UpdatesHandled(20, failed: false);
        summary.UpdatesHandled(5, failed: true);

        var sample = summary.Take(Start.AddSeconds(10));

        Assert.Equal(10, sample.IntervalSeconds);
        Assert.Equal(10, sample.ActionsPerSecond);
        Assert.Equal(1.0, sample.ErrorsPerSecond);
        Assert.InRange(sample.ActionP50!.Value, 0.002, 0.002 * 1.04);
        Assert.InRange(sample.ActionP99!.Value, 0.002, 0.002 * 1.04);
        Assert.InRange(sample.DeliveryP50!.Value, 0.004, 0.004 * 1.04);
        Assert.Equal(2, sample.Connections);
        Assert.Equal(2.0, sample.UpdatesPerSecond);
        Assert.Equal(0.5, sample.UpdatesFailedPerSecond);

        var next = summary.Take(Start.AddSeconds(15));
        Assert.Equal(5, next.IntervalSeconds);
        Assert.Equal(0, next.ActionsPerSecond);
        Assert.Equal(0, next.ErrorsPerSecond);
        Assert.Null(next.ActionP50);
        Assert.Null(next.DeliveryP99);
        Assert.Equal(2, next.Connections);
    }

    [Fact]
    public void The_listener_hears_the_rooms_instruments_by_meter_and_name()
    {
        // Meter and instrument names of their own kind in this test: the listener matches by name, so the figures
        // below are what this test recorded (other tests of this process may add to the same names, never remove).
        var summary = new OperationsSummary(Start);
        using var listener = new OperationsListener(summary);
        using var game = new Meter("Orleans.Poker.Game");
        using var bot = new Meter("Orleans.Poker.Bot");
        using var other = new Meter("Some.Other");
        var duration = game.CreateHistogram<double>("poker.table.action.duration");
        var processed = bot.CreateCounter<long>("poker.bot.updates.processed");
        var unrelated = other.CreateHistogram<double>("poker.table.action.duration");

        duration.Record(0.003, new KeyValuePair<string, object?>("outcome", "accepted"));
        duration.Record(0.004, new KeyValuePair<string, object?>("outcome", "failed"));
        processed.Add(3);
        unrelated.Record(100);

        var sample = summary.Take(Start.AddSeconds(1));
        Assert.True(sample.ActionsPerSecond >= 2);
        Assert.True(sample.ErrorsPerSecond >= 1);
        Assert.True(sample.UpdatesPerSecond >= 3);
        Assert.True(sample.ActionP99 < 100, "an instrument of another meter is not heard");
    }
}
