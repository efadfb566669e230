using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Runtime;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>
/// Orleans may carry a table's activation, with its state in memory, to another silo instead of loading it there
/// again: a stopping silo hands its open tables over (<see cref="Grains.Tables.TableHandOver"/>), a silo shutting
/// down migrates the activations that have calls waiting (found in a rolling update, where a hand vanished), and
/// <c>MigrateOnIdle</c> does the same on demand. The table goes on there exactly where it was, its hand in play and
/// its observers included. Two in-process silos of their own.
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
    public async Task A_table_migrated_mid_hand_goes_on_with_its_hand_and_its_observers_on_the_other_silo()
    {
        var kit = new TableKit(cluster.Client, time);
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        // The deal and the action are moves: the last whole write of the state was before the hand.
        var view = (await kit.StartNextHand(table)).View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Call), kit.NextSeq());
        var observer = new RecordingObserver();
        await table.Subscribe(cluster.Client.CreateObjectReference<ITableObserver>(observer));
        var feed = new HandEndFeed();
        await table.SubscribeFeed(cluster.Client.CreateObjectReference<ITableFeedObserver>(feed));
        var before = await JournalReplayTests.Snapshots(table, players);
        var from = await Host(table);

        var to = cluster.Silos.Select(s => s.SiloAddress).Single(s => !s.Equals(from));
        await MoveTo(table, to);

        var after = await JournalReplayTests.Snapshots(table, players);
        Assert.Equal(before.Select(JournalReplayTests.Print), after.Select(JournalReplayTests.Print));
        Assert.Equal(before[0].TableVersion, after[0].TableVersion);
        Assert.True(await kit.PlayPassivelyToEnd(table, view.HandNo) > 0, "the hand plays on after the migration");
        Assert.Null((await table.GetSnapshot(null)).View.ActorSeat);
        // Subscribed before the move and never again: it heard the hand's end from the other silo.
        await observer.WaitFor(e => e.Kind == TableEventKind.HandFinished && e.View.HandNo == view.HandNo);
        // So did a gateway's feed, serialized.
        var finished = JsonDocument.Parse(await feed.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30))).RootElement;
        Assert.Equal(nameof(TableEventKind.HandFinished), finished.GetProperty("kind").GetString());
        Assert.Equal(view.HandNo, finished.GetProperty("view").GetProperty("handNo").GetInt64());
        await table.Close("test over");
    }

    [Fact]
    public async Task A_stopping_silo_hands_a_table_between_hands_over_and_it_deals_on_without_being_called()
    {
        var kit = new TableKit(cluster.Client, time);
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        var hand = (await kit.StartNextHand(table)).View.HandNo;
        await kit.PlayPassivelyToEnd(table, hand);
        var observer = new RecordingObserver();
        await table.Subscribe(cluster.Client.CreateObjectReference<ITableObserver>(observer));
        // The table on the second silo (the first one holds the cluster's membership here), between two hands.
        var stopping = cluster.Silos[1];
        await MoveTo(table, stopping.SiloAddress);
        Assert.Null((await table.GetSnapshot(null)).View.ActorSeat);

        await cluster.StopSiloAsync(stopping);

        // Nothing calls the table from here on: it is active on the other silo, and its clock deals the next hand,
        // which its observer hears.
        Assert.Equal(cluster.Silos[0].SiloAddress, await WaitForHost(table, cluster.Silos[0].SiloAddress));
        var dealt = observer.WaitFor(e => e.Kind == TableEventKind.HandStarted && e.View.HandNo == hand + 1);
        for (var i = 0; i < 30 && !dealt.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }

        Assert.Equal(hand + 1, (await dealt).View.HandNo);
        await table.Close("test over");
    }

    /// <summary>A gateway's observer: the <c>event</c> message of the first event that ended a hand.</summary>
    private sealed class HandEndFeed : ITableFeedObserver
    {
        public TaskCompletionSource<byte[]> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task OnTableFeed(TableFeedEvent feedEvent)
        {
            if (feedEvent.Result is not null)
            {
                Finished.TrySetResult(feedEvent.Message);
            }

            return Task.CompletedTask;
        }
    }

    /// <summary>Migrates the table to <paramref name="to"/> (placement told where, as a migration's caller may).</summary>
    private async Task MoveTo(ITableGrain table, SiloAddress to)
    {
        if (to.Equals(await Host(table)))
        {
            return;
        }

        RequestContext.Set(IPlacementDirector.PlacementHintKey, to);
        await table.Cast<IGrainManagementExtension>().MigrateOnIdle();
        RequestContext.Clear();
        Assert.Equal(to, await WaitForHost(table, to));
    }

    /// <summary>Where the table is active once it is on <paramref name="silo"/>, or after 20 s; asks the management grain only.</summary>
    private async Task<SiloAddress?> WaitForHost(ITableGrain table, SiloAddress silo)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        SiloAddress? host;
        while (!silo.Equals(host = await Host(table)) && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            await Task.Delay(50);
        }

        return host;
    }

    private async Task<SiloAddress?> Host(ITableGrain table) =>
        (await TableHosts.Of(cluster.Client, new HashSet<string> { table.GetPrimaryKeyString() })).Values.SingleOrDefault();
}
