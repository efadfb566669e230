namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary>
/// Settings bound from environment variables <c>POKER__&lt;Section&gt;__&lt;Key&gt;</c>
/// (ASP.NET's double-underscore convention). Every variable is listed in <c>.env.example</c>.
/// </summary>
public sealed class PokerOptions
{
    public const string SectionName = "POKER";

    /// <summary>
    /// <c>POKER__Players__*</c>: play-money rules of the player grains (starting balance, top-up interval, remembered
    /// transfers). Only silos read it, straight into the grains' own options type, so it has no property here.
    /// </summary>
    public const string PlayersSection = "Players";

    /// <summary><c>POKER__Referral__*</c>: invite-link bonuses and the new-player window (read by silos, like <see cref="PlayersSection"/>).</summary>
    public const string ReferralSection = "Referral";

    /// <summary><c>POKER__Analytics__*</c>: how often the room's snapshots are taken and how long they are kept (read by silos).</summary>
    public const string AnalyticsSection = "Analytics";

    public ClusterSettings Cluster { get; set; } = new();

    public StorageSettings Storage { get; set; } = new();

    public HttpSettings Http { get; set; } = new();

    public LogSettings Logging { get; set; } = new();

    public AuthSettings Auth { get; set; } = new();

    public GatewaySettings Gateway { get; set; } = new();

    public BotSettings Bot { get; set; } = new();

    public TelemetrySettings Telemetry { get; set; } = new();

    /// <summary>Production mode: Redis clustering and PostgreSQL storage are both configured.</summary>
    public bool IsProduction => !string.IsNullOrWhiteSpace(Cluster.Redis) && !string.IsNullOrWhiteSpace(Storage.Postgres);
}
