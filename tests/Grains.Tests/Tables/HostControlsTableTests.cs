using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>A host's controls at a running table (the rules are <c>HostControls</c>'s, tested on their own).</summary>
[Collection(ClusterCollection.Name)]
public sealed class HostControlsTableTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Host_actions_are_refused_to_everyone_but_the_host_and_change_nothing()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(), host);
        var seated = await kit.Seat(table, 2);
        var before = await table.GetSnapshot(null);

        var refusals = new[]
        {
            await Assert.ThrowsAsync<PokerException>(() => table.HostPause(seated[0], true)),
            await Assert.ThrowsAsync<PokerException>(() => table.HostKick(seated[0], seated[1])),
            await Assert.ThrowsAsync<PokerException>(() => table.HostChangeSettings(seated[0], 4, null)),
            await Assert.ThrowsAsync<PokerException>(() => table.HostClose(seated[0])),
            await Assert.ThrowsAsync<PokerException>(() => table.GetHostSettings(seated[0])),
        };
        var after = await table.GetSnapshot(null);

        Assert.All(refusals, e => Assert.Equal(("forbidden", 403), (e.Code, e.Status)));
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(host, after.View.HostId);
        Assert.Equal(seated, after.View.Seats.Where(s => s.PlayerId is not null).Select(s => s.PlayerId!.Value));
    }

    [Fact]
    public async Task The_rooms_tables_and_sit_and_gos_have_no_host()
    {
        var roomTable = await kit.NewTable(TableKit.Holdem(), createdBy: 0);
        var creator = await kit.NewPlayer();
        var sitAndGo = await kit.NewTable(TableKit.Holdem(c => c with
        {
            Type = Grains.Interfaces.Templates.TableType.SitAndGo,
            StartingStack = 1000,
            MinBuyIn = 10,
            MaxBuyIn = 10,
            BlindLevels = [new(1, 2, 0, TimeSpan.FromMinutes(5))],
        }), creator);

        var room = await Assert.ThrowsAsync<PokerException>(() => roomTable.HostPause(0, true));
        var tournament = await Assert.ThrowsAsync<PokerException>(() => sitAndGo.HostPause(creator, true));

        Assert.Equal("forbidden", room.Code);
        Assert.Equal("forbidden", tournament.Code);
        Assert.Null((await roomTable.GetSnapshot(null)).View.HostId);
        Assert.Null((await sitAndGo.GetSnapshot(null)).View.HostId);
    }

    [Fact]
    public async Task Pause_lets_the_hand_in_play_finish_deals_no_new_one_and_resume_deals_again()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(c => c with { IdleCloseAfter = null }), host);
        await kit.Seat(table, 2);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        var hand = (await kit.StartNextHand(table)).View.HandNo;

        await table.HostPause(host, true);
        var paused = await observer.WaitFor(e => e.Kind == TableEventKind.StatusChanged && e.View.Status == TableStatus.Paused);
        await kit.PlayPassivelyToEnd(table, hand);
        var finished = await observer.WaitFor(e => e.Kind == TableEventKind.HandFinished && e.View.HandNo == hand);
        kit.Time.Advance(TimeSpan.FromMinutes(5));
        var waiting = (await table.GetSnapshot(null)).View;
        await table.HostPause(host, false);
        var next = (await kit.StartNextHand(table)).View;

        Assert.Equal("the host pauses the table: no new hand after this one", paused.Description);
        Assert.Equal(hand, paused.View.HandNo);
        Assert.Equal(TableStatus.Paused, finished.View.Status);
        Assert.Equal((hand, TableStatus.Paused), (waiting.HandNo, waiting.Status));
        Assert.Equal(hand + 1, next.HandNo);
        Assert.Equal(TableStatus.Active, next.Status);
    }

    [Fact]
    public async Task Kick_cashes_out_between_hands_at_once_and_in_a_hand_after_it_with_chips_conserved()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 3 }), host);
        await table.Sit(new SeatRequest(host, "Host", 100, 0));
        var others = new[] { await kit.NewPlayer(), await kit.NewPlayer() };
        await table.Sit(new SeatRequest(others[0], "A", 100, 1));
        var balanceBefore = await kit.Balance(others[1]);
        await table.Sit(new SeatRequest(others[1], "B", 150, 2));
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        var self = await Assert.ThrowsAsync<PokerException>(() => table.HostKick(host, host));
        var stranger = await Assert.ThrowsAsync<PokerException>(() => table.HostKick(host, others[0] + 1_000_000_000));
        var cashedOut = await table.HostKick(host, others[1]);
        var left = await observer.WaitFor(e => e.Kind == TableEventKind.Left);

        var hand = (await kit.StartNextHand(table)).View.HandNo;
        var chipsInHand = (await table.GetSnapshot(null)).View.Seats.Sum(s => s.Stack + s.Bet);
        var inHand = await table.HostKick(host, others[0]);
        // Removed after the hand already: a second kick is refused and tells nobody again.
        var seq = (await table.GetSnapshot(null)).EventSeq;
        var again = await Assert.ThrowsAsync<PokerException>(() => table.HostKick(host, others[0]));
        var seqAfter = (await table.GetSnapshot(null)).EventSeq;
        var stillSeated = (await table.GetSnapshot(null)).View.Seats[1].PlayerId;
        var beforeEnd = await kit.Balance(others[0]);
        await kit.PlayPassivelyToEnd(table, hand);
        await observer.WaitFor(e => e.Kind == TableEventKind.HandFinished && e.View.HandNo == hand);
        var gone = (await table.GetSnapshot(null)).View;
        var hostStack = gone.Seats[0].Stack;

        Assert.Equal(("cannot_kick_self", "not_found"), (self.Code, stranger.Code));
        Assert.Equal(150, cashedOut);
        Assert.Equal(balanceBefore, await kit.Balance(others[1]));
        Assert.Equal("B was removed by the host", left.Description);
        Assert.Equal(0, inHand);
        Assert.Equal(("already_leaving", 409), (again.Code, again.Status));
        Assert.Equal(seq, seqAfter);
        Assert.Equal(others[0], stillSeated);
        Assert.Null(gone.Seats[1].PlayerId);
        Assert.Equal(chipsInHand, hostStack + (await kit.Balance(others[0]) - beforeEnd));
    }

    [Fact]
    public async Task New_blinds_and_turn_time_apply_from_the_next_hand_and_changes_outside_the_limits_are_refused()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(), host);
        await kit.Seat(table, 2);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        var hand = (await kit.StartNextHand(table)).View.HandNo;

        var tooHigh = await Assert.ThrowsAsync<PokerException>(() => table.HostChangeSettings(host, 10, null));
        var tooLow = await Assert.ThrowsAsync<PokerException>(() => table.HostChangeSettings(host, 1, null));
        var tooSlow = await Assert.ThrowsAsync<PokerException>(() => table.HostChangeSettings(host, null, TimeSpan.FromSeconds(81)));
        var settings = await table.HostChangeSettings(host, 4, TimeSpan.FromSeconds(40));
        var announced = await observer.WaitFor(e => e.View.NextSettings is not null);
        var during = (await table.GetSnapshot(null)).View;
        await kit.PlayPassivelyToEnd(table, hand);
        var next = await kit.StartNextHand(table);
        var started = await observer.WaitFor(e => e.Kind == TableEventKind.HandStarted && e.View.HandNo == hand + 1);

        Assert.All([tooHigh, tooLow, tooSlow], e => Assert.Equal("out_of_limits", e.Code));
        Assert.Equal((2, 8, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(80)), (settings.MinBigBlind, settings.MaxBigBlind, settings.MinTurnTime, settings.MaxTurnTime));
        Assert.Equal(new TableSettings(2, 4, TimeSpan.FromSeconds(40)), settings.Next);
        Assert.Equal("the host changes the game from the next hand: blinds 2/4, 40 s to act", announced.Description);
        Assert.Equal((1, 2), (during.SmallBlind, during.BigBlind));
        Assert.Equal((2, 4), (next.View.SmallBlind, next.View.BigBlind));
        Assert.Null(next.View.NextSettings);
        Assert.Equal("hand #" + (hand + 1) + " starts with the host's settings: blinds 2/4, 40 s to act", started.Description);
        Assert.InRange(next.View.Deadline!.Value - kit.Time.GetUtcNow(), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(40));
        Assert.Equal(new TableSettings(2, 4, TimeSpan.FromSeconds(40)), (await table.GetHostSettings(host)).Current);
    }

    [Fact]
    public async Task A_table_an_admin_paused_is_resumed_by_an_admin_only()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(), host);
        await kit.Seat(table, 2);

        await table.HostPause(host, true);
        await table.SetPaused(true);
        var refused = await Assert.ThrowsAsync<PokerException>(() => table.HostPause(host, false));
        var stillPaused = (await table.GetSnapshot(null)).View.Status;
        await table.SetPaused(false);
        await table.HostPause(host, true);
        await table.HostPause(host, false);

        Assert.Equal(("paused_by_admin", 409), (refused.Code, refused.Status));
        Assert.Equal(TableStatus.Paused, stillPaused);
        Assert.NotEqual(TableStatus.Paused, (await table.GetSnapshot(null)).View.Status);
    }

    [Fact]
    public async Task The_host_closes_the_table_and_everyone_is_cashed_out()
    {
        var host = await kit.NewPlayer("Host");
        var table = await kit.NewTable(TableKit.Holdem(), host);
        var seated = await kit.Seat(table, 2, buyIn: 120);
        var before = await kit.Balance(seated[1]);

        await table.HostClose(host);
        var view = (await table.GetSnapshot(null)).View;

        Assert.Equal(TableStatus.Ended, view.Status);
        Assert.Equal(before + 120, await kit.Balance(seated[1]));
        Assert.Equal("table_ended", (await Assert.ThrowsAsync<PokerException>(() => table.HostPause(host, true))).Code);
    }
}
