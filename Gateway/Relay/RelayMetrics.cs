using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// The gateway's real-time figures (meter <see cref="MeterName"/>): hub connections, messages sent to connections,
/// the send backlog a message finds, snapshot resyncs by reason, reconnects, tables with local viewers, and the time
/// from receiving a table event to its send to the last local viewer completing.
/// </summary>
public sealed class RelayMetrics : IDisposable
{
    public const string MeterName = "Orleans.Poker.Gateway";

    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
    private static readonly int[] BacklogBuckets = [0, 1, 2, 4, 8, 16, 32, 64];

    private readonly UpDownCounter<long> connections;
    private readonly Counter<long> messages;
    private readonly Counter<long> skipped;
    private readonly Histogram<int> backlog;
    private readonly Counter<long> resyncs;
    private readonly Counter<long> reconnects;
    private readonly Histogram<double> delivery;

    public RelayMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        connections = Meter.CreateUpDownCounter<long>("poker.gateway.connections", "{connection}", "Open SignalR connections of this gateway, by hub (table, lobby)");
        messages = Meter.CreateCounter<long>("poker.gateway.messages.delivered", "{message}", "Relay messages sent to connections, by hub method (event, yourTurn, handFinished, snapshot)");
        skipped = Meter.CreateCounter<long>("poker.gateway.messages.skipped", "{message}", "Relay messages not sent to a lagging connection (it gets a snapshot instead)");
        backlog = Meter.CreateHistogram(
            "poker.gateway.send.backlog",
            "{batch}",
            "Sends already queued for a connection when the relay queues another (a connection at 64 lags)",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = BacklogBuckets });
        resyncs = Meter.CreateCounter<long>("poker.gateway.snapshots.resync", "{snapshot}", "Snapshots sent to bring a viewer back in step, by reason (gap: events lost; lagging: a slow connection; requested: the client asked)");
        reconnects = Meter.CreateCounter<long>("poker.gateway.reconnects", "{watch}", "Watches of a table by a new connection of a player who watches it, or watched it in the last 5 minutes, on this gateway");
        delivery = Meter.CreateHistogram(
            "poker.gateway.delivery.duration",
            "s",
            "From receiving a table event to its send to the last local viewer completing",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    public Meter Meter { get; }

    /// <summary>Whether anyone listens to the delivery time (measuring it costs a task per event).</summary>
    public bool DeliveryEnabled => delivery.Enabled;

    /// <summary>Adds the gauge of tables with local viewers.</summary>
    public void ObserveWatchedTables(Func<int> count) =>
        Meter.CreateObservableGauge("poker.gateway.tables.watched", count, "{table}", "Tables with at least one viewer on this gateway (one observer subscription each)");

    public void Connected(string hub) => connections.Add(1, new KeyValuePair<string, object?>("hub", hub));

    public void Disconnected(string hub) => connections.Add(-1, new KeyValuePair<string, object?>("hub", hub));

    public void MessageDelivered(string method) => messages.Add(1, new KeyValuePair<string, object?>("method", method));

    public void MessagesSkipped(int count) => skipped.Add(count);

    public void Queued(int before) => backlog.Record(before);

    public void Resync(string reason) => resyncs.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Reconnected() => reconnects.Add(1);

    /// <summary>Records the time since <paramref name="receivedAt"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public void Delivered(long receivedAt) => delivery.Record(Stopwatch.GetElapsedTime(receivedAt).TotalSeconds);

    public void Dispose() => Meter.Dispose();
}
