namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Gateway__*</c>: limits and relay timings of the REST/SignalR gateway.</summary>
public sealed class GatewaySettings
{
    /// <summary>
    /// Whether the silo process also serves the gateway (REST, SignalR, web client). Defaults to yes on the embedded
    /// default and no in production, where gateways run as their own processes.
    /// </summary>
    public bool? CoHosted { get; set; }

    /// <summary>REST requests per second per player (or per IP before sign-in).</summary>
    public int RequestsPerSecond { get; set; } = 20;

    /// <summary>REST burst above the steady rate.</summary>
    public int RequestBurst { get; set; } = 60;

    /// <summary>Hub calls per second per player, across all their connections to this gateway.</summary>
    public int HubCallsPerSecond { get; set; } = 10;

    /// <summary>Hub call burst above the steady rate, per player.</summary>
    public int HubCallBurst { get; set; } = 30;

    /// <summary>
    /// Throttled hub calls after which the connection that makes the next one is closed. They are forgotten at this
    /// many per <see cref="HubViolationWindow"/>, so only a player who keeps flooding gets there.
    /// </summary>
    public int HubViolationsBeforeClose { get; set; } = 50;

    /// <summary>How fast throttled hub calls are forgotten: <see cref="HubViolationsBeforeClose"/> of them per window.</summary>
    public TimeSpan HubViolationWindow { get; set; } = TimeSpan.FromMinutes(1);

    public long MaxRequestBodyBytes { get; set; } = 64 * 1024;

    public long MaxHubMessageBytes { get; set; } = 32 * 1024;

    /// <summary>How often table and lobby observers are re-subscribed (grain subscriptions expire after 5 minutes).</summary>
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an out-of-order table event waits for the missing ones before a snapshot resync.</summary>
    public TimeSpan GapTimeout { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Folder of the built web client; default <c>wwwroot</c> beside the gateway assembly.</summary>
    public string? WebRoot { get; set; }
}
