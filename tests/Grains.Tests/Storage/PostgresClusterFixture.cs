using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Storage;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>An in-process silo whose stores are the PostgreSQL ones, over a throwaway migrated database.</summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public MigratedDatabase Database { get; } = new();

    /// <summary>The grains' clock, starting at the real time (Orleans' own membership runs on real time, <see cref="TestSilo.AddTestGrains"/>).</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public ITableRecordStore TableRecords => Cluster.Silos[0].ServiceProvider.GetRequiredService<ITableRecordStore>();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var builder = new InProcessTestClusterBuilder(1);
        var (time, connectionString) = (Time, Database.ConnectionString);
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(time, stores: connectionString));
        Cluster = await TestSilo.DeployAsync(builder.Build);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
