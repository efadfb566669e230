using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Hubs;

/// <summary>
/// Guards every hub call: a token bucket per player across their connections to this gateway (throttled calls get a
/// <see cref="HubException"/>; throttled calls are forgotten over <see cref="GatewaySettings.HubViolationWindow"/>, and a
/// connection calling on while its player keeps flooding is closed) and error mapping (refusals become <see cref="HubException"/>s
/// carrying <c>code: message</c>; nothing else leaks). A banned player's connections are closed when the ban is stored
/// (<see cref="CloseBanned"/>, told by <see cref="Auth.BanWatch"/>); in case that notice was lost, a connection's first
/// call after each <see cref="GatewaySettings.ResubscribeInterval"/> also asks for its player's ban, beside the call,
/// and a ban found closes the connection.
/// </summary>
public sealed partial class HubGuardFilter(PokerOptions options, TimeProvider time, RelayMetrics metrics, IGrainFactory grains, ILogger<HubGuardFilter> logger) : IHubFilter
{
    private readonly ConcurrentDictionary<string, Guarded> connections = new(StringComparer.Ordinal);

    // The players' buckets, each shared by the player's connections here and dropped with the last (under its own lock:
    // only connects and disconnects take it).
    private readonly Dictionary<long, Bucket> players = [];

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var connection = invocationContext.Context;
        var guarded = Guard(connection);
        if (!guarded.Bucket.TryTake(options.Gateway, time, out var flooding))
        {
            if (flooding && guarded.Closing())
            {
                LogFlooding(logger, connection.ConnectionId, connection.User?.FindFirst(PokerClaims.PlayerId)?.Value);
                connection.Abort();
            }

            throw new HubException("rate_limited: too many calls, slow down");
        }

        // The ban's notice closes the connection; this check catches a notice that was lost (the connection's own
        // request was checked when it opened). It runs beside the call, which does not wait for a grain round trip.
        if (guarded.PlayerId is { } playerId && guarded.BanCheckDue(options.Gateway.ResubscribeInterval, time))
        {
            _ = CloseIfBanned(connection, playerId);
        }

