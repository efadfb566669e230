using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Operations;
using Orleans.Poker.ServiceDefaults.Telemetry;
using Serilog;

namespace Orleans.Poker.BotFrontend;

/// <summary>
/// The standalone Telegram bot: an Orleans cluster client with the webhook endpoint (or long polling in development).
/// A named class rather than top-level statements, so that the silo can reference it to co-host the bot.
/// </summary>
public sealed class BotProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();

        builder.AddPokerLogging(options);
        builder.AddPokerTelemetry(options);
        builder.AddPokerClusterClient(options);
        builder.AddPokerBot(options);
        builder.AddPokerOperations(options, OperationsProcess.BotRole, options.Bot.Port);
        builder.UsePokerUrls(options, options.Bot.Port, PokerTelemetry.BotMetricsPort);
        builder.AddPokerHealthChecks(options);

        var app = builder.Build();
        app.UsePokerMetrics();
        app.MapPokerHealthChecks();
        app.MapPokerBot();
        app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<BotProgram>().Information(
            "Bot for {ServiceId}/{ClusterId} listening on http://{Host}:{Port}", options.Cluster.ServiceId, options.Cluster.ClusterId, options.Http.Host, options.Bot.Port));
        app.Run();
    }
}
