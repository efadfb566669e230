using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class ActingTests
{
    [Fact]
    public void An_action_for_an_earlier_turn_is_refused_and_changes_nothing()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        var turn = Turn(state, hand);
        var actor = Actor(state, hand);
        var bets = hand.Bets.ToArray();
        var refusal = Assert.Throws<PokerException>(() => Acting.Apply(state, hand, actor, turn with { TurnId = turn.TurnId - 1 }, new PlayerAction(ActionKind.Call), 1));
        Assert.Equal("stale_action", refusal.Code);
        Assert.Equal(bets, hand.Bets.ToArray());
        Assert.Empty(state.RecentActs);
    }

    [Fact]
    public void Check_facing_a_bet_is_refused_never_read_as_a_call()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        var bets = hand.Bets.ToArray();
        var refusal = Assert.Throws<PokerException>(() => Acting.Apply(state, hand, Actor(state, hand), Turn(state, hand), new PlayerAction(ActionKind.Check), 1));
        Assert.Equal(("cannot_check", 409), (refusal.Code, refusal.Status));
        Assert.Contains("face a bet of 1", refusal.Message);
        Assert.Equal(bets, hand.Bets.ToArray());
    }

    [Fact]
    public void An_accepted_action_names_the_event_it_becomes_and_is_remembered_for_retries()
    {
        var state = Holdem(100, 100);
        state.EventSeq = 10;
        state.TableVersion = 20;
        var hand = Deal(state);
        var actor = Actor(state, hand);
        var handSeat = hand.Actor!.Value;
        var (result, description) = Acting.Apply(state, hand, actor, Turn(state, hand), new PlayerAction(ActionKind.BetOrRaise, 6), 77);
        Assert.Equal(new ActResult(77, 11, 21), result);
        Assert.Equal($"P{actor} raises to 6", description);
        Assert.Same(result, Acting.Replay(state, actor, 77));
        Assert.Null(Acting.Replay(state, actor, 78));
        Assert.True(state.HandVoluntary[handSeat]);
    }

    [Fact]
    public void Only_the_last_answers_are_kept()
    {
        const int kept = Acting.RecentActsKept;
        var state = Holdem(100, 100);
        var hand = Deal(state);
        var actor = Actor(state, hand);
        state.RecentActs[actor] = [.. Enumerable.Range(1, kept).Select(seq => new ActResult(seq, seq, seq))];
        Acting.Apply(state, hand, actor, Turn(state, hand), new PlayerAction(ActionKind.Call), kept + 1);
        Assert.Equal(Enumerable.Range(2, kept).Select(seq => (long)seq), state.RecentActs[actor].Select(r => r.ClientSeq));
        Assert.Null(Acting.Replay(state, actor, 1));
        Assert.NotNull(Acting.Replay(state, actor, 2));
    }

    [Fact]
    public void Players_outside_the_hand_or_the_table_are_refused()
    {
        var state = Holdem(100, 100, 0);
        var hand = Deal(state);
        var turn = Turn(state, hand);
        Assert.Equal("not_in_hand", Assert.Throws<PokerException>(() => Acting.Apply(state, hand, 3, turn, new PlayerAction(ActionKind.Fold), 1)).Code);
        Assert.Equal("not_seated", Assert.Throws<PokerException>(() => Acting.Apply(state, hand, 9, turn, new PlayerAction(ActionKind.Fold), 1)).Code);
        Assert.Equal("no_hand", Assert.Throws<PokerException>(() => Acting.Apply(state, null, 1, turn, new PlayerAction(ActionKind.Fold), 1)).Code);
    }

    [Fact]
    public void Timeouts_in_a_row_sit_the_player_out_and_an_own_action_resets_the_count()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        var seat = state.Seats[state.HandSeats[hand.Actor!.Value]]!;
        seat.Timeouts = state.Config!.TimeoutsBeforeSitOut - 1;
        Assert.Equal($"{seat.Name} timed out: folds", Acting.TimeOut(state, hand, hand.Actor!.Value, Now));
        Assert.True(seat.SittingOut);
        Assert.True(hand.IsOver);
    }

    [Fact]
    public void A_persons_timeout_counts_in_the_tables_total_its_summary_publishes_and_a_robots_does_not()
    {
        var state = Holdem(100, 100, 100);
        state.Timeouts = 5;
        var hand = Deal(state);
        var robot = state.Seats[state.HandSeats[hand.Actor!.Value]]!;
        robot.IsRobot = true;
        Acting.TimeOut(state, hand, hand.Actor!.Value, Now);
        var afterRobot = TableProjection.Summary(state, TableId).Timeouts;
        Acting.TimeOut(state, hand, hand.Actor!.Value, Now);

        Assert.Equal(5, afterRobot);
        Assert.Equal(6, state.Timeouts);
        Assert.Equal(6, TableProjection.Summary(state, TableId).Timeouts);
    }

    [Fact]
    public void A_robot_acts_with_a_legal_move_from_what_its_seat_may_see()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        var actor = hand.Actor!.Value;
        var description = Acting.Robot(state, hand, actor, TableId);
        Assert.NotNull(description);
        Assert.StartsWith(state.Seats[state.HandSeats[actor]]!.Name, description);
        Assert.NotEqual(actor, hand.Actor);
    }

    [Theory]
    [InlineData(ActionKind.Call, 0, false, "checks")]
    [InlineData(ActionKind.Call, 4, false, "calls 4")]
    [InlineData(ActionKind.Call, 4, true, "calls 4, all-in")]
    [InlineData(ActionKind.Fold, 4, true, "folds")]
    public void Descriptions_say_what_an_action_did(ActionKind kind, long toCall, bool allIn, string text)
    {
        var legal = default(Engine.Rules.LegalActions) with { CanCall = toCall > 0, CallAmount = toCall };
        Assert.Equal(text, Acting.Describe(new PlayerAction(kind), legal, betMade: true, allIn));
    }
}