        try
        {
            return await next(invocationContext);
        }
        catch (HubException)
        {
            throw;
        }
        catch (Exception ex)
        {
            var (status, code, detail) = PokerExceptionHandler.Classify(ex);
            if (status == StatusCodes.Status503ServiceUnavailable)
            {
                LogHubUnavailable(logger, ex, invocationContext.HubMethodName);
            }
            else if (status >= 500)
            {
                LogHubFailure(logger, ex, invocationContext.HubMethodName);
            }
            else
            {
                // A refusal (not your turn, above your stack, a stale button): the player's mistake, not ours.
                LogHubRefusal(logger, invocationContext.HubMethodName, code, connection.User?.FindFirst(PokerClaims.PlayerId)?.Value);
            }

            throw new HubException($"{code}: {detail}");
        }
    }

    private async Task CloseIfBanned(HubCallerContext connection, long playerId)
    {
        try
        {
            await grains.RefuseBanned(playerId);
        }
        catch (PokerException ex) when (ex.Code == PlayerBan.Code)
        {
            LogBannedClosed(logger, connection.ConnectionId, playerId);
            connection.Abort();
        }
        catch (Exception ex)
        {
            // Storage trouble: the next check is one interval later.
            LogBanCheckFailed(logger, ex, connection.ConnectionId, playerId);
        }
    }

    /// <summary>Closes the hub connections of <paramref name="playerId"/> in this process (just banned); how many there were.</summary>
    public int CloseBanned(long playerId)
    {
        var closed = 0;
        foreach (var guarded in connections.Values)
        {
            if (guarded.PlayerId == playerId)
            {
                LogBannedClosed(logger, guarded.Connection.ConnectionId, playerId);
                guarded.Connection.Abort();
                closed++;
            }
        }

        return closed;
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        Guard(context.Context);
        try
        {
            await next(context);
        }
        catch (Exception ex) when (PokerExceptionHandler.Classify(ex).Status == StatusCodes.Status503ServiceUnavailable)
        {
            // The hub could not start it (the lobby's list not read): thrown on, SignalR would log an error and never
            // run OnDisconnectedAsync, leaving this filter's and the hub's entries. Closed instead, the connection ends
            // as any other does (OnDisconnectedAsync runs); the client sees it closed and may connect again.
            LogConnectUnavailable(logger, ex, HubName(context.Hub));
            context.Context.Abort();
        }
        catch
        {
            // A bug, which SignalR logs; it runs no OnDisconnectedAsync for the connection.
            Forget(context.Context.ConnectionId);
            throw;
        }

        // Counted once the hub accepted (or closed) the connection; OnDisconnectedAsync runs for exactly these.
        metrics.Connected(HubName(context.Hub));
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Forget(context.Context.ConnectionId);
        metrics.Disconnected(HubName(context.Hub));
        return next(context, exception);
    }

    /// <summary><c>table</c> for <see cref="TableHub"/>, <c>lobby</c> for <see cref="LobbyHub"/>.</summary>
    private static string HubName(Hub hub) => hub switch
    {
        TableHub => "table",
        LobbyHub => "lobby",
        _ => hub.GetType().Name,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing flooding hub connection {ConnectionId} of player {PlayerId}")]
    private static partial void LogFlooding(ILogger logger, string connectionId, string? playerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId} of banned player {PlayerId}")]
    private static partial void LogBannedClosed(ILogger logger, string connectionId, long playerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check the ban of player {PlayerId} on hub connection {ConnectionId}; checking again after the renewal interval")]
    private static partial void LogBanCheckFailed(ILogger logger, Exception exception, string connectionId, long playerId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub method {Method} refused for player {PlayerId}: {Code}")]
    private static partial void LogHubRefusal(ILogger logger, string method, string code, string? playerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub method {Method} answered unavailable")]
    private static partial void LogHubUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub connection to {Hub} closed: unavailable while it was opened")]
    private static partial void LogConnectUnavailable(ILogger logger, Exception exception, string hub);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub method {Method} failed")]
    private static partial void LogHubFailure(ILogger logger, Exception exception, string method);

    private Guarded Guard(HubCallerContext connection)
    {
        if (connections.TryGetValue(connection.ConnectionId, out var known))
        {
            return known;
        }

        var playerId = Bans.PlayerOf(connection.User);
        var now = time.GetTimestamp();
        var guarded = new Guarded(connection, playerId, Share(playerId, now), now);
        if (connections.TryAdd(connection.ConnectionId, guarded))
        {
            return guarded;
        }

        Release(guarded);
        return connections[connection.ConnectionId];
    }

    /// <summary>The bucket of <paramref name="playerId"/>'s connections, counting one more (one of its own without a player).</summary>
    private Bucket Share(long? playerId, long now)
    {
        if (playerId is not { } id)
        {
            return new Bucket(options.Gateway.HubCallBurst, now);
        }

        lock (players)
        {
            if (!players.TryGetValue(id, out var bucket))
            {
                players[id] = bucket = new Bucket(options.Gateway.HubCallBurst, now);
            }

            bucket.Connections++;
            return bucket;
        }
    }

    private void Forget(string connectionId)
    {
        if (connections.TryRemove(connectionId, out var guarded))
        {
            Release(guarded);
        }
    }

    private void Release(Guarded guarded)
    {
        if (guarded.PlayerId is not { } id)
        {
            return;
        }

        lock (players)
        {
            if (--guarded.Bucket.Connections == 0)
            {
                players.Remove(id);
            }
        }
    }

    /// <summary>A connection of this process: its player, its call bucket and when its ban was last checked.</summary>
    private sealed class Guarded(HubCallerContext connection, long? playerId, Bucket bucket, long banChecked)
    {
        private long banChecked = banChecked;
        private int closing;

        public HubCallerContext Connection { get; } = connection;

        public long? PlayerId { get; } = playerId;

        public Bucket Bucket { get; } = bucket;

        /// <summary>True the first time only: the calls already queued on a flooding connection close it once (and log it once).</summary>
        public bool Closing() => Interlocked.Exchange(ref closing, 1) == 0;

        /// <summary>True, and the check counted as done, when the last check is at least <paramref name="interval"/> old.</summary>
        public bool BanCheckDue(TimeSpan interval, TimeProvider time)
        {
            var last = Volatile.Read(ref banChecked);
            var now = time.GetTimestamp();
            return time.GetElapsedTime(last, now) >= interval && Interlocked.CompareExchange(ref banChecked, now, last) == last;
        }
    }

    internal sealed class Bucket(double tokens, long stamp)
    {
        private readonly Lock gate = new();
        private double tokens = tokens;
        private double violations;
        private long stamp = stamp;

        /// <summary>The player's connections guarded with it (changed under the filter's lock of the players).</summary>
        public int Connections { get; set; }

        /// <summary>
        /// Takes a call's token; false when throttled, and then <paramref name="flooding"/> when the throttled calls not
        /// yet forgotten (<see cref="GatewaySettings.HubViolationsBeforeClose"/> are per
        /// <see cref="GatewaySettings.HubViolationWindow"/>) reached that number.
        /// </summary>
        public bool TryTake(GatewaySettings limits, TimeProvider time, out bool flooding)
        {
            lock (gate)
            {
                var now = time.GetTimestamp();
                var elapsed = time.GetElapsedTime(stamp, now);
                stamp = now;
                tokens = Math.Min(limits.HubCallBurst, tokens + (elapsed.TotalSeconds * limits.HubCallsPerSecond));
                violations = Math.Max(0, violations - (elapsed / limits.HubViolationWindow * limits.HubViolationsBeforeClose));
                flooding = false;
                if (tokens >= 1)
                {
                    tokens -= 1;
                    return true;
                }

                violations++;
                flooding = violations >= limits.HubViolationsBeforeClose;
                return false;
            }
        }
    }
}
