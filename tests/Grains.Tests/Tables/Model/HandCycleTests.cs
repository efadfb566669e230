using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;
using ActionKind = Orleans.Poker.Engine.Rules.ActionKind;
using PlayerAction = Orleans.Poker.Engine.Rules.PlayerAction;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class HandCycleTests
{
    [Fact]
    public void The_next_hand_waits_for_the_pause_then_starts()
    {
        var state = Holdem(100, 100);
        Assert.Equal(HandCycle.Next.Persist, HandCycle.Schedule(state, null, Now));
        Assert.Equal(Now + state.Config!.PauseBetweenHands, state.NextHandAt);
        Assert.Equal(HandCycle.Next.Nothing, HandCycle.Schedule(state, null, Now.AddSeconds(1)));
        Assert.Equal(HandCycle.Next.Start, HandCycle.Schedule(state, null, Now + state.Config.PauseBetweenHands));
    }

    [Fact]
    public void Robots_do_not_play_among_themselves_and_a_waiting_hand_is_called_off()
    {
        var state = Holdem(100, 100);
        state.NextHandAt = Now.AddSeconds(1);
        state.Seats[0]!.IsRobot = true;
        state.Seats[1]!.IsRobot = true;
        Assert.Equal(HandCycle.Next.Persist, HandCycle.Schedule(state, null, Now));
        Assert.Null(state.NextHandAt);
        Assert.Equal(HandCycle.Next.Nothing, HandCycle.Schedule(state, null, Now));
    }

    [Fact]
    public void No_hand_is_dealt_while_paused_closing_or_playing_one()
    {
        var state = Holdem(100, 100);
        state.Status = TableStatus.Paused;
        Assert.Equal(HandCycle.Next.Nothing, HandCycle.Schedule(state, null, Now));
        state.Status = TableStatus.Waiting;
        state.CloseReason = "closed";
        Assert.Equal(HandCycle.Next.Nothing, HandCycle.Schedule(state, null, Now));
        state.CloseReason = null;
        Assert.Equal(HandCycle.Next.Nothing, HandCycle.Schedule(state, Deal(state), Now));
    }

    [Fact]
    public void Sitting_out_busted_and_leaving_players_are_not_dealt_in_but_a_sit_and_go_deals_the_absent()
    {
        var state = Holdem(100, 0, 100, 100, 100);
        state.Seats[2]!.SittingOut = true;
        state.Seats[3]!.LeaveAfterHand = true;
        Assert.Equal([0, 4], HandCycle.ReadySeats(state));

        var sitAndGo = With(TableKit.Holdem(c => c with { Type = TableType.SitAndGo }), 100, 100);
        sitAndGo.Seats[1]!.SittingOut = true;
        Assert.Equal([0, 1], HandCycle.ReadySeats(sitAndGo));
    }

    [Fact]
    public void The_button_moves_to_the_next_ready_seat_and_engine_seat_zero_sits_left_of_it()
    {
        var state = Holdem(100, 100, 0, 100);
        state.ButtonSeat = 1;
        var hand = Deal(state);
        Assert.Equal(3, state.ButtonSeat);
        Assert.Equal([0, 1, 3], state.HandSeats);
        Assert.Equal((1L, TableStatus.Active, (DateTimeOffset?)null), (state.HandNo, state.Status, state.NextHandAt));
        Assert.Equal([1L, 2, 0], hand.Bets.ToArray());
    }

    [Fact]
    public void A_player_sitting_down_between_the_button_and_the_blinds_is_dealt_in_but_does_not_take_the_button()
    {
        // Seats 0, 2 and 3 played the last hand with the button at 0 (2 and 3 posted the blinds); a player sits at 1.
        var state = Holdem(100, 0, 100, 100);
        state.ButtonSeat = 0;
        state.Seats[1] = null;
        Seating.Take(state, Seating.Admit(state, new SeatRequest(9, "Nine", 100, Seat: 1)), Now);

        var hand = Deal(state);

        // The button moves to seat 2, so seat 3 posts the small blind and seat 0 the big one: not 2 and 3 again.
        Assert.Equal(2, state.ButtonSeat);
        Assert.Equal([3, 0, 1, 2], state.HandSeats);
        Assert.Equal([1L, 2, 0, 0], hand.Bets.ToArray());
        Assert.False(state.Seats[1]!.NewToTable);
    }

    [Fact]
    public void A_finished_hand_settles_stacks_conserves_chips_and_queues_its_history()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        while (!hand.IsOver)
        {
            hand.Apply(PlayerAction.Fold(hand.Actor!.Value));
        }

        var settled = HandCycle.Finish(state, hand, TableId, Now.AddSeconds(9));
        Assert.True(settled.Conserved);
        Assert.Equal(200, state.Seats[0]!.Stack + state.Seats[1]!.Stack);
        Assert.Equal((0L, TableStatus.Waiting, 0), (state.TurnId, state.Status, state.HandSeats.Length));
        Assert.Same(settled.Result, state.LastResult);
        Assert.Equal(Now.AddSeconds(9), Assert.Single(state.PendingHistories).EndedAt);
        Assert.Equal(2, settled.Outcomes.Count);
        Assert.Equal(0, settled.Outcomes.Sum(o => o.Outcome.Net));
    }

    [Fact]
    public void A_raked_hand_moves_its_rake_to_the_house_in_the_same_write_and_an_unraked_one_moves_nothing()
    {
        var state = With(TableKit.Holdem(c => c with { RakePercent = 5, RakeCap = 3 }), 100, 100);
        var hand = Deal(state);
        hand.Apply(PlayerAction.RaiseTo(hand.Actor!.Value, 50));
        while (!hand.IsOver)
        {
            hand.Apply(PlayerAction.CheckOrCall(hand.Actor!.Value));
        }

        HandCycle.Finish(state, hand, TableId, Now);
        var rake = Assert.Single(state.PendingTransfers);
        Assert.Equal((HouseAccount.PlayerId, hand.Rake, false, LedgerKind.Rake), (rake.PlayerId, rake.Amount, rake.ToTable, rake.Kind));
        Assert.Equal($"{TableId}:rake:{state.HandNo}", rake.TransferId);
        Assert.True(hand.Rake > 0);

        // Folded before the flop: no flop, no drop.
        var unraked = Deal(state);
        while (!unraked.IsOver)
        {
            unraked.Apply(PlayerAction.Fold(unraked.Actor!.Value));
        }

        HandCycle.Finish(state, unraked, TableId, Now);
        Assert.Single(state.PendingTransfers);
    }

    [Fact]
    public void After_a_hand_leavers_are_cashed_out_and_a_busted_cash_player_sits_out()
    {
        var state = Holdem(0, 100, 100);
        state.Seats[2]!.LeaveAfterHand = true;
        var after = HandCycle.AfterHand(state, TableId, Now);
        Assert.Equal([3L], after.Left.Select(v => v.PlayerId));
        Assert.True(after.Changed);
        Assert.True(state.Seats[0]!.SittingOut);
        Assert.Null(state.Seats[2]);
        Assert.False(after.SitAndGoOver);
    }

    [Fact]
    public void A_player_removed_by_an_admin_during_a_hand_leaves_after_it_as_removed_with_their_stack()
    {
        var state = Holdem(50, 100, 100);
        state.Seats[0]!.LeaveAfterHand = true;
        state.Seats[0]!.RemovedByAdmin = true;
        state.Seats[1]!.LeaveAfterHand = true;

        var after = HandCycle.AfterHand(state, TableId, Now);

        Assert.Equal([new Seating.Vacancy(1, 50, SeatLeftReason.Removed), new Seating.Vacancy(2, 100, SeatLeftReason.Left)], after.Left);
    }

    [Fact]
    public void A_sit_and_go_places_its_busted_players_and_ends_with_one_left()
    {
        var state = With(TableKit.Holdem(c => c with { Type = TableType.SitAndGo }), 0, 300, 0);
        state.SitAndGoStarted = true;
        state.PrizePool = 150;
        var after = HandCycle.AfterHand(state, TableId, Now);
        Assert.True(after.SitAndGoOver);
        Assert.Equal([3, 0, 2], state.Seats.Take(3).Select(s => s!.FinishedPlace));
        Assert.Equal([1L, 3], after.Busted);

        var winner = SitAndGo.Finish(state, TableId);
        Assert.Equal((2L, 1), (winner!.PlayerId, winner.FinishedPlace));
        var prize = Assert.Single(state.PendingTransfers);
        Assert.Equal((2L, 150L), (prize.PlayerId, prize.Amount));
        Assert.Equal("won by P2", state.CloseReason);
    }

    [Fact]
    public void A_table_closes_when_asked_or_expired_and_ending_cashes_everyone_out()
    {
        var state = Holdem(100, 50);
        Assert.False(HandCycle.Closing(state, Now));
        state.ExpiresAt = Now;
        Assert.True(HandCycle.Closing(state, Now));
        Assert.Equal("expired", state.CloseReason);

        Assert.Equal([1L, 2], HandCycle.End(state, TableId).Select(v => v.PlayerId));
        Assert.Equal(TableStatus.Ended, state.Status);
        Assert.Equal(150, state.PendingTransfers.Sum(t => t.Amount));
    }
}
