using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>An action applies only to the turn it names, and does what its name says.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TurnTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Check_while_facing_a_bet_is_refused_and_changes_nothing()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        await kit.StartNextHand(table);
        var (player, mine, turn) = await kit.Actor(table);
        var before = await table.GetSnapshot(null);

        var error = await Assert.ThrowsAsync<PokerException>(() => table.Act(player, turn, new PlayerAction(ActionKind.Check), kit.NextSeq()));

        var after = await table.GetSnapshot(null);
        Assert.Equal(2, mine.Legal!.CallAmount);
        Assert.Equal("cannot_check", error.Code);
        Assert.Equal(409, error.Status);
        Assert.Contains("bet of 2", error.Message, StringComparison.Ordinal);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(before.View.ActorSeat, after.View.ActorSeat);
        Assert.Equal(before.View.Seats.Select(s => s.Stack), after.View.Seats.Select(s => s.Stack));
    }

    [Fact]
    public async Task Events_say_what_an_action_did()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        await kit.StartNextHand(table);

        var (raiser, _, first) = await kit.Actor(table);
        await table.Act(raiser, first, new PlayerAction(ActionKind.BetOrRaise, 6), kit.NextSeq());
        var (caller, _, second) = await kit.Actor(table);
        var called = await table.Act(caller, second, new PlayerAction(ActionKind.Call), kit.NextSeq());
        var (allIn, _, third) = await kit.Actor(table);
        var shoved = await table.Act(allIn, third, new PlayerAction(ActionKind.BetOrRaise, 100), kit.NextSeq());

        var callEvent = await observer.WaitFor(e => e.EventSeq == called.EventSeq);
        var shoveEvent = await observer.WaitFor(e => e.EventSeq == shoved.EventSeq);
        Assert.EndsWith("calls 5", callEvent.Description, StringComparison.Ordinal);
        Assert.EndsWith("raises to 100, all-in", shoveEvent.Description, StringComparison.Ordinal);
        Assert.Contains(observer.Events, e => e.Description.EndsWith("raises to 6", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Seats_show_what_they_did_last_this_street_and_a_new_street_clears_it()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        await kit.StartNextHand(table);

        var (raiser, _, first) = await kit.Actor(table);
        await table.Act(raiser, first, new PlayerAction(ActionKind.BetOrRaise, 6), kit.NextSeq());
        var (caller, _, second) = await kit.Actor(table);
        await table.Act(caller, second, new PlayerAction(ActionKind.Call), kit.NextSeq());
        var (folder, _, third) = await kit.Actor(table);
        await table.Act(folder, third, new PlayerAction(ActionKind.Fold), kit.NextSeq());
        var preflop = (await table.GetSnapshot(null)).View;
        var (bettor, _, fourth) = await kit.Actor(table);
        await table.Act(bettor, fourth, new PlayerAction(ActionKind.BetOrRaise, 4), kit.NextSeq());
        var flop = (await table.GetSnapshot(null)).View;

        string? Last(TableView view, long player) => view.Seats.Single(s => s.PlayerId == player).LastAction;
        Assert.Equal(3, preflop.Board.Count);
        Assert.All(preflop.Seats.Where(s => s.InHand), s => Assert.Null(s.LastAction));
        Assert.Equal("Bet 4", Last(flop, bettor));
        Assert.Null(Last(flop, folder));

        // Before the flop, as the preflop's last event showed it (the blinds make the first bet a raise).
        var observer = new RecordingObserver();
        var other = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(other, 3);
        await other.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        await kit.StartNextHand(other);
        var (r, _, t1) = await kit.Actor(other);
        await other.Act(r, t1, new PlayerAction(ActionKind.BetOrRaise, 6), kit.NextSeq());
        var (c, _, t2) = await kit.Actor(other);
        var called = await other.Act(c, t2, new PlayerAction(ActionKind.Call), kit.NextSeq());
        var seen = (await observer.WaitFor(e => e.EventSeq == called.EventSeq)).View;
        Assert.Equal("Raise 6", Last(seen, r));
        Assert.Equal("Call 5", Last(seen, c));
    }

    [Fact]
    public async Task Every_turn_has_its_own_id_published_in_the_view()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        var start = await kit.StartNextHand(table);
        var (player, _, turn) = await kit.Actor(table);

        var result = await table.Act(player, turn, new PlayerAction(ActionKind.Call), kit.NextSeq());

        var next = (await table.GetSnapshot(null)).View;
        Assert.Equal(start.EventSeq, start.View.TurnId);
        Assert.Equal(result.EventSeq, next.TurnId);
        Assert.NotEqual(turn.TurnId, next.TurnId);
    }

    [Fact]
    public async Task An_action_for_an_earlier_turn_is_refused_as_stale_and_changes_nothing()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        await kit.StartNextHand(table);
        var (first, _, earlier) = await kit.Actor(table);
        await table.Act(first, earlier, new PlayerAction(ActionKind.Call), kit.NextSeq());
        var (second, _, now) = await kit.Actor(table);
        var before = await table.GetSnapshot(null);

        // A "Check" kept from the earlier turn: today the big blind may check, but not with that button.
        var error = await Assert.ThrowsAsync<PokerException>(() => table.Act(second, earlier, new PlayerAction(ActionKind.Check), kit.NextSeq()));

        Assert.Equal("stale_action", error.Code);
        Assert.Equal(409, error.Status);
        Assert.Equal(before.TableVersion, (await table.GetSnapshot(null)).TableVersion);
        await table.Act(second, now, new PlayerAction(ActionKind.Check), kit.NextSeq());
    }

    [Fact]
    public async Task A_fold_kept_from_an_earlier_hand_never_folds_a_later_one()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        var first = await kit.StartNextHand(table);
        var (player, _, handOneTurn) = await kit.Actor(table);
        await kit.PlayPassivelyToEnd(table, first.View.HandNo);
        var later = await kit.StartNextHand(table);

        var error = await Assert.ThrowsAsync<PokerException>(() => table.Act(player, handOneTurn, new PlayerAction(ActionKind.Fold), kit.NextSeq()));

        var view = (await table.GetSnapshot(null)).View;
        Assert.Equal("stale_action", error.Code);
        Assert.Equal(later.TableVersion, (await table.GetSnapshot(null)).TableVersion);
        Assert.False(view.Seats.Single(seat => seat.PlayerId == player).Folded);
    }

    [Fact]
    public async Task A_retry_of_an_accepted_action_returns_its_first_answer_after_the_turn_passed()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        await kit.StartNextHand(table);
        var (player, _, turn) = await kit.Actor(table);
        var seq = kit.NextSeq();
        var first = await table.Act(player, turn, new PlayerAction(ActionKind.Call), seq);

        var again = await table.Act(player, turn, new PlayerAction(ActionKind.Call), seq);

        Assert.Equal(first, again);
        Assert.Equal(first.EventSeq, (await table.GetSnapshot(null)).EventSeq);
    }
}
