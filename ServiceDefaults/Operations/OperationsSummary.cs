using Orleans.Poker.Grains.Interfaces.Operations;

namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Sums what a process measured since the last <see cref="Take"/>: action calls and their durations, deliveries to
/// viewers, errors, bot updates, and the open connections (a running total). <see cref="Take"/> turns the interval
/// into a sample (rates per second, p50/p99) and starts the next. Thread safe: measurements arrive on any thread.
/// </summary>
public sealed class OperationsSummary(DateTimeOffset start)
{
    private readonly Lock gate = new();
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
        lock (gate)
        {
            actions.Record(seconds);
            if (failed)
            {
                errors++;
            }
        }
    }

    /// <summary>A table event delivered to the last local viewer <paramref name="seconds"/> after it arrived.</summary>
    public void Delivered(double seconds)
    {
        lock (gate)
        {
            deliveries.Record(seconds);
        }
    }

    public void Errors(long count)
    {
        lock (gate)
        {
            errors += count;
        }
    }

    /// <summary>Connections opened (positive) or closed (negative).</summary>
    public void ConnectionsChanged(long delta)
    {
        lock (gate)
        {
            connections += delta;
        }
    }

    /// <summary>Bot updates handled; failed ones are errors too.</summary>
    public void UpdatesHandled(long count, bool failed)
    {
        lock (gate)
        {
            if (failed)
            {
                updatesFailed += count;
                errors += count;
            }
            else
            {
                updates += count;
            }
        }
    }

    /// <summary>The interval since the previous take (or the start) ending at <paramref name="at"/>; the next interval starts there.</summary>
    public OperationsSample Take(DateTimeOffset at)
    {
        lock (gate)
        {
            var seconds = Math.Max((at - since).TotalSeconds, 0.001);
            var sample = new OperationsSample
            {
                At = at,
                IntervalSeconds = seconds,
                Connections = Math.Max(0, connections),
                ActionsPerSecond = actions.Count / seconds,
                ErrorsPerSecond = errors / seconds,
                ActionP50 = actions.Percentile(0.50),
                ActionP99 = actions.Percentile(0.99),
                DeliveryP50 = deliveries.Percentile(0.50),
                DeliveryP99 = deliveries.Percentile(0.99),
                UpdatesPerSecond = updates / seconds,
                UpdatesFailedPerSecond = updatesFailed / seconds,
            };
            since = at;
            actions.Reset();
            deliveries.Reset();
            errors = 0;
            updates = 0;
            updatesFailed = 0;
            return sample;
        }
    }
}
