using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Tables;
using Orleans.Poker.Grains.Tests.Telemetry;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class StoreFailureTests
{
    [Fact]
    public async Task A_database_failure_reaches_the_caller_as_a_typed_retryable_error()
    {
        // The real PostgreSQL stores, pointed at a port where nothing listens: every statement fails in Npgsql.
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(stores: "Host=127.0.0.1;Port=1;Username=poker;Password=none;Database=none;Timeout=2"));
        await using var cluster = builder.Build();
        await cluster.DeployAsync();
        using var meter = new MeterCapture(cluster.Silos[0].ServiceProvider.GetRequiredService<StorageMetrics>().Meter);
        var templateId = $"t-{Guid.NewGuid():N}"[..20];

        // A template records its versions in PostgreSQL: the caller learns that storage is down, not a codec error.
        var error = await Assert.ThrowsAsync<StoreUnavailableException>(
            () => cluster.Client.GetGrain<ITemplateGrain>(templateId).Create(TableKit.Holdem()));
        Assert.Contains("storage", error.Message, StringComparison.Ordinal);

        // Nothing was created, and the same call answers the same way (it may be retried).
        await Assert.ThrowsAsync<StoreUnavailableException>(() => cluster.Client.GetGrain<ITemplateGrain>(templateId).Create(TableKit.Holdem()));
        await Assert.ThrowsAsync<PokerException>(() => cluster.Client.GetGrain<ITableGrain>("missing").GetSummary());

        // A lobby partition loads its entries while it activates, outside any grain call: the caller learns the same.
        var lobby = await Assert.ThrowsAnyAsync<Exception>(() => cluster.Client.GetGrain<ILobbyGrain>(0).List());
        Assert.True(StoreUnavailableException.IsBehind(lobby), lobby.ToString());

        // Each StoreUnavailable raised is counted once, where it surfaced.
        Assert.Equal(2, meter.Sum("poker.storage.failures", "source", "grain_call"));
        Assert.Equal(1, meter.Sum("poker.storage.failures", "source", "grain_storage"));
        Assert.Equal(3, meter.Sum("poker.storage.failures"));
    }
}
