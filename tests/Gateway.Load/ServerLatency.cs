namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// The servers' own view of the actions of a window, from their <c>/metrics</c> (the management port of each spawned
/// process) read at its start and end: how long the silo's table grain took (its journal write included; and apart,
/// the plain actions: those that did not end their hand, which also wait for its settlement), how long the
/// gateways' grain calls took (the hub's <c>Act</c>: to the silo and back through Orleans), and how long a gateway took
/// from a table's event to its last local viewer's send. Beside the tool's end-to-end figures they show where an
/// action's time goes. Quantiles are interpolated inside the servers' histogram buckets (0.5, 1, 2.5, 5, 10, 25, 50 ms…).
/// Each process's garbage collections and the time they paused it (<c>dotnet_gc_*</c>) go with them: a pause stops
/// every action passing through that process at that moment. So do the time each runtime spent in its JIT compiler
/// (<see cref="JitTime"/>), which says whether a window still counted warm-up.
/// </summary>
internal sealed record ServerLatency(
    PrometheusHistogram Actions,
    PrometheusHistogram PlainActions,
    PrometheusHistogram GrainCalls,
    PrometheusHistogram Deliveries,
    Dictionary<string, (double Collections, double PausedSeconds)> Gc,
    Dictionary<string, TimeSpan> Jit)
{
    /// <summary>The histograms so far; null when a server's <c>/metrics</c> does not answer (telemetry switched off).</summary>
    public static async Task<ServerLatency?> Read(Topology servers, HttpClient http, CancellationToken cancel)
    {
        try
        {
            var texts = await Task.WhenAll(servers.All.Select(async p => (p.Name, Text: await http.GetStringAsync(MetricsOf(p), cancel))));
            var silo = texts[0].Text;
            var gateways = texts.Skip(1).Select(t => t.Text).ToList();
            return new(
                PrometheusHistogram.Parse(silo, "poker_table_action_duration_seconds", "outcome=\"accepted\""),
                PrometheusHistogram.Parse(silo, "poker_table_action_duration_seconds", "outcome=\"accepted\"", "hand_end=\"false\""),
                gateways.Aggregate(PrometheusHistogram.Empty, (sum, text) => sum.Add(PrometheusHistogram.Parse(text, "orleans_app_requests_latency_milliseconds"))),
                gateways.Aggregate(PrometheusHistogram.Empty, (sum, text) => sum.Add(PrometheusHistogram.Parse(text, "poker_gateway_delivery_duration_seconds"))),
                texts.ToDictionary(
                    t => t.Name,
                    t => (PrometheusCounter.Sum(t.Text, "dotnet_gc_collections_total"), PrometheusCounter.Sum(t.Text, "dotnet_gc_pause_time_seconds_total"))),
                texts.ToDictionary(t => t.Name, t => JitTime.Of(t.Text)));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>What happened after <paramref name="start"/> was read.</summary>
    public ServerLatency Since(ServerLatency start) =>
        new(
            Actions.Minus(start.Actions),
            PlainActions.Minus(start.PlainActions),
            GrainCalls.Minus(start.GrainCalls),
            Deliveries.Minus(start.Deliveries),
            Gc.ToDictionary(g => g.Key, g => (g.Value.Collections - start.Gc[g.Key].Collections, g.Value.PausedSeconds - start.Gc[g.Key].PausedSeconds)),
            Jit.ToDictionary(j => j.Key, j => j.Value - start.Jit[j.Key]));

    /// <summary>
    /// Figures as <c>name value unit</c> over a window of <paramref name="elapsed"/>: p50 and p99 of each (ms), then
    /// per process its collections a second and the share of the window it was paused for them.
    /// </summary>
    public IEnumerable<(string Name, double Value, string Unit)> Figures(TimeSpan elapsed)
    {
        yield return ("silo_action_p50_ms", Actions.Quantile(0.50) * 1000, "ms");
        yield return ("silo_action_p99_ms", Actions.Quantile(0.99) * 1000, "ms");
        yield return ("silo_plain_action_p99_ms", PlainActions.Quantile(0.99) * 1000, "ms");
        yield return ("gateway_grain_call_p50_ms", GrainCalls.Quantile(0.50), "ms");
        yield return ("gateway_grain_call_p99_ms", GrainCalls.Quantile(0.99), "ms");
        yield return ("gateway_delivery_p50_ms", Deliveries.Quantile(0.50) * 1000, "ms");
        yield return ("gateway_delivery_p99_ms", Deliveries.Quantile(0.99) * 1000, "ms");
        foreach (var (name, (collections, paused)) in Gc)
        {
            yield return ($"{name}_gcs_per_s", collections / elapsed.TotalSeconds, "collections/s");
            yield return ($"{name}_gc_paused_percent", 100 * paused / elapsed.TotalSeconds, "%");
        }
    }

    /// <summary>Where a spawned server answers <c>/metrics</c> (its management port).</summary>
    public static Uri MetricsOf(ServiceProcess process) => new($"http://127.0.0.1:{process.MetricsPort}/metrics");
}
