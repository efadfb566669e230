using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Players;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Players;

/// <summary>A player grain that remembers only 3 transfer ids: older retries are recognised through the ledger.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class RememberedTransfersTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);  // the grains' clock (Orleans' membership runs on real time: TestSilo)
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        var time = _time;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddTestGrains(time, reminders: false);
            silo.Services.Configure<PlayerOptions>(o => o.RememberedTransfers = 3);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task Retry_of_a_transfer_older_than_the_remembered_window_is_not_applied_again()
    {
        var player = _cluster.Client.GetGrain<IPlayerGrain>(ClusterFixture.NewPlayerId());
        await player.Register(new PlayerProfile { DisplayName = "Gita" });
        for (var i = 1; i <= 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await player.TransferToTable($"old-{i}", "table-1", 100);
        }

        var retried = await player.TransferToTable("old-1", "table-1", 100);
        await _cluster.DeactivateAsync(player);
        var retriedAfterReactivation = await player.TransferToTable("old-2", "table-1", 100);

        Assert.Equal(9_500, retried);
        Assert.Equal(9_500, retriedAfterReactivation);
        Assert.Equal(6, (await player.GetLedger(0, 100)).Count);
    }
}
