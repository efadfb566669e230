using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Admin;

[Collection(AnalyticsCollection.Name)]
public sealed class AnalyticsTests(ClusterFixture cluster)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 14, 20, 0, TimeSpan.Zero);

    [Fact]
    public async Task At_the_hour_boundary_the_hour_that_ended_is_computed_from_the_hands_played_in_it()
    {
        var kit = new TableKit(cluster.Grains, cluster.Time);
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        var started = await kit.StartNextHand(table);
        await kit.PlayPassivelyToEnd(table, started.View.HandNo);
        var hour = IAnalyticsGrain.HourOf(cluster.Time.GetUtcNow());
        var analytics = cluster.Grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        var reminder = cluster.Grains.GetGrain<Orleans.IRemindable>(analytics.GetGrainId());
        var tableId = table.GetPrimaryKeyString();

        await reminder.ReceiveReminder("analytics", default);
        var before = await analytics.Hourly(hour, hour.AddHours(1), tableId);
        cluster.Time.Advance(hour.AddHours(1) - cluster.Time.GetUtcNow() + TimeSpan.FromSeconds(30));
        await reminder.ReceiveReminder("analytics", default);
        var after = await analytics.Hourly(hour, hour.AddHours(1), tableId);

        Assert.Empty(before);
        var row = Assert.Single(after);
        Assert.Equal((1, 2, 2, "NT"), (row.Hands, row.DistinctPlayers, row.NewPlayers, row.Variant));
    }

    [Fact]
    public async Task A_snapshot_of_the_open_tables_is_taken_at_each_interval_with_the_hands_since_the_last()
    {
        var kit = new TableKit(cluster.Grains, cluster.Time);
        var analytics = cluster.Grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        var reminder = cluster.Grains.GetGrain<Orleans.IRemindable>(analytics.GetGrainId());
        var table = await kit.NewTable(TableKit.Holdem());
        var tableId = table.GetPrimaryKeyString();
        await reminder.ReceiveReminder("analytics", default);
        await kit.Seat(table, 2);
        var started = await kit.StartNextHand(table);
        await kit.PlayPassivelyToEnd(table, started.View.HandNo);

        cluster.Time.Advance(new AnalyticsOptions().SnapshotInterval);
        var taken = cluster.Time.GetUtcNow();
        await reminder.ReceiveReminder("analytics", default);
        cluster.Time.Advance(TimeSpan.FromMinutes(1));
        var skipped = cluster.Time.GetUtcNow();
        await reminder.ReceiveReminder("analytics", default);

        var snapshot = Assert.Single(await analytics.Snapshots(taken, taken.AddSeconds(1), tableId));
        Assert.Equal((2, 0, "NT"), (snapshot.Seated, snapshot.Waitlist, snapshot.Variant));
        Assert.Equal(1, snapshot.Hands);
        Assert.True(snapshot.LargestPot > 0);
        Assert.Empty(await analytics.Snapshots(skipped, skipped.AddSeconds(1), tableId));
    }

    [Fact]
    public async Task A_snapshot_counts_the_turns_people_timed_out_since_the_last_from_the_summary_the_table_publishes()
    {
        var kit = new TableKit(cluster.Grains, cluster.Time);
        var analytics = cluster.Grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        var reminder = cluster.Grains.GetGrain<Orleans.IRemindable>(analytics.GetGrainId());
        var table = await kit.NewTable(TableKit.Holdem(c => c with { TimeoutsBeforeSitOut = 1 }));
        var tableId = table.GetPrimaryKeyString();
        await kit.Seat(table, 3);
        await reminder.ReceiveReminder("analytics", default);
        var started = await kit.StartNextHand(table);
        var actorSeat = started.View.ActorSeat!.Value;

        // The actor's turn times out (the clock's tick runs on the table as soon as it can); the others finish the hand.
        cluster.Time.Advance(TableKit.Holdem().TurnTime + TimeSpan.FromSeconds(1));
        for (var i = 0; i < 100 && !(await table.GetSnapshot(null)).View.Seats[actorSeat].Folded; i++)
        {
            await Task.Delay(50);
        }

        await kit.PlayPassivelyToEnd(table, started.View.HandNo);
        var listed = await Listed(tableId);
        for (var i = 0; i < 100 && listed?.Timeouts != 1; i++)
        {
            await Task.Delay(50);
            listed = await Listed(tableId);
        }

        cluster.Time.Advance(new AnalyticsOptions().SnapshotInterval);
        var taken = cluster.Time.GetUtcNow();
        await reminder.ReceiveReminder("analytics", default);

        Assert.Equal(1, listed?.Timeouts);
        var snapshot = Assert.Single(await analytics.Snapshots(taken, taken.AddSeconds(1), tableId));
        Assert.Equal((1, 1), (snapshot.Timeouts, snapshot.Hands));
    }

    private async Task<Interfaces.Tables.TableSummary?> Listed(string tableId) =>
        (await Interfaces.Lobby.ILobbyGrain.ListAll(cluster.Grains, includePrivate: true)).FirstOrDefault(t => t.TableId == tableId);

    [Fact]
    public void A_rebuild_covers_whole_hours_and_refuses_the_future_a_reversed_range_and_more_than_a_month()
    {
        Assert.Equal((Now.AddMinutes(-20).AddHours(-2), Now.AddMinutes(40)), IAnalyticsGrain.RebuildRange(Now.AddHours(-2), Now, Now));
        Assert.Equal("invalid_range", Assert.Throws<PokerException>(() => IAnalyticsGrain.RebuildRange(Now, Now.AddHours(3), Now)).Code);
        Assert.Equal("invalid_range", Assert.Throws<PokerException>(() => IAnalyticsGrain.RebuildRange(Now, Now.AddHours(-3), Now)).Code);
        // Reversed within one hour: both ends round to the same whole hours, and it is refused all the same.
        Assert.Equal("invalid_range", Assert.Throws<PokerException>(() => IAnalyticsGrain.RebuildRange(Now.AddMinutes(-5), Now.AddMinutes(-15), Now)).Code);
        Assert.Equal("invalid_range", Assert.Throws<PokerException>(() => IAnalyticsGrain.RebuildRange(Now.AddDays(-40), Now, Now)).Code);
    }

    [Fact]
    public async Task A_rebuild_of_the_future_is_refused_and_changes_nothing()
    {
        var analytics = cluster.Grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        var now = cluster.Time.GetUtcNow();
        var refusal = await Assert.ThrowsAsync<PokerException>(() => analytics.Rebuild(now.AddHours(2), now.AddHours(5)));
        Assert.Equal("invalid_range", refusal.Code);
        Assert.Empty(await analytics.Hourly(now.AddHours(2), now.AddHours(5), null));
    }
}
