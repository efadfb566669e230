using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Poker.Gateway.Dashboard;
using Orleans.Poker.Grains;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Bot;
using Orleans.Poker.Grains.Players;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables;
using Orleans.Poker.Grains.Templates;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Telemetry;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using StackExchange.Redis;

namespace Orleans.Poker.Silo.Hosting;

/// <summary>
/// Turns <see cref="PokerOptions"/> into a silo: the embedded default (localhost clustering, memory storage and
/// reminders) or production (Redis clustering, PostgreSQL grain storage and reminders).
/// </summary>
public static class OrleansSetup
{
    public static IHostApplicationBuilder AddPokerSilo(this IHostApplicationBuilder builder, PokerOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = options.Cluster.ServiceId;
                cluster.ClusterId = options.Cluster.ClusterId;
            });
            if (options.IsProduction)
            {
                var address = IPAddress.Parse(options.Cluster.AdvertisedAddress);
                silo.ConfigureEndpoints(address, options.Cluster.SiloPort, options.Cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Cluster.Redis!));
                silo.Configure<ClusterMembershipOptions>(membership =>
                {
                    membership.ProbeTimeout = options.Cluster.ProbeTimeout;
                    membership.NumMissedProbesLimit = options.Cluster.MissedProbesLimit;
                });
            }
            else
            {
                silo.UseLocalhostClustering(options.Cluster.SiloPort, options.Cluster.GatewayPort, serviceId: options.Cluster.ServiceId, clusterId: options.Cluster.ClusterId);
            }

            silo.AddPokerGrains(options.Storage.Postgres);
            if (DashboardAccess.Enabled(options))
            {
                // Every silo collects the dashboard's figures; gateways serve its pages to admins.
                silo.AddDashboard();
            }
            if (TelemetrySetup.TracingEnabled(options))
            {
                // Grain calls join the trace of whatever called them (a gateway request, a timer's own trace).
                silo.AddActivityPropagation();
            }
        });
        builder.Services.AddPokerGrainOptions(builder.Configuration);
        if (!string.IsNullOrWhiteSpace(options.Storage.Postgres) && options.Telemetry.Enabled)
        {
            builder.Services.AddMetrics();
            builder.Services.AddHostedService(services => new SchemaMetrics(
                options.Storage.Postgres, services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), services.GetRequiredService<ILogger<SchemaMetrics>>()));
        }

        return builder;
    }

    /// <summary>
    /// The grains' rules from configuration (<c>POKER__Players__*</c> into <see cref="PlayerOptions"/>,
    /// <c>POKER__Referral__*</c> into <see cref="ReferralOptions"/>, <c>POKER__Analytics__*</c> into
    /// <see cref="AnalyticsOptions"/>, <c>POKER__Analytics__Insights__*</c> into <see cref="InsightOptions"/>); unset keys keep the defaults. Values that make
    /// no sense stop the silo on start.
    /// </summary>
    public static IServiceCollection AddPokerGrainOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlayerOptions>()
            .Bind(configuration.GetSection(ConfigurationPath.Combine(PokerOptions.SectionName, PokerOptions.PlayersSection)))
            .Validate(p => p.StartingBalance > 0 && p.TopUpInterval > TimeSpan.Zero && p.RememberedTransfers > 0,
                "POKER__Players__StartingBalance, __TopUpInterval and __RememberedTransfers must be positive.")
            .ValidateOnStart();
        services.AddOptions<ReferralOptions>()
            .Bind(configuration.GetSection(ConfigurationPath.Combine(PokerOptions.SectionName, PokerOptions.ReferralSection)))
            .Validate(r => r.ReferrerBonus >= 0 && r.NewPlayerBonus >= 0 && r.NewPlayerWindow > TimeSpan.Zero,
                "POKER__Referral__ReferrerBonus and __NewPlayerBonus must not be negative, __NewPlayerWindow must be positive.")
            .ValidateOnStart();
        services.AddOptions<AnalyticsOptions>()
            .Bind(configuration.GetSection(ConfigurationPath.Combine(PokerOptions.SectionName, PokerOptions.AnalyticsSection)))
            .Validate(a => a.SnapshotInterval >= TimeSpan.FromMinutes(1) && a.SnapshotRetention >= TimeSpan.FromDays(1),
                "POKER__Analytics__SnapshotInterval must be at least 00:01:00 and POKER__Analytics__SnapshotRetention at least 1.00:00:00.")
            .Validate(a => string.IsNullOrWhiteSpace(a.InsightWebhookUrl) || a.InsightWebhook() is not null,
                "POKER__Analytics__InsightWebhookUrl must be an absolute http or https URL (or unset).")
            .Validate(a => a.HistoryFlushInterval >= TimeSpan.FromMilliseconds(100) && a.HistoryFlushInterval <= TimeSpan.FromMinutes(1)
                    && a.HistoryBatchSize is >= 1 and <= 5_000 && a.HistoryBufferLimit >= a.HistoryBatchSize,
                "POKER__Analytics__HistoryFlushInterval must be between 00:00:00.100 and 00:01:00, __HistoryBatchSize between 1 and 5000, and __HistoryBufferLimit at least the batch size.")
            .ValidateOnStart();
        // A value that is no number fails the binding on start, naming the key; one out of range fails validation.
        services.AddOptions<InsightOptions>()
            .Bind(configuration.GetSection(ConfigurationPath.Combine(PokerOptions.SectionName, PokerOptions.AnalyticsSection, InsightOptions.SectionName)))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InsightOptions>, InsightOptionsValidator>();
        return services;
    }

    /// <summary>
    /// Storage, reminders, the stores beside grain state, the clock, template seeding and the tables' hand-over when the
    /// silo stops: PostgreSQL when
    /// <paramref name="postgres"/> is set, memory otherwise. Clustering is configured by the caller.
    /// </summary>
    public static ISiloBuilder AddPokerGrains(this ISiloBuilder silo, string? postgres)
    {
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(30));
        silo.Services.AddSingleton(TimeProvider.System);
        silo.Services.AddPokerStores(postgres);
        silo.AddPokerTemplateSeeding();
        silo.AddPokerAnalytics();
        silo.AddTableHandOver();
        if (string.IsNullOrWhiteSpace(postgres))
        {
            // The Orleans serializer here too (the default JSON copy of every write dominated CPU and allocation),
            // and a dictionary in this silo rather than a storage grain a message away.
            silo.Services.AddGrainStorage(PokerStorage.Name, static (services, _) =>
                new SiloMemoryGrainStorage(new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>())));
            silo.UseInMemoryReminderService();
            return silo;
        }

        // The Orleans serializer (version tolerant through [Alias]/[Id]) rather than the provider's default
        // Newtonsoft JSON with $type names, which breaks stored rows when a type is renamed.
        silo.AddAdoNetGrainStorage(PokerStorage.Name, (OptionsBuilder<AdoNetGrainStorageOptions> storage) =>
            storage.Configure<Serializer>((settings, serializer) =>
            {
                settings.Invariant = "Npgsql";
                settings.ConnectionString = PostgresPool.WithDefaults(postgres);
                settings.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));
        silo.Services.TranslateStorageFailures(PokerStorage.Name);
        silo.UseAdoNetReminderService(reminders =>
        {
            reminders.Invariant = "Npgsql";
            reminders.ConnectionString = PostgresPool.WithDefaults(postgres);
        });
        return silo;
    }
}
