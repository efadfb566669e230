namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// The servers' own view of the actions of a window, from their <c>/metrics</c> (the management port of each spawned
/// process) read at its start and end: how long the silo's table grain took (its journal write included), how long the
/// gateways' grain calls took (the hub's <c>Act</c>: to the silo and back through Orleans), and how long a gateway took
/// from a table's event to its last local viewer's send. Beside the tool's end-to-end figures they show where an
/// action's time goes. Quantiles are interpolated inside the servers' histogram buckets (0.5, 1, 2.5, 5, 10, 25, 50 ms…).
/// </summary>
internal sealed record ServerLatency(PrometheusHistogram Actions, PrometheusHistogram GrainCalls, PrometheusHistogram Deliveries)
{
    /// <summary>The histograms so far; null when a server's <c>/metrics</c> does not answer (telemetry switched off).</summary>
    public static async Task<ServerLatency?> Read(Topology servers, HttpClient http, CancellationToken cancel)
    {
        try
        {
            var silo = await http.GetStringAsync(MetricsOf(servers.Silo), cancel);
            var gateways = await Task.WhenAll(servers.Gateways.Select(g => http.GetStringAsync(MetricsOf(g), cancel)));
            return new(
                PrometheusHistogram.Parse(silo, "poker_table_action_duration_seconds", "outcome=\"accepted\""),
                gateways.Aggregate(PrometheusHistogram.Empty, (sum, text) => sum.Add(PrometheusHistogram.Parse(text, "orleans_app_requests_latency_milliseconds"))),
                gateways.Aggregate(PrometheusHistogram.Empty, (sum, text) => sum.Add(PrometheusHistogram.Parse(text, "poker_gateway_delivery_duration_seconds"))));
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>What happened after <paramref name="start"/> was read.</summary>
    public ServerLatency Since(ServerLatency start) =>
        new(Actions.Minus(start.Actions), GrainCalls.Minus(start.GrainCalls), Deliveries.Minus(start.Deliveries));

    /// <summary>Figures as <c>name value unit</c>: p50 and p99 of each, in milliseconds.</summary>
    public IEnumerable<(string Name, double Value)> Figures()
    {
        yield return ("silo_action_p50_ms", Actions.Quantile(0.50) * 1000);
        yield return ("silo_action_p99_ms", Actions.Quantile(0.99) * 1000);
        yield return ("gateway_grain_call_p50_ms", GrainCalls.Quantile(0.50));
        yield return ("gateway_grain_call_p99_ms", GrainCalls.Quantile(0.99));
        yield return ("gateway_delivery_p50_ms", Deliveries.Quantile(0.50) * 1000);
        yield return ("gateway_delivery_p99_ms", Deliveries.Quantile(0.99) * 1000);
    }

    private static Uri MetricsOf(ServiceProcess process) => new($"http://127.0.0.1:{process.MetricsPort}/metrics");
}
