using System.Diagnostics.Metrics;

namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Feeds an <see cref="OperationsSummary"/> from the instruments this process already has, through a
/// <see cref="MeterListener"/> (independent of OpenTelemetry's): the table action duration, storage failures, hub
/// connections and delivery time of the gateway, 5xx answers of ASP.NET Core, and the bot's handled updates. Every
/// meter of these names in the process is heard, which in production is the process's own.
/// </summary>
public sealed class OperationsListener : IDisposable
{
    // The instruments by meter and name (Grains' GameMetrics/StorageMetrics, Gateway's RelayMetrics, the bot's
    // BotMetrics, ASP.NET Core's hosting meter); the operations endpoint test plays hands to prove they still match.
    private static readonly Dictionary<(string Meter, string Instrument), Feed> Feeds = new()
    {
        [("Orleans.Poker.Game", "poker.table.action.duration")] = Feed.Action,
        [("Orleans.Poker.Storage", "poker.storage.failures")] = Feed.Error,
        [("Orleans.Poker.Gateway", "poker.gateway.connections")] = Feed.Connections,
        [("Orleans.Poker.Gateway", "poker.gateway.delivery.duration")] = Feed.Delivery,
        [("Orleans.Poker.Bot", "poker.bot.updates.processed")] = Feed.UpdateProcessed,
        [("Orleans.Poker.Bot", "poker.bot.updates.failed")] = Feed.UpdateFailed,
        [("Microsoft.AspNetCore.Hosting", "http.server.request.duration")] = Feed.HttpRequest,
    };

    private readonly MeterListener listener = new();

    public OperationsListener(OperationsSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Summary = summary;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (Feeds.TryGetValue((instrument.Meter.Name, instrument.Name), out var feed))
            {
                l.EnableMeasurementEvents(instrument, feed);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, state) => Measured(value, tags, state));
        listener.SetMeasurementEventCallback<long>((_, value, tags, state) => Measured(value, tags, state));
        listener.SetMeasurementEventCallback<int>((_, value, tags, state) => Measured(value, tags, state));
        listener.Start();
    }

    private enum Feed
    {
        Action,
        Error,
        Connections,
        Delivery,
        UpdateProcessed,
        UpdateFailed,
        HttpRequest,
    }

    public OperationsSummary Summary { get; }

    public void Dispose() => listener.Dispose();

    private void Measured(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch ((Feed)state!)
        {
            case Feed.Action:
                Summary.ActionHandled(value, Tag(tags, "outcome") is "failed");
                break;
            case Feed.Error:
                Summary.Errors((long)value);
                break;
            case Feed.Connections:
                Summary.ConnectionsChanged((long)value);
                break;
            case Feed.Delivery:
                Summary.Delivered(value);
                break;
            case Feed.UpdateProcessed:
                Summary.UpdatesHandled((long)value, failed: false);
                break;
            case Feed.UpdateFailed:
                Summary.UpdatesHandled((long)value, failed: true);
                break;
            case Feed.HttpRequest when Tag(tags, "http.response.status_code") is int status && status >= 500:
                Summary.Errors(1);
                break;
        }
    }

    private static object? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value;
            }
        }

        return null;
    }
}
