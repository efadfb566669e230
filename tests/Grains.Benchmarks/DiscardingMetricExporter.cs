using OpenTelemetry;
using OpenTelemetry.Metrics;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>Takes every collected batch and drops it: the benchmark pays for collecting metrics as a scrape would, not for shipping them.</summary>
public sealed class DiscardingMetricExporter : BaseExporter<Metric>
{
    public long Exported { get; private set; }

    public override ExportResult Export(in Batch<Metric> batch)
    {
        foreach (var _ in batch)
        {
            Exported++;
        }

        return ExportResult.Success;
    }
}
