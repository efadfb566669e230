using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Poker.Grains;
using Orleans.Poker.Silo.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>An in-process silo configured by <c>AddPokerGrains</c> (memory or PostgreSQL) and its client.</summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private readonly InProcessTestCluster cluster;

    private BenchCluster(InProcessTestCluster cluster) => this.cluster = cluster;

    public IClusterClient Client => cluster.Client;

    /// <param name="configure">Adds to the silo's production set-up (e.g. an option for one run).</param>
    public static async Task<BenchCluster> StartAsync(string? postgres, Action<ISiloBuilder>? configure = null)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSiloHost((_, host) => host.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureClientHost(host => host.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddPokerGrains(postgres);
            configure?.Invoke(silo);
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new BenchCluster(cluster);
    }

    /// <summary>Deactivates <paramref name="grain"/>: its next call loads it from storage, as after a crash.</summary>
    public Task Deactivate(IAddressable grain) => cluster.DeactivateAsync(grain);

    /// <summary>A service of the silo (e.g. options), for diagnostics.</summary>
    public T SiloService<T>()
        where T : notnull => cluster.Silos[0].ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await cluster.DisposeAsync();
}
