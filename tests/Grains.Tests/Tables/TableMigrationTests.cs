using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>
/// Orleans may carry a table's activation, with its state in memory, to another silo instead of loading it there
/// again: a silo shutting down migrates the activations that have calls waiting (found in a rolling update, where a
/// hand vanished), and <c>MigrateOnIdle</c> does the same on demand. The table goes on there exactly where it was,
/// its hand in play included. Two in-process silos of their own.
/// </summary>
public sealed class TableMigrationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync() => cluster = await TestSilo.DeployAsync(() => TestSilo.Build(time, silos: 2));

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_table_migrated_mid_hand_goes_on_with_its_hand_on_the_other_silo()
    {
        var kit = new TableKit(cluster.Client, time);
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        // The deal and the action are moves: the last whole write of the state was before the hand.
        var view = (await kit.StartNextHand(table)).View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Call), kit.NextSeq());
        var before = await JournalReplayTests.Snapshots(table, players);
        var from = await Host(table);
        var to = cluster.Silos.Select(s => s.SiloAddress).Single(s => !s.Equals(from));

        // Placement is told where (the hint a migration's caller may give); the next call finds the table there.
        RequestContext.Set(IPlacementDirector.PlacementHintKey, to);
        await table.Cast<IGrainManagementExtension>().MigrateOnIdle();
        RequestContext.Clear();
        var moving = System.Diagnostics.Stopwatch.StartNew();
        while (!to.Equals(await Host(table)) && moving.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
            await table.GetSnapshot(null);
        }

        Assert.Equal(to, await Host(table));
        var after = await JournalReplayTests.Snapshots(table, players);
        Assert.Equal(before.Select(JournalReplayTests.Print), after.Select(JournalReplayTests.Print));
        Assert.Equal(before[0].TableVersion, after[0].TableVersion);
        Assert.True(await kit.PlayPassivelyToEnd(table, view.HandNo) > 0, "the hand plays on after the migration");
        Assert.Null((await table.GetSnapshot(null)).View.ActorSeat);
        await table.Close("test over");
    }

    private async Task<SiloAddress?> Host(ITableGrain table)
    {
        var key = table.GetPrimaryKeyString();
        var statistics = await cluster.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.FirstOrDefault(s => s.GrainType.Contains("TableGrain", StringComparison.Ordinal) && s.GrainId.Key.ToString() == key)?.SiloAddress;
    }
}
