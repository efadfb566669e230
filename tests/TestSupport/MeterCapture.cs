using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// Records the measurements of one <see cref="Meter"/> instance (a silo's own, as its DI container created it), so
/// tests sharing a process never see each other's figures.
/// </summary>
public sealed class MeterCapture : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<Recorded> recorded = new();

    public MeterCapture(Meter meter)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => recorded.Enqueue(new Recorded(instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => recorded.Enqueue(new Recorded(instrument.Name, value, tags.ToArray())));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => recorded.Enqueue(new Recorded(instrument.Name, value, tags.ToArray())));
        listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded, optionally only with <paramref name="tag"/> = <paramref name="value"/>.</summary>
    public double Sum(string instrument, string? tag = null, string? value = null) =>
        recorded.Where(r => r.Instrument == instrument && (tag is null || r.Tags.Any(t => t.Key == tag && Equals(t.Value?.ToString(), value)))).Sum(r => r.Value);

    /// <summary>How many measurements <paramref name="instrument"/> recorded.</summary>
    public int Count(string instrument) => recorded.Count(r => r.Instrument == instrument);

    /// <summary>The tags of every measurement of <paramref name="instrument"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>[]> Tags(string instrument) => recorded.Where(r => r.Instrument == instrument).Select(r => r.Tags).ToList();

    public void Dispose() => listener.Dispose();

    private sealed record Recorded(string Instrument, double Value, KeyValuePair<string, object?>[] Tags);
}
