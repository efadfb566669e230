using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Health;
using Orleans.Poker.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>What the gateway and the bot (cluster clients) and the silo share: the cluster connection and health.</summary>
public static class HostingSetup
{
    /// <summary>
    /// An Orleans cluster client: Redis membership when configured, else the local silo's gateway port; it keeps
    /// trying to connect for <see cref="ClusterSettings.ConnectTimeout"/> at start-up; <paramref name="configure"/>
    /// adds to it (the gateway's dashboard).
    /// </summary>
    public static IHostApplicationBuilder AddPokerClusterClient(this IHostApplicationBuilder builder, PokerOptions options, Action<IClientBuilder>? configure = null)
    {
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
                client.Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = options.Cluster.GatewayListRefresh);
            }

            client.Services.AddSingleton<IClientConnectionRetryFilter>(services => new ClusterConnectRetryFilter(
                options.Cluster.ConnectTimeout,
                services.GetService<TimeProvider>() ?? TimeProvider.System,
                services.GetRequiredService<ILogger<ClusterConnectRetryFilter>>()));

            // Observers of grains learn when a gateway connection closed and notifications may have been lost.
            client.Services.AddSingleton(services => new ClusterConnectionWatch(
                services.GetService<TimeProvider>() ?? TimeProvider.System, services.GetRequiredService<ILogger<ClusterConnectionWatch>>()));
            client.Services.AddSingleton<IClusterConnectionStatusObserver>(services => services.GetRequiredService<ClusterConnectionWatch>());

            if (TelemetrySetup.TracingEnabled(options))
            {
                // The trace of a request continues into the grains it calls.
                client.AddActivityPropagation();
            }

            configure?.Invoke(client);
        });
        return builder;
    }

    /// <summary>Readiness: the cluster answers, and PostgreSQL and Redis when they are configured.</summary>
    public static IHostApplicationBuilder AddPokerHealthChecks(this IHostApplicationBuilder builder, PokerOptions options)
    {
        var health = builder.Services.AddHealthChecks().AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        if (!string.IsNullOrWhiteSpace(options.Storage.Postgres))
        {
            builder.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(options.Storage.Postgres));
            health.AddCheck<PostgresHealthCheck>("postgres", tags: ["ready"]);
        }

        if (!string.IsNullOrWhiteSpace(options.Cluster.Redis))
        {
            health.AddTypeActivatedCheck<RedisHealthCheck>("redis", failureStatus: null, tags: ["ready"], args: options.Cluster.Redis);
        }

        return builder;
    }

    /// <summary>Liveness: the process answers (probes restart a process that does not).</summary>
    public const string LivePath = "/health/live";

    /// <summary>Readiness: the cluster, PostgreSQL and Redis answer (probes route traffic only to a ready process).</summary>
    public const string ReadyPath = "/health/ready";

    /// <summary>
    /// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (its dependencies answer), each a JSON
    /// answer naming the service and its version (<see cref="HealthAnswer"/>).
    /// </summary>
    public static WebApplication MapPokerHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthAnswer.WriteAsync });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = HealthAnswer.WriteAsync });
        return app;
    }
}
