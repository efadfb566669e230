using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables;
using Orleans.Poker.Grains.Tables.Model;
using ActionKind = Orleans.Poker.Engine.Rules.ActionKind;
using PlayerAction = Orleans.Poker.Engine.Rules.PlayerAction;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class TableClockTests
{
    [Fact]
    public void The_earliest_of_turn_clock_hold_and_expiry_is_due_first()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        state.ExpiresAt = Now.AddMinutes(10);
        state.Hold = new SeatHold { Seat = 5, PlayerId = 9, Until = Now.AddSeconds(5) };
        Assert.Equal(Now.AddSeconds(5), TableClock.Next(state, hand, Now));

        state.Hold = null;
        Assert.Equal(Now + state.Config!.TurnTime, TableClock.Next(state, hand, Now));

        state.ExpiresAt = Now.AddSeconds(3);
        Assert.Equal(Now.AddSeconds(3), TableClock.Next(state, hand, Now));
    }

    [Fact]
    public void A_robot_moves_after_its_thinking_time_before_its_turn_clock()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        state.Seats[state.HandSeats[hand.Actor!.Value]]!.IsRobot = true;
        TableClock.OpenTurn(state, hand, Now);
        Assert.Equal(Now + TableClock.RobotThinkTime, TableClock.Next(state, hand, Now));
        Assert.True(TableClock.DueAt(state, hand, Now + TableClock.RobotThinkTime).RobotActs);
        Assert.False(TableClock.DueAt(state, hand, Now + TableClock.RobotThinkTime).TurnTimedOut);
    }

    [Fact]
    public void A_player_sitting_out_or_leaving_gets_no_time()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        state.Seats[state.HandSeats[hand.Actor!.Value]]!.SittingOut = true;
        TableClock.OpenTurn(state, hand, Now);
        Assert.Equal(Now, state.Deadline);
        Assert.True(TableClock.DueAt(state, hand, Now).TurnTimedOut);
    }

    [Fact]
    public void The_turn_id_is_the_event_about_to_be_recorded_and_zero_when_nobody_acts()
    {
        var state = Holdem(100, 100);
        state.EventSeq = 41;
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        Assert.Equal(42, state.TurnId);

        TableClock.OpenTurn(state, null, Now);
        Assert.Equal((0L, null, null), (state.TurnId, state.Deadline, state.RobotActsAt));
    }

    [Fact]
    public void A_paused_table_has_no_next_hand_due_and_unsettled_moves_are_retried()
    {
        var state = Holdem(100, 100);
        state.NextHandAt = Now.AddSeconds(2);
        Assert.Equal(Now.AddSeconds(2), TableClock.Next(state, null, Now));

        state.Status = TableStatus.Paused;
        Assert.Null(TableClock.Next(state, null, Now));

        state.PendingTransfers.Add(ChipMoves.CashOut(TableId, 1, 10));
        Assert.Equal(Now + TableClock.RetryInterval, TableClock.Next(state, null, Now));
    }

    [Fact]
    public void An_ended_table_waits_only_for_what_it_still_owes_its_unstored_histories_and_unpaid_chips()
    {
        var state = Holdem(100, 100);
        state.Status = TableStatus.Ended;
        state.ExpiresAt = Now;
        state.CloseReason = "closed";
        Assert.Null(TableClock.Next(state, null, Now));

        state.PendingHistories.Add(new Grains.Storage.HandRecord(TableId, 1, "NT", Now, Now, [1, 2], 4, 0, ""));
        Assert.Equal(Now + TableClock.RetryInterval, TableClock.Next(state, null, Now));

        state.PendingHistories.Clear();
        state.PendingTransfers.Add(ChipMoves.CashOut(TableId, 1, 10));
        Assert.Equal(Now + TableClock.RetryInterval, TableClock.Next(state, null, Now));
    }

    [Fact]
    public void An_open_table_with_a_close_asked_for_and_no_hand_closes_at_once()
    {
        var state = Holdem(100, 100);
        state.CloseReason = "closed by an admin";
        Assert.True(TableClock.DueAt(state, null, Now).CloseAsked);
        Assert.Equal(Now, TableClock.Next(state, null, Now));

        // During the hand, the close waits for its end.
        var hand = Deal(state);
        Assert.False(TableClock.DueAt(state, hand, Now).CloseAsked);
        Assert.NotEqual(Now, TableClock.Next(state, hand, Now));
    }

    [Fact]
    public void The_expiry_warning_comes_once_before_the_expiry_and_the_expiry_waits_for_the_hand()
    {
        var state = With(TableKit.Holdem(c => c with { ExpiryWarning = TimeSpan.FromMinutes(5) }), 100, 100);
        state.ExpiresAt = Now.AddMinutes(5);
        Assert.True(TableClock.DueAt(state, null, Now).WarnExpiry);
        state.ExpiryWarned = true;
        Assert.False(TableClock.DueAt(state, null, Now).WarnExpiry);

        var hand = Deal(state);
        Assert.False(TableClock.DueAt(state, hand, Now.AddMinutes(5)).Expired);
        Assert.True(TableClock.DueAt(state, null, Now.AddMinutes(5)).Expired);
    }

    [Fact]
    public void A_timeout_checks_when_free_else_folds()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);

        // Heads-up pre-flop the button (small blind) acts first, facing the big blind: the clock folds.
        Assert.Equal(ActionKind.Fold, TableClock.TimeoutAction(hand, hand.Actor!.Value).Kind);
        hand.Apply(PlayerAction.CheckOrCall(hand.Actor!.Value));

        // The big blind may check: the clock checks.
        Assert.Equal(ActionKind.CheckOrCall, TableClock.TimeoutAction(hand, hand.Actor!.Value).Kind);
    }
}
