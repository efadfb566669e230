using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Configuration;
using Orleans.Poker.Gateway;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Health;
using Serilog;
using StackExchange.Redis;

// The standalone gateway: an Orleans cluster client serving REST, SignalR and the web client. Run as many as needed
// behind a proxy; with POKER__Cluster__Redis they find the silos through Redis and share a SignalR backplane.
var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();
if (builder.Configuration[$"{PokerOptions.SectionName}:Http:Port"] is null)
{
    options.Http.Port = 8090;
}

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
builder.AddPokerGateway(options);
builder.WebHost.UseUrls($"http://{options.Http.Host}:{options.Http.Port}");

var health = builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
if (!string.IsNullOrWhiteSpace(options.Cluster.Redis))
{
    health.AddTypeActivatedCheck<RedisHealthCheck>("redis", failureStatus: null, tags: ["ready"], args: options.Cluster.Redis);
}

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
app.MapPokerGateway();
app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<Program>().Information(
    "Gateway for {ServiceId}/{ClusterId} listening on http://{Host}:{Port}", options.Cluster.ServiceId, options.Cluster.ClusterId, options.Http.Host, options.Http.Port));
app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
