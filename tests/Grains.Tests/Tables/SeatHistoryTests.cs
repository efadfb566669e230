using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Tables;

[Collection(ClusterCollection.Name)]
public sealed class SeatHistoryTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Seats_taken_and_left_and_waits_joined_promoted_expired_and_left_are_written_and_the_close_ends_them()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var tableId = table.GetPrimaryKeyString();
        var start = fixture.Time.GetUtcNow();
        var seated = await kit.Seat(table, 2);
        var (first, second, quitter, stayer) = (await kit.NewPlayer(), await kit.NewPlayer(), await kit.NewPlayer(), await kit.NewPlayer());
        await table.JoinWaitlist(first, "first");
        await table.JoinWaitlist(second, "second");
        await table.JoinWaitlist(quitter, "quitter");
        await table.JoinWaitlist(stayer, "stayer");
        await table.LeaveWaitlist(quitter);

        await table.Leave(seated[0]);                   // seat 0 is held for first...
        kit.Time.Advance(TimeSpan.FromSeconds(31));     // ...who lets it pass to second
        var later = start.AddSeconds(31);
        Assert.Equal(second, (await table.GetSnapshot(null)).View.Seats[0].HeldFor);
        await table.Sit(new SeatRequest(second, "second", 120, 0));
        await table.Kick(seated[1]);                    // seat 1 is held for stayer, who is still waiting when the table closes
        await table.Close("test over");
        await fixture.HistoryWriter.FlushAsync();
        var history = await fixture.SeatHistory.GetTableHistoryAsync(tableId);

        Assert.Equal(
            new[]
            {
                new SeatHistoryRow(tableId, 0, seated[0], 100, start, start, 100, SeatLeftReason.Left),
                new SeatHistoryRow(tableId, 1, seated[1], 100, start, later, 100, SeatLeftReason.Removed),
                new SeatHistoryRow(tableId, 0, second, 120, later, later, 120, SeatLeftReason.TableClosed),
            }.OrderBy(r => r.PlayerId),
            history.Seats.OrderBy(r => r.PlayerId));
        Assert.Equal(
            new[]
            {
                new WaitlistHistoryRow(tableId, first, start, later, WaitlistOutcome.OfferExpired),
                new WaitlistHistoryRow(tableId, second, start, later, WaitlistOutcome.Seated),
                new WaitlistHistoryRow(tableId, quitter, start, start, WaitlistOutcome.Left),
                new WaitlistHistoryRow(tableId, stayer, start, later, WaitlistOutcome.TableClosed),
            }.OrderBy(r => r.PlayerId),
            history.Waits.OrderBy(r => r.PlayerId));
    }

    [Fact]
    public async Task A_player_leaving_during_a_hand_is_written_when_the_hand_ends_and_the_waits_are_reported()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var tableId = table.GetPrimaryKeyString();
        var start = fixture.Time.GetUtcNow();
        var seated = await kit.Seat(table, 2);
        var view = (await kit.StartNextHand(table)).View;
        var (actor, _, _) = await kit.Actor(table);
        var leaver = seated.Single(p => p != actor); // not on their turn: the hand goes on

        await table.Leave(leaver);
        await fixture.HistoryWriter.FlushAsync();
        var during = await fixture.SeatHistory.GetTableHistoryAsync(tableId);
        await kit.PlayPassivelyToEnd(table, view.HandNo);
        await fixture.HistoryWriter.FlushAsync();
        var after = await fixture.SeatHistory.GetTableHistoryAsync(tableId);
        var report = await fixture.Grains.GetGrain<IWaitStatsGrain>(IWaitStatsGrain.Key).Waits(start, fixture.Time.GetUtcNow().AddSeconds(1), tableId);

        Assert.All(during.Seats, s => Assert.Null(s.LeftAt));
        var left = Assert.Single(after.Seats, s => s.PlayerId == leaver);
        Assert.Equal(SeatLeftReason.Left, left.Reason);
        Assert.NotNull(left.CashOut);
        Assert.Null(Assert.Single(after.Seats, s => s.PlayerId == actor).LeftAt);
        Assert.Equal(2, report.Room.Seatings);
        Assert.Equal(tableId, Assert.Single(report.Tables).TableId);
    }

    [Fact]
    public async Task A_sit_and_go_player_who_busts_stops_playing_in_the_seat_history_and_the_winner_leaves_at_the_close()
    {
        var config = TableKit.Holdem(c => c with
        {
            Type = TableType.SitAndGo, MaxPlayers = 2, MinBuyIn = 50, StartingStack = 20, TimeoutsBeforeSitOut = 100,
            BlindLevels = [new BlindLevel(5, 10, 0, TimeSpan.FromMinutes(10))],
        });
        var table = await kit.NewTable(config);
        var tableId = table.GetPrimaryKeyString();
        var seated = await kit.Seat(table, 2, buyIn: 0);

        // All in on every turn until one player has every chip.
        await kit.PlayAllInUntilEnded(table, 500);

        await fixture.HistoryWriter.FlushAsync();
        var history = await fixture.SeatHistory.GetTableHistoryAsync(tableId);

        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        Assert.Equal(seated.Order(), history.Seats.Select(s => s.PlayerId).Order());
        Assert.Equal([SeatLeftReason.Busted, SeatLeftReason.TableClosed], history.Seats.Select(s => s.Reason!.Value).Order());
    }
}
