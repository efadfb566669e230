using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Tables;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>
/// A silo of its own whose grain storage corrupts one table's books mid-hand (<see cref="CorruptingGrainStorage"/>, a
/// test-only storage; production code has no way to do this): the table must log the violation as Critical, count it,
/// and leave the chips as they are.
/// </summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class ConservationViolationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly LogCapture logs = new();
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddTestGrains(time);
            var memory = silo.Services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, PokerStorage.Name)
                && d.KeyedImplementationFactory is not null);
            silo.Services.Remove(memory);
            silo.Services.AddKeyedSingleton<IGrainStorage>(PokerStorage.Name, (services, key) =>
                new CorruptingGrainStorage((IGrainStorage)memory.KeyedImplementationFactory!(services, key)));
            silo.Services.AddSingleton<ILoggerProvider>(logs);
        });
        cluster = await TestSilo.DeployAsync(builder.Build);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_hand_whose_chips_do_not_add_up_is_logged_as_critical_counted_and_left_as_it_is()
    {
        var silo = cluster.Silos[0].ServiceProvider;
        using var meter = new MeterCapture(silo.GetRequiredService<GameMetrics>().Meter);
        var kit = new TableKit(cluster.Client, time);
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2, buyIn: 100);
        var view = (await kit.StartNextHand(table)).View;
        var hand = view.HandNo;
        // A whole-state write while the hand is in play (a deal and actions are journal moves): the storage corrupts the books on it.
        var waiting = view.Seats.First(s => s.PlayerId is not null && s.Seat != view.ActorSeat).PlayerId!.Value;
        await table.SetPreAction(waiting, hand, new PreAction(PreActionKind.CallAny));

        await kit.PlayPassivelyToEnd(table, hand);

        var storage = (CorruptingGrainStorage)silo.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);
        Assert.Equal(table.GetPrimaryKeyString(), storage.CorruptedTable);
        var critical = Assert.Single(logs.Entries, e => e.Level == LogLevel.Critical);
        Assert.Equal("Chips not conserved at table {TableId} hand {HandNo}: expected {Expected}, actual {Actual} (stacks {Stacks}, rake {Rake})", critical.Template);
        Assert.Equal(table.GetPrimaryKeyString(), critical.Values["TableId"]);
        Assert.Equal(hand, critical.Values["HandNo"]);
        Assert.Equal(200 + CorruptingGrainStorage.Extra, critical.Values["Expected"]);
        Assert.Equal(200L, critical.Values["Actual"]);
        Assert.Equal(1, meter.Sum("poker.chips.conservation.violations"));
        Assert.Equal(1, meter.Sum("poker.chips.conservation.violations", "variant", "NT"));

        // Never corrected: the players keep exactly the chips the hand left them.
        var seats = (await table.GetSnapshot(null)).View.Seats;
        Assert.Equal(200, seats.Sum(s => s.Stack));
    }
}
