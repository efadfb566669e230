namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary>
/// Settings bound from environment variables <c>POKER__&lt;Section&gt;__&lt;Key&gt;</c>
/// (ASP.NET's double-underscore convention). Every variable is listed in <c>.env.example</c>.
/// </summary>
public sealed class PokerOptions
{
    public const string SectionName = "POKER";

    public ClusterSettings Cluster { get; set; } = new();

    public StorageSettings Storage { get; set; } = new();

    public HttpSettings Http { get; set; } = new();

    public LogSettings Logging { get; set; } = new();

    public AuthSettings Auth { get; set; } = new();

    public GatewaySettings Gateway { get; set; } = new();

    public BotSettings Bot { get; set; } = new();

    /// <summary>Production mode: Redis clustering and PostgreSQL storage are both configured.</summary>
    public bool IsProduction => !string.IsNullOrWhiteSpace(Cluster.Redis) && !string.IsNullOrWhiteSpace(Storage.Postgres);
}
