using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>Pre-selected actions at a running table: chosen out of turn, applied when the turn comes, cleared when the bet changes, private.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PreActionTableTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_pre_selected_call_is_played_the_moment_the_turn_comes_and_only_its_player_sees_it()
    {
        var (table, players, view) = await ThreeHanded();
        var (first, second, third) = Order(players, view);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        var choice = await table.SetPreAction(second, view.HandNo, new PreAction(PreActionKind.CallAny));

        var mine = (await table.GetSnapshot(second)).Mine!;
        var theirs = (await table.GetSnapshot(third)).Mine!;
        await table.Act(first, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Call), kit.NextSeq());
        var after = await table.GetSnapshot(second);

        Assert.Equal(new PreAction(PreActionKind.CallAny), choice);
        Assert.Equal(choice, mine.PreAction);
        Assert.Null(theirs.PreAction);
        var played = await observer.WaitFor(e => e.Description.EndsWith("(pre-selected)", StringComparison.Ordinal));
        Assert.Equal(third, after.View.Seats[after.View.ActorSeat!.Value].PlayerId); // the second player's call was played
        Assert.StartsWith("P", played.Description, StringComparison.Ordinal);
        Assert.Contains(" calls ", played.Description, StringComparison.Ordinal);
        Assert.Null(after.Mine!.PreAction); // used once
    }

    [Fact]
    public async Task A_raise_clears_a_pre_selected_call_of_the_old_amount_and_check_fold_folds_to_it()
    {
        var (table, players, view) = await ThreeHanded();
        var (first, second, third) = Order(players, view);
        var toCall = view.Seats.Max(s => s.Bet) - view.Seats.First(s => s.PlayerId == second).Bet;
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        await table.SetPreAction(second, view.HandNo, new PreAction(PreActionKind.Call, toCall));
        await table.SetPreAction(third, view.HandNo, new PreAction(PreActionKind.CheckFold));

        await table.Act(first, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.BetOrRaise, 8), kit.NextSeq());
        var after = await table.GetSnapshot(second);

        Assert.Null(after.Mine!.PreAction);
        Assert.Equal(second, after.View.Seats[after.View.ActorSeat!.Value].PlayerId); // the turn waits for the second player
        await table.Act(second, new TurnRef(after.View.HandNo, after.View.TurnId), new PlayerAction(ActionKind.Call), kit.NextSeq());
        var folded = await table.GetSnapshot(third);
        Assert.True(folded.View.Seats.First(s => s.PlayerId == third).Folded);
        await observer.WaitFor(e => e.Description.EndsWith("folds (pre-selected)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Refusals_are_typed_and_change_nothing()
    {
        var (table, players, view) = await ThreeHanded();
        var (first, second, _) = Order(players, view);
        var before = await table.GetSnapshot(second);

        Assert.Equal("your_turn", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(first, view.HandNo, new PreAction(PreActionKind.CallAny)))).Code);
        Assert.Equal("stale_action", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(second, view.HandNo - 1, new PreAction(PreActionKind.CallAny)))).Code);
        Assert.Equal("cannot_check", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(second, view.HandNo, new PreAction(PreActionKind.Check)))).Code);
        Assert.Equal("call_changed", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(second, view.HandNo, new PreAction(PreActionKind.Call, 999)))).Code);
        Assert.Equal("invalid_pre_action", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(second, view.HandNo, new PreAction((PreActionKind)42)))).Code);
        Assert.Equal("not_seated", (await Assert.ThrowsAsync<PokerException>(() => table.SetPreAction(123_456_789, view.HandNo, new PreAction(PreActionKind.CallAny)))).Code);

        var after = await table.GetSnapshot(second);
        Assert.Null(after.Mine!.PreAction);
        Assert.Equal(before.TableVersion, after.TableVersion);
    }

    private async Task<(ITableGrain Table, long[] Players, TableView View)> ThreeHanded()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        var view = (await kit.StartNextHand(table)).View;
        return (table, players, view);
    }

    /// <summary>The players in the order they act from the current turn (three seats in a row).</summary>
    private static (long First, long Second, long Third) Order(long[] players, TableView view)
    {
        var actor = view.ActorSeat!.Value;
        long At(int offset) => view.Seats[(actor + offset) % 3].PlayerId!.Value;
        return (At(0), At(1), At(2));
    }
}
