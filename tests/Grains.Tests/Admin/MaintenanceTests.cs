using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Admin;

/// <summary>The room's maintenance switch: no table starts a new hand while it is on, and every one deals again after.</summary>
[Collection(ClusterCollection.Name)]
public sealed class MaintenanceTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    private IMaintenanceGrain Switch => fixture.Grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key);

    [Fact]
    public async Task Maintenance_stops_new_hands_everywhere_lets_hands_in_play_finish_tells_players_and_off_deals_again()
    {
        var playing = await kit.NewTable(TableKit.Holdem(c => c with { IdleCloseAfter = null }));
        await kit.Seat(playing, 2);
        var waiting = await kit.NewTable(TableKit.Holdem(c => c with { IdleCloseAfter = null }), createdBy: 0);
        await kit.Seat(waiting, 2);
        var observer = new RecordingObserver();
        await playing.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        var hand = (await kit.StartNextHand(playing)).View.HandNo;
        var waitingHand = (await waiting.GetSnapshot(null)).View.HandNo;

        try
        {
            var status = await Switch.Set(true, 42, "Back in ten minutes");
            var told = await observer.WaitFor(e => e.View.Maintenance);
            await kit.PlayPassivelyToEnd(playing, hand);
            var finished = await observer.WaitFor(e => e.Kind == TableEventKind.HandFinished && e.View.HandNo == hand);
            kit.Time.Advance(TimeSpan.FromMinutes(5));
            var held = (await playing.GetSnapshot(null)).View;
            var heldWaiting = (await waiting.GetSnapshot(null)).View;

            Assert.Equal((true, 42L, "Back in ten minutes"), (status.On, status.By, status.Message));
            Assert.Equal("the room is under maintenance: no new hand starts until it is over", told.Description);
            Assert.Equal(hand, told.View.HandNo);
            Assert.True(finished.View.Maintenance);
            Assert.Equal(hand, held.HandNo);
            Assert.True(heldWaiting.Maintenance);
            Assert.Equal(waitingHand, heldWaiting.HandNo);
        }
        finally
        {
            await Switch.Set(false, 42, null);
        }

        var over = await observer.WaitFor(e => e.Description == "maintenance is over: hands are dealt again");
        var next = await kit.StartNextHand(playing);

        Assert.False(over.View.Maintenance);
        Assert.Equal(hand + 1, next.View.HandNo);
        Assert.False((await Switch.Get()).On);
    }

    [Fact]
    public async Task A_table_opened_during_maintenance_waits_and_one_that_missed_the_end_is_woken_by_its_watchdog()
    {
        ITableGrain table;
        try
        {
            await Switch.Set(true, 7, null);
            table = await kit.NewTable(TableKit.Holdem(c => c with { IdleCloseAfter = null }));
            await kit.Seat(table, 2);
            kit.Time.Advance(TimeSpan.FromSeconds(30));

            Assert.True((await table.GetSnapshot(null)).View.Maintenance);
            Assert.Equal(0, (await table.GetSnapshot(null)).View.HandNo);
        }
        finally
        {
            // Off in the switch only, as if this table had not heard: its watchdog must find out.
            await Switch.Set(false, 7, null);
        }

        await table.SetMaintenance(true);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var over = await observer.WaitFor(e => e.Description == "maintenance is over: hands are dealt again");
        kit.Time.Advance(TimeSpan.FromSeconds(3));
        var dealt = await observer.WaitFor(e => e.Kind == TableEventKind.HandStarted);

        Assert.False(over.View.Maintenance);
        Assert.Equal(1, dealt.View.HandNo);
    }

    [Fact]
    public async Task A_note_too_long_is_refused_and_changes_nothing()
    {
        var refused = await Assert.ThrowsAsync<PokerException>(() => Switch.Set(true, 1, new string('x', 201)));

        Assert.Equal("invalid_input", refused.Code);
        Assert.False((await Switch.Get()).On);
    }
}
