using Orleans.Poker.Grains.Interfaces.Operations;

namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Sums what a process measured since the last <see cref="Take"/>: action calls and their durations, deliveries to
/// viewers, errors, bot updates, and the open connections (a running total). <see cref="Take"/> turns the interval
/// into a sample (rates per second, p50/p99) and starts the next. Measurements arrive on any thread without a lock
/// (the table grains' action path is one of them); takes are serialized.
/// </summary>
public sealed class OperationsSummary(DateTimeOffset start)
{
    private readonly Lock taking = new();
    private readonly LatencyHistogram actions = new();
    private readonly LatencyHistogram deliveries = new();
    private DateTimeOffset since = start;
    private long connections;
    private long errors;
    private long updates;
    private long updatesFailed;

    /// <summary>An action call a table handled, in <paramref name="seconds"/>; a failed one is also an error.</summary>
    public void ActionHandled(double seconds, bool failed)
    {
        actions.Record(seconds);
        if (failed)
        {
            Interlocked.Increment(ref errors);
        }
    }

    /// <summary>A table event delivered to the last local viewer <paramref name="seconds"/> after it arrived.</summary>
    public void Delivered(double seconds) => deliveries.Record(seconds);

    public void Errors(long count) => Interlocked.Add(ref errors, count);

    /// <summary>Connections opened (positive) or closed (negative).</summary>
    public void ConnectionsChanged(long delta) => Interlocked.Add(ref connections, delta);

    /// <summary>Bot updates handled; failed ones are errors too.</summary>
    public void UpdatesHandled(long count, bool failed)
    {
        if (failed)
        {
            Interlocked.Add(ref updatesFailed, count);
            Interlocked.Add(ref errors, count);
        }
        else
        {
            Interlocked.Add(ref updates, count);
        }
    }

    /// <summary>The interval since the previous take (or the start) ending at <paramref name="at"/>; the next interval starts there.</summary>
    public OperationsSample Take(DateTimeOffset at)
    {
        lock (taking)
        {
            var seconds = Math.Max((at - since).TotalSeconds, 0.001);
            since = at;
            var acted = actions.Take();
            var delivered = deliveries.Take();
            return new OperationsSample
            {
                At = at,
                IntervalSeconds = seconds,
                Connections = Math.Max(0, Interlocked.Read(ref connections)),
                ActionsPerSecond = acted.Count / seconds,
                ErrorsPerSecond = Interlocked.Exchange(ref errors, 0) / seconds,
                ActionP50 = acted.Percentile(0.50),
                ActionP99 = acted.Percentile(0.99),
                DeliveryP50 = delivered.Percentile(0.50),
                DeliveryP99 = delivered.Percentile(0.99),
                UpdatesPerSecond = Interlocked.Exchange(ref updates, 0) / seconds,
                UpdatesFailedPerSecond = Interlocked.Exchange(ref updatesFailed, 0) / seconds,
            };
        }
    }
}
