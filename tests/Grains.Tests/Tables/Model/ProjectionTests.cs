using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class ProjectionTests
{
    [Fact]
    public void The_public_view_hides_every_hole_card_and_carries_the_turn_id()
    {
        var state = Holdem(100, 100, 100);
        state.EventSeq = 6;
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        var view = TableProjection.View(state, hand, TableId);
        Assert.All(view.Seats.Take(3), s => Assert.Equal(["??", "??"], s.Cards));
        Assert.Equal((7L, state.HandSeats[hand.Actor!.Value]), (view.TurnId, view.ActorSeat!.Value));
        Assert.Equal(3, view.Seats.Sum(s => s.Bet));
    }

    [Fact]
    public void Each_private_view_has_its_owners_cards_and_only_the_actor_has_legal_actions()
    {
        var state = Holdem(100, 100, 100);
        var hand = Deal(state);
        var views = TableProjection.PrivateViews(state, hand);
        Assert.Equal(3, views.Select(v => string.Join("", v.Cards)).Distinct().Count());
        var acting = Assert.Single(views, v => v.Legal is not null);
        Assert.Equal(state.HandSeats[hand.Actor!.Value], acting.Seat);
        Assert.Equal(2, acting.Legal!.CallAmount);
        Assert.Empty(TableProjection.PrivateViews(state, null));
    }

    [Fact]
    public void Between_hands_the_view_shows_seat_stacks_and_no_turn()
    {
        var state = Holdem(100, 80);
        var view = TableProjection.View(state, null, TableId);
        Assert.Equal([100L, 80, 0, 0, 0, 0], view.Seats.Select(s => s.Stack));
        Assert.Equal((0L, null), (view.TurnId, view.ActorSeat));
        Assert.Empty(view.Board);
        Assert.Equal((2, 6), (TableProjection.Summary(state, TableId).SeatsTaken, TableProjection.Summary(state, TableId).MaxPlayers));
    }

    [Fact]
    public void A_finished_hands_history_is_phh_with_the_tables_names()
    {
        var state = Holdem(100, 100);
        var hand = Deal(state);
        hand.Apply(PlayerAction.Fold(hand.Actor!.Value));
        var history = TableProjection.History(state, hand, TableId, Now);
        Assert.Equal((TableId, 1L, "NT"), (history.TableId, history.HandNumber, history.Variant));
        Assert.Contains("players = [", history.Phh);
        Assert.Contains("table = \"Test NLHE\"", history.Phh);
        // Each player's net, as its PHH's stacks give it (the stored results take it from here).
        var phh = PhhDocument.Parse(history.Phh);
        Assert.Equal(phh.FinishingStacks!.Zip(phh.StartingStacks, (end, start) => end - start), history.Nets!);
        Assert.Contains(history.Nets!, net => net != 0);
        var result = TableProjection.Result(state, hand, TableId);
        Assert.Equal($"{TableId}:1", result.HandId);
        Assert.Empty(Assert.Single(result.Awards).Cards);
    }

    [Theory]
    [InlineData("Zz")]
    [InlineData("??")]
    [InlineData("A")]
    public void Cards_a_client_sends_must_be_real_cards(string card)
    {
        Assert.Equal("invalid_cards", Assert.Throws<PokerException>(() => WireMapping.ParseCards([card])).Code);
        Assert.Equal(2, WireMapping.ParseCards(["As", "Td"]).Length);
    }

    [Fact]
    public void Engine_refusals_map_to_typed_errors_409_for_the_hands_state_400_for_the_action()
    {
        var notYourTurn = WireMapping.ToPokerException(new EngineError(EngineErrorCode.NotYourTurn, "not your turn"));
        Assert.Equal(("not_your_turn", 409), (notYourTurn.Code, notYourTurn.Status));
        var wrongAmount = WireMapping.ToPokerException(new EngineError(EngineErrorCode.BelowMinimumRaise, "bad amount"));
        Assert.Equal(400, wrongAmount.Status);
        // The engine's PHH names of the hand's players (p1: the first in the hand) are the players' names for people.
        var named = WireMapping.ToPokerException(new EngineError(EngineErrorCode.NotYourTurn, "it is p2's turn, not p1's"), place => place switch { 0 => "Ann", 1 => "Bob", _ => null });
        Assert.Equal("it is Bob's turn, not Ann's", named.Message);
        var unknown = WireMapping.ToPokerException(new EngineError(EngineErrorCode.CardNotInHand, "p3 does not hold 2c2c"), _ => null);
        Assert.Equal("p3 does not hold 2c2c", unknown.Message);
    }
}
