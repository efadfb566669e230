using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Poker.BotFrontend;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Health;
using Serilog;
using StackExchange.Redis;

// The standalone Telegram bot: an Orleans cluster client with the webhook endpoint (or long polling in development).
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();

builder.AddPokerLogging(options);
builder.UseOrleansClient(client =>
{
    client.Configure<ClusterOptions>(cluster =>
    {
        cluster.ServiceId = options.Cluster.ServiceId;
        cluster.ClusterId = options.Cluster.ClusterId;
    });
    if (string.IsNullOrWhiteSpace(options.Cluster.Redis))
    {
        client.UseLocalhostClustering(options.Cluster.GatewayPort, options.Cluster.ServiceId, options.Cluster.ClusterId);
    }
    else
    {
        client.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Cluster.Redis));
    }
});
builder.AddPokerBot(options);
builder.WebHost.UseUrls($"http://{options.Http.Host}:{options.Bot.Port}");
builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPokerBot();
app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<Program>().Information(
    "Bot for {ServiceId}/{ClusterId} listening on http://{Host}:{Port}", options.Cluster.ServiceId, options.Cluster.ClusterId, options.Http.Host, options.Bot.Port));
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
