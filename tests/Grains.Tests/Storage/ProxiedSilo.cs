using System.Net;
using Npgsql;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// One test silo whose PostgreSQL stores are reached through a <see cref="LoopbackProxy"/>, so that a test can fail
/// chosen statements (<see cref="LoopbackProxy.Arm"/>); disposing stops the silo, then the proxy.
/// </summary>
internal sealed class ProxiedSilo(LoopbackProxy proxy, InProcessTestCluster cluster) : IAsyncDisposable
{
    public LoopbackProxy Proxy { get; } = proxy;

    public InProcessTestCluster Cluster { get; } = cluster;

    public static async Task<ProxiedSilo> Start(MigratedDatabase database)
    {
        var port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        var proxy = new LoopbackProxy(new IPEndPoint(IPAddress.Loopback, port));
        var stores = proxy.Through(database.ConnectionString);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(stores: stores));
        return new ProxiedSilo(proxy, await TestSilo.DeployAsync(builder.Build));
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Proxy.DisposeAsync();
    }
}
