using Orleans.Poker.BotFrontend;
using Orleans.Poker.Gateway;
using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Operations;
using Orleans.Poker.ServiceDefaults.Telemetry;
using Orleans.Poker.Silo.Hosting;
using Serilog;

namespace Orleans.Poker.Silo;

/// <summary>
/// The silo process. On the embedded default it also co-hosts the gateway (REST, SignalR, the web client) on one
/// HTTP port. A named class rather than top-level statements: the gateway's own entry point is referenced too.
/// </summary>
public sealed class SiloProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();
        builder.Services.Configure<PokerOptions>(builder.Configuration.GetSection(PokerOptions.SectionName));

        builder.AddPokerLogging(options);
        builder.AddPokerTelemetry(options);
        builder.AddPokerSilo(options);
        var coHosted = options.Gateway.CoHosted ?? !options.IsProduction;
        if (coHosted)
        {
            builder.AddPokerGateway(options);
        }

        // The Telegram bot runs inside the silo when a token is set and it is not deployed on its own.
        var botCoHosted = options.Bot.Enabled && (options.Bot.CoHosted ?? !options.IsProduction);
        if (botCoHosted)
        {
            builder.AddPokerBot(options);
        }

        string[] roles = [OperationsProcess.SiloRole, .. coHosted ? [OperationsProcess.GatewayRole] : Array.Empty<string>(), .. botCoHosted ? [OperationsProcess.BotRole] : Array.Empty<string>()];
        builder.AddPokerOperations(options, OperationsProcess.SiloRole, options.Http.Port, roles);
        builder.UsePokerUrls(options, options.Http.Port, PokerTelemetry.SiloMetricsPort);
        // Graceful shutdown: let in-flight grain calls finish and grains deactivate (persisting) before the process exits.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.AddPokerHealthChecks(options);

        var app = builder.Build();
        app.UsePokerMetrics();
        app.MapPokerHealthChecks();
        if (coHosted)
        {
            app.MapPokerGateway();
        }

        if (botCoHosted)
        {
            app.MapPokerBot();
        }


        app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<SiloProgram>().Information(
            "Silo {ServiceId}/{ClusterId} started in {Mode} mode on http://{Host}:{Port} (metrics port {MetricsPort})",
            options.Cluster.ServiceId, options.Cluster.ClusterId, options.IsProduction ? "production" : "embedded", options.Http.Host, options.Http.Port,
            TelemetrySetup.ManagementPort(options, PokerTelemetry.SiloMetricsPort)));

        app.Run();
    }
}
