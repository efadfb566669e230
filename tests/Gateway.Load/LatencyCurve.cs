using ScottPlot;

namespace Orleans.Poker.Gateway.Load;

/// <summary>The sweep's curve: p50/p95/p99 from an action to its last viewer against the actions per second reached, saturation marked.</summary>
internal static class LatencyCurve
{
    public static void Save(string path, IReadOnlyList<WindowFigures> steps, double saturation, string subtitle)
    {
        var measured = steps.Where(s => s.Latencies.Length > 0).OrderBy(s => s.ActionsPerSecond).ToList();
        var plot = new Plot();
        var rates = measured.Select(s => s.ActionsPerSecond).ToArray();
        foreach (var (name, p) in new[] { ("p50", 0.50), ("p95", 0.95), ("p99", 0.99) })
        {
            var line = plot.Add.ScatterLine(rates, measured.Select(s => Percentile(s.Latencies, p)).ToArray());
            line.LegendText = name;
            line.MarkerSize = 6;
        }

        // Every process's CPU on the right axis, the load generator's included: its queueing is not the servers'.
        var processes = measured.SelectMany(s => s.ServerCores.Keys).Distinct().Prepend("load tool").ToList();
        foreach (var name in processes)
        {
            var cores = measured.Select(s => name == "load tool" ? s.LoadCores : s.ServerCores.GetValueOrDefault(name)).ToArray();
            var line = plot.Add.ScatterLine(rates, cores);
            line.LegendText = $"{name} CPU (cores)";
            line.LinePattern = LinePattern.Dashed;
            line.Axes.YAxis = plot.Axes.Right;
        }

        plot.Axes.Right.Label.Text = "CPU, cores";
        var limit = plot.Add.HorizontalLine(25);
        limit.LegendText = "goal: p99 25 ms";
        limit.LinePattern = LinePattern.Dotted;
        var saturated = plot.Add.VerticalLine(saturation);
        saturated.LegendText = $"saturation {saturation:0} actions/s";
        var half = plot.Add.VerticalLine(saturation / 2);
        half.LegendText = "half of saturation";
        half.LinePattern = LinePattern.Dashed;
        plot.Title($"Action → last viewer latency\n{subtitle}");
        plot.XLabel("actions/s reached");
        plot.YLabel("ms");
        // Beside the data, not over it: the low steps' points sit in the upper left.
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1200, 600);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
