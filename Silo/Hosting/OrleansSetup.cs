using System.Net;
using Orleans.Configuration;
using Orleans.Poker.ServiceDefaults.Configuration;
using StackExchange.Redis;

namespace Orleans.Poker.Silo.Hosting;

/// <summary>
/// Turns <see cref="PokerOptions"/> into a silo: the embedded default (localhost clustering, memory storage and
/// reminders) or production (Redis clustering, PostgreSQL grain storage and reminders).
/// </summary>
public static class OrleansSetup
{
    /// <summary>Name of the grain storage every poker grain persists to.</summary>
    public const string StorageName = Grains.PokerStorage.Name;

    public static IHostApplicationBuilder AddPokerSilo(this IHostApplicationBuilder builder, PokerOptions options)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(cluster =>
            {
                cluster.ServiceId = options.Cluster.ServiceId;
                cluster.ClusterId = options.Cluster.ClusterId;
            });
            silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromSeconds(30));

            if (options.IsProduction)
            {
                var address = IPAddress.Parse(options.Cluster.AdvertisedAddress);
                silo.ConfigureEndpoints(address, options.Cluster.SiloPort, options.Cluster.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(address));
                silo.UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(options.Cluster.Redis!));
                silo.AddAdoNetGrainStorage(StorageName, storage =>
                {
                    storage.Invariant = "Npgsql";
                    storage.ConnectionString = options.Storage.Postgres;
                });
                silo.UseAdoNetReminderService(reminders =>
                {
                    reminders.Invariant = "Npgsql";
                    reminders.ConnectionString = options.Storage.Postgres;
                });
            }
            else
            {
                silo.UseLocalhostClustering(options.Cluster.SiloPort, options.Cluster.GatewayPort, serviceId: options.Cluster.ServiceId, clusterId: options.Cluster.ClusterId);
                silo.AddMemoryGrainStorage(StorageName);
                silo.UseInMemoryReminderService();
            }
        });
        return builder;
    }
}
