namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Cluster__*</c>: Orleans identity, endpoints and the Redis membership store.</summary>
public sealed class ClusterSettings
{
    /// <summary>StackExchange.Redis configuration string; empty means localhost clustering.</summary>
    public string? Redis { get; set; }

    /// <summary>Keys persisted rows in PostgreSQL: keep it stable across deployments.</summary>
    public string ServiceId { get; set; } = "orleans-poker";

    public string ClusterId { get; set; } = "poker";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    /// <summary>Address other silos and clients reach this silo on; loopback by default.</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";

    /// <summary>How long a silo waits for another's answer to a liveness probe (Orleans' default is 5 s).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Missed probes in a row before a silo votes another dead: with <see cref="ProbeTimeout"/>, how fast
    /// the grains of a crashed silo come back on the others.</summary>
    public int MissedProbesLimit { get; set; } = 3;

    /// <summary>How long a gateway or the bot keeps trying to reach the cluster when it starts (no silo listed in
    /// Redis yet, a silo still joining, Redis restarting) before it gives up and exits.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a gateway's or the bot's cluster client reads the silos' list from Redis (Orleans' default is
    /// 60 s): a new silo gets calls once the clients have read it, so an update waits this long (plus a second) after
    /// its new silos are ready before it stops the old ones.</summary>
    public TimeSpan GatewayListRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
