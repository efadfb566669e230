namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>The load tool's reading of the servers' <c>/metrics</c> (<see cref="PrometheusHistogram"/>, <see cref="PrometheusCounter"/>).</summary>
public sealed class PrometheusReadingTests
{
    private const string Before =
        """
        # TYPE poker_table_action_duration_seconds histogram
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.005"} 10
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.01"} 10
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.025"} 10
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="+Inf"} 10
        poker_table_action_duration_seconds_sum{otel_scope_name="Orleans.Poker.Game",outcome="accepted"} 0.02
        poker_table_action_duration_seconds_count{otel_scope_name="Orleans.Poker.Game",outcome="accepted"} 10
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.005"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.01"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.025"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="+Inf"} 7
        poker_table_action_duration_seconds_bucket_other{le="+Inf"} 99
        """;

    // 100 more accepted: 50 under 5 ms, 40 between 5 and 10 ms, 8 between 10 and 25 ms, 2 beyond.
    private const string After =
        """
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.005"} 60
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.01"} 100
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="0.025"} 108
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="accepted",le="+Inf"} 110
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.005"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.01"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="0.025"} 7
        poker_table_action_duration_seconds_bucket{otel_scope_name="Orleans.Poker.Game",outcome="refused",le="+Inf"} 7
        """;

    [Fact]
    public void The_window_between_two_readings_has_the_quantiles_of_its_own_observations()
    {
        const string accepted = "outcome=\"accepted\"";
        var window = PrometheusHistogram.Parse(After, "poker_table_action_duration_seconds", accepted)
            .Minus(PrometheusHistogram.Parse(Before, "poker_table_action_duration_seconds", accepted));

        Assert.Equal(100, window.Count);

        // Interpolated inside the bucket, as histogram_quantile does: the 50th is the first bucket's top.
        Assert.Equal(0.005, window.Quantile(0.50), 9);
        Assert.Equal(0.008125, window.Quantile(0.75), 9); // the 25th of the 40 in (5, 10] ms
        Assert.Equal(0.0175, window.Quantile(0.94), 9);

        // Beyond the highest finite bound: that bound, not infinity.
        Assert.Equal(0.025, window.Quantile(0.99), 9);
    }

    [Fact]
    public void Series_are_added_up_and_other_metrics_or_labels_are_left_out()
    {
        var all = PrometheusHistogram.Parse(Before, "poker_table_action_duration_seconds");
        var refused = PrometheusHistogram.Parse(Before, "poker_table_action_duration_seconds", "outcome=\"refused\"");

        Assert.Equal(17, all.Count);
        Assert.Equal(7, refused.Count);
        Assert.Equal(24, all.Add(refused).Count);
        Assert.Equal(0, PrometheusHistogram.Parse(Before, "poker_table_action_duration").Count);

        // Several filters: a series must carry each of them.
        Assert.Equal(7, PrometheusHistogram.Parse(Before, "poker_table_action_duration_seconds", "otel_scope_name=\"Orleans.Poker.Game\"", "outcome=\"refused\"").Count);
        Assert.Equal(0, PrometheusHistogram.Parse(Before, "poker_table_action_duration_seconds", "outcome=\"refused\"", "otel_scope_name=\"other\"").Count);
        Assert.True(double.IsNaN(PrometheusHistogram.Empty.Quantile(0.99)));
    }

    [Fact]
    public void A_counter_adds_up_its_series_and_only_its_own()
    {
        const string text =
            """
            # TYPE dotnet_gc_collections_total counter
            dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen2"} 6
            dotnet_gc_collections_total{otel_scope_name="System.Runtime",gc_heap_generation="gen0"} 26
            dotnet_gc_collections_total_other 100
            dotnet_gc_pause_time_seconds_total{otel_scope_name="System.Runtime"} 0.683173
            """;

        Assert.Equal(32, PrometheusCounter.Sum(text, "dotnet_gc_collections_total"));
        Assert.Equal(0.683173, PrometheusCounter.Sum(text, "dotnet_gc_pause_time_seconds_total"), 9);
        Assert.True(double.IsNaN(PrometheusCounter.Sum(text, "dotnet_gc_pause_time")));
    }
}
