using Orleans.Dashboard;
using Orleans.Poker.Gateway.Dashboard;
using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Operations;
using Orleans.Poker.ServiceDefaults.Telemetry;

namespace Orleans.Poker.Gateway;

/// <summary>
/// The standalone gateway process (as opposed to the silo co-hosting the gateway): an Orleans cluster client, the
/// gateway and health checks, listening on <c>POKER__Http__Host:Port</c>. <c>Program</c> runs it; the scale-out
/// tests start several in one process, each with its own cluster client.
/// </summary>
public static class GatewayHost
{
    /// <summary>Port of a standalone gateway when <c>POKER__Http__Port</c> is not set (the silo keeps 8080).</summary>
    public const int DefaultPort = 8090;

    public static WebApplicationBuilder AddStandaloneGateway(this WebApplicationBuilder builder, PokerOptions options)
    {
        builder.AddPokerTelemetry(options);
        builder.AddPokerClusterClient(options, client =>
        {
            if (DashboardAccess.Enabled(options))
            {
                // The dashboard's API calls the silos' dashboard grains through this client.
                client.AddDashboard();
            }
        });
        builder.AddPokerGateway(options);
        builder.AddPokerOperations(options, OperationsProcess.GatewayRole, options.Http.Port);
        builder.AddPokerHealthChecks(options);
        builder.UsePokerUrls(options, options.Http.Port, PokerTelemetry.GatewayMetricsPort);
        return builder;
    }

    public static WebApplication MapStandaloneGateway(this WebApplication app)
    {
        app.UsePokerMetrics();
        app.MapPokerHealthChecks();
        app.MapPokerGateway();
        return app;
    }
}
