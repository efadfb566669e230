using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>Seat hygiene at a running table: the rules are <c>SeatHygiene</c>'s (its own tests); here the table acts on them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SeatHygieneTableTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_player_sitting_out_too_long_is_stood_up_cashed_out_and_told_why()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { PauseBetweenHands = TimeSpan.FromMinutes(1) }));
        var tableId = table.GetPrimaryKeyString();
        var seated = await kit.Seat(table, 2, buyIn: 150);
        var before = await kit.Balance(seated[1]);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        await table.SitOut(seated[1]);
        kit.Time.Advance(TimeSpan.FromMinutes(9));
        var stillSeated = (await table.GetSnapshot(null)).View.Seats[1].PlayerId;
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var stoodUp = await observer.WaitFor(e => e.Kind == TableEventKind.StoodUp);
        await fixture.HistoryWriter.FlushAsync();
        var history = await fixture.SeatHistory.GetTableHistoryAsync(tableId);

        Assert.Equal(seated[1], stillSeated);
        Assert.Equal("P1 is stood up (sat out longer than 10 minutes) and cashed out", stoodUp.Description);
        Assert.Null(stoodUp.View.Seats[1].PlayerId);
        Assert.Equal(before + 150, await kit.Balance(seated[1]));
        Assert.Equal(SeatLeftReason.SatOut, Assert.Single(history.Seats, s => s.PlayerId == seated[1]).Reason);
        Assert.Equal(seated[0], (await table.GetSnapshot(null)).View.Seats[0].PlayerId);
    }

    [Fact]
    public async Task Someone_waiting_gets_the_seat_of_a_player_who_sat_out_sooner()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, PauseBetweenHands = TimeSpan.FromMinutes(1) }));
        var seated = await kit.Seat(table, 2);
        var waiting = await kit.NewPlayer();
        await table.JoinWaitlist(waiting, "waiting");
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        await table.SitOut(seated[0]);
        kit.Time.Advance(TimeSpan.FromMinutes(2));
        var stoodUp = await observer.WaitFor(e => e.Kind == TableEventKind.StoodUp);
        var offered = await observer.WaitFor(e => e.Kind == TableEventKind.SeatOffered);

        Assert.Equal("P0 is stood up (sat out longer than 2 minutes) and cashed out", stoodUp.Description);
        Assert.Equal(waiting, offered.View.Seats[0].HeldFor);
    }

    [Fact]
    public async Task A_players_table_left_idle_is_warned_then_closed_and_everyone_cashed_out()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { IdleCloseAfter = TimeSpan.FromMinutes(30) }));
        var seated = await kit.Seat(table, 1, buyIn: 120);
        var before = await kit.Balance(seated[0]);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        kit.Time.Advance(TimeSpan.FromMinutes(25));
        var warning = await observer.WaitFor(e => e.Kind == TableEventKind.ExpiryWarning);
        kit.Time.Advance(TimeSpan.FromMinutes(5));
        var closed = await observer.WaitFor(e => e.View.Status == TableStatus.Ended);

        Assert.EndsWith("unless a hand is dealt or a seat taken", warning.Description, StringComparison.Ordinal);
        Assert.Equal("table closed: idle", closed.Description);
        Assert.Equal(before + 120, await kit.Balance(seated[0]));
    }

    [Fact]
    public async Task A_host_pausing_the_table_keeps_everyone_seated()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { PauseBetweenHands = TimeSpan.FromMinutes(1), IdleCloseAfter = null }));
        var seated = await kit.Seat(table, 2);

        await table.SitOut(seated[1]);
        await table.SetPaused(true);
        kit.Time.Advance(TimeSpan.FromHours(1));
        var view = (await table.GetSnapshot(null)).View;

        Assert.Equal(seated[1], view.Seats[1].PlayerId);
        Assert.True(view.Seats[1].SittingOut);
    }
}
