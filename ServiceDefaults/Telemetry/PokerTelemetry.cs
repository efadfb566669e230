namespace Orleans.Poker.ServiceDefaults.Telemetry;

/// <summary>Names every process's telemetry shares: the room's meters and activity source, and where metrics are served.</summary>
public static class PokerTelemetry
{
    /// <summary>Every meter of the room starts with this (<c>Orleans.Poker.Game</c>, <c>.Storage</c>, <c>.Gateway</c>, <c>.Bot</c>).</summary>
    public const string MeterPrefix = "Orleans.Poker.";

    /// <summary>The room's own spans.</summary>
    public const string ActivitySourceName = "Orleans.Poker";

    /// <summary>The Prometheus scrape path.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>Default management ports in production (<c>POKER__Telemetry__MetricsPort</c> overrides them).</summary>
    public const int SiloMetricsPort = 9464;

    public const int GatewayMetricsPort = 9465;

    public const int BotMetricsPort = 9466;

    /// <summary>Orleans 10's runtime meter (<c>OrleansInstruments</c>).</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans 10's activity sources: <c>Microsoft.Orleans.Runtime</c>, <c>.Application</c>, <c>.Lifecycle</c>, <c>.Storage</c>.</summary>
    public const string OrleansActivitySources = "Microsoft.Orleans.*";

    /// <summary>ASP.NET Core 9+ SignalR: one span per hub method invocation.</summary>
    public const string SignalRActivitySource = "Microsoft.AspNetCore.SignalR.Server";
}
