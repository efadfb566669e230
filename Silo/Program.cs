using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Health;
using Orleans.Poker.Silo.Hosting;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(PokerOptions.SectionName).Get<PokerOptions>() ?? new PokerOptions();
builder.Services.Configure<PokerOptions>(builder.Configuration.GetSection(PokerOptions.SectionName));

builder.AddPokerLogging(options);
builder.AddPokerSilo(options);
builder.WebHost.UseUrls($"http://{options.Http.Host}:{options.Http.Port}");
// Graceful shutdown: let in-flight grain calls finish and grains deactivate (persisting) before the process exits.
builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

var health = builder.Services.AddHealthChecks()
    .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
if (!string.IsNullOrWhiteSpace(options.Storage.Postgres))
{
    health.AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
}

if (!string.IsNullOrWhiteSpace(options.Cluster.Redis))
{
    health.AddTypeActivatedCheck<RedisHealthCheck>("redis", failureStatus: null, tags: ["ready"], args: options.Cluster.Redis);
}

var app = builder.Build();
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

app.Lifetime.ApplicationStarted.Register(() => Log.ForContext<Program>().Information(
    "Silo {ServiceId}/{ClusterId} started in {Mode} mode on http://{Host}:{Port}",
    options.Cluster.ServiceId, options.Cluster.ClusterId, options.IsProduction ? "production" : "embedded", options.Http.Host, options.Http.Port));

app.Run();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
