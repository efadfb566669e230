using Microsoft.Extensions.Logging;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// Tells a cluster client's observers of grains (the gateway's table feeds, the bot's table watches) when they may have
/// missed notifications: after one of the client's gateway connections closed (its silo left, as in a rolling update),
/// once the connections have been steady for <see cref="Settle"/> and at least one is open. One-way notifications routed
/// through a silo while it leaves are lost, and an observer that waits for a table's next event would otherwise wait
/// until a player acts again, which may be a player who was never told it is their turn.
/// </summary>
public sealed partial class ClusterConnectionWatch(TimeProvider time, ILogger<ClusterConnectionWatch> logger) : IClusterConnectionStatusObserver
{
    /// <summary>How long the gateway connections stay unchanged before the observers check what they missed.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long an observer's failed renewal (its grain's silo is gone and not yet declared dead) waits before it tries
    /// again, up to <see cref="RenewAttempts"/> attempts; the periodic renewal comes after that.
    /// </summary>
    public static readonly TimeSpan RenewRetry = TimeSpan.FromSeconds(5);

    /// <summary>Attempts of one renewal.</summary>
    public const int RenewAttempts = 6;

    private readonly Lock gate = new();
    private readonly List<Action> listeners = [];
    private bool closedSince;
    private int connected;
    private long changes;

    /// <summary>Calls <paramref name="listener"/> (on a pool thread) each time notifications may have been missed; dispose to stop.</summary>
    public IDisposable OnMaybeMissed(Action listener)
    {
        lock (gate)
        {
            listeners.Add(listener);
        }

        return new Registration(this, listener);
    }

    public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
    {
        long change;
        lock (gate)
        {
            connected = currentNumberOfGateways;
            closedSince |= currentNumberOfGateways < previousNumberOfGateways;
            if (!closedSince)
            {
                return;
            }

            change = ++changes;
        }

        _ = RaiseWhenSettled(change);
    }

    public void NotifyClusterConnectionLost()
    {
        // The gateway count's own notification follows (to zero); nothing to check while nothing is connected.
    }

    private async Task RaiseWhenSettled(long change)
    {
        await Task.Delay(Settle, time);
        Action[] raised;
        int gateways;
        lock (gate)
        {
            // A later change restarts the wait; with no gateway the next connection's notice raises it.
            if (change != changes || connected == 0)
            {
                return;
            }

            closedSince = false;
            gateways = connected;
            raised = [.. listeners];
        }

        LogMaybeMissed(logger, gateways, raised.Length);
        foreach (var listener in raised)
        {
            try
            {
                listener();
            }
            catch (Exception ex)
            {
                LogListenerFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A cluster gateway connection closed; {Gateways} connected now: {Listeners} observer sets check for missed notifications")]
    private static partial void LogMaybeMissed(ILogger logger, int gateways, int listeners);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking for missed notifications failed")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception);

    private sealed class Registration(ClusterConnectionWatch watch, Action listener) : IDisposable
    {
        public void Dispose()
        {
            lock (watch.gate)
            {
                watch.listeners.Remove(listener);
            }
        }
    }
}
