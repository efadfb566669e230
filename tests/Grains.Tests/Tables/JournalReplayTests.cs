using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>
/// The table's journal at a running table: a player's action and a pre-selected one are stored as moves, and a table
/// loaded again makes them again to the very state it had (views, private views, versions, remembered answers).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class JournalReplayTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    private ITableJournal Journal => fixture.SiloServices.GetRequiredService<ITableJournal>();

    [Fact]
    public async Task A_table_loaded_again_makes_its_journaled_moves_again_to_the_same_state()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        var view = (await kit.StartNextHand(table)).View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        var next = view.Seats[(view.ActorSeat!.Value + 1) % 3].PlayerId!.Value;
        await table.SetPreAction(next, view.HandNo, new PreAction(PreActionKind.CallAny));
        var stored = (await table.GetSnapshot(null)).TableVersion;

        var seq = kit.NextSeq();
        var answer = await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Call), seq);
        var before = await Snapshots(table, players);
        await fixture.Cluster.DeactivateAsync(table);
        var after = await Snapshots(table, players);
        var retry = await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Call), seq);

        var journal = await Journal.Read(table.GetPrimaryKeyString(), stored);
        Assert.Equal([TableMoveKind.Act, TableMoveKind.PreSelected], journal.Take(2).Select(e => e.Move!.Kind));
        Assert.Null(journal[^1].Move); // stored whole once made again
        Assert.Equal(before.Select(Print), after.Select(Print));
        Assert.Equal(before[0].TableVersion + 1, after[0].TableVersion);
        Assert.Equal(answer, retry);
        var turn = after[0].View;
        var third = turn.Seats[turn.ActorSeat!.Value].PlayerId!.Value;
        await table.Act(third, new TurnRef(turn.HandNo, turn.TurnId), new PlayerAction(ActionKind.Call), kit.NextSeq());
        Assert.NotEqual(turn.TurnId, (await table.GetSnapshot(null)).View.TurnId);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_deal_is_a_move_and_a_table_loaded_again_deals_the_same_cards()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        var before = (await table.GetSnapshot(null)).TableVersion;

        await kit.StartNextHand(table);
        var dealt = await Snapshots(table, players);
        await fixture.Cluster.DeactivateAsync(table);
        var loaded = await Snapshots(table, players);

        Assert.Contains(TableMoveKind.Dealt, (await Journal.Read(table.GetPrimaryKeyString(), before)).Select(e => e.Move?.Kind));
        Assert.All(dealt.Skip(1), s => Assert.Equal(2, s.Mine!.Cards.Count));
        Assert.Equal(dealt.Select(Print), loaded.Select(Print));
        await table.Close("test over");
    }

    [Fact]
    public async Task A_settled_hand_is_a_move_and_a_table_loaded_again_shows_the_same_result_and_stacks()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 2);
        var started = await kit.StartNextHand(table);
        var view = started.View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;

        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Fold), kit.NextSeq());
        var before = await Snapshots(table, players);
        await fixture.Cluster.DeactivateAsync(table);
        var after = await Snapshots(table, players);

        var kinds = (await Journal.Read(table.GetPrimaryKeyString(), started.TableVersion)).Select(e => e.Move?.Kind).ToArray();
        Assert.Equal([TableMoveKind.Act, TableMoveKind.Settled], kinds.Take(2));
        Assert.Equal(view.HandNo, before[0].View.LastResult!.HandNo);
        Assert.Equal(before.Select(Print), after.Select(Print));
        Assert.NotNull(await table.GetHandHistory(view.HandNo));
        await table.Close("test over");
    }

    [Fact]
    public async Task A_table_loaded_after_a_settled_hand_whose_follow_up_was_not_stored_does_it_then()
    {
        var (table, players, view, actor, leaver, balances) = await HandWithALeaver();

        // The fold settles the hand (a journaled move); the write of what follows it fails, as a database that blinked.
        fixture.Storage.FailNextWrite("table", table.GetPrimaryKeyString());
        await Assert.ThrowsAnyAsync<Exception>(() => table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Fold), kit.NextSeq()));
        var loaded = await table.GetSnapshot(null);
        var after = await Task.WhenAll(players.Select(kit.Balance));

        Assert.Equal(view.HandNo, loaded.View.LastResult!.HandNo);
        Assert.DoesNotContain(loaded.View.Seats, s => s.PlayerId == leaver);
        // Every chip is a balance or a stack: the leaver's went home.
        Assert.Equal(balances.Sum() + 200, after.Sum() + loaded.View.Seats.Sum(s => s.Stack));
        Assert.True(after[Array.IndexOf(players, leaver)] > balances[Array.IndexOf(players, leaver)]);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_close_after_the_hand_cut_short_between_the_hands_writes_is_done_when_the_table_is_loaded()
    {
        var (table, players, view, actor, _, balances) = await HandWithALeaver();
        await table.Close("closed by an admin");

        // The fold settles the hand; what follows it is stored (the seat left, its cash-out paid), then the close's own
        // write fails: the stored table has a close asked for, no hand, and nothing in its journal to make again.
        fixture.Storage.FailNextWrite("table", table.GetPrimaryKeyString(), passing: 2);
        await Assert.ThrowsAnyAsync<Exception>(() => table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Fold), kit.NextSeq()));
        var status = await BoundedWait.Until(
            async () =>
            {
                fixture.Time.Advance(TimeSpan.FromMilliseconds(10));
                return (await table.GetSnapshot(null)).View.Status;
            },
            s => s == TableStatus.Ended,
            "the table closed after it was loaded");
        var after = await Task.WhenAll(players.Select(kit.Balance));

        Assert.Equal(TableStatus.Ended, status);
        Assert.Equal(balances.Sum() + 200, after.Sum());
    }

    [Fact]
    public async Task A_version_claimed_by_another_writer_fails_the_next_write_and_its_move_is_loaded()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        var started = await kit.StartNextHand(table);
        var view = started.View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        var turn = new TurnRef(view.HandNo, view.TurnId);

        // An activation the table no longer is (a silo declared dead that still runs) stored the next version first.
        var foreign = kit.NextSeq();
        await Journal.Append(table.GetPrimaryKeyString(), started.TableVersion + 1, TableMove.Act(actor, turn, new PlayerAction(ActionKind.Fold), foreign, fixture.Time.GetUtcNow()));
        await Assert.ThrowsAnyAsync<Exception>(() => table.Act(actor, turn, new PlayerAction(ActionKind.Call), kit.NextSeq()));
        var loaded = await table.GetSnapshot(actor);
        var again = await table.Act(actor, turn, new PlayerAction(ActionKind.Fold), foreign);

        Assert.NotEqual(view.TurnId, loaded.View.TurnId);
        Assert.Equal(foreign, again.ClientSeq);
        await table.Close("test over");
    }

    /// <summary>
    /// Two players in a hand; the one not to act asks to leave: their seat empties (and cashes out) when the hand ends.
    /// The balances are those before the hand's end.
    /// </summary>
    private async Task<(ITableGrain Table, long[] Players, TableView View, long Actor, long Leaver, long[] Balances)> HandWithALeaver()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 2);
        var view = (await kit.StartNextHand(table)).View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        var leaver = players.Single(p => p != actor);
        var balances = await Task.WhenAll(players.Select(kit.Balance));
        await table.Leave(leaver);
        return (table, players, view, actor, leaver, balances);
    }

    internal static async Task<TableSnapshot[]> Snapshots(ITableGrain table, long[] players) =>
        [await table.GetSnapshot(null), .. await Task.WhenAll(players.Select(p => table.GetSnapshot(p)))];

    // The version aside: a table that made moves again stores itself whole, one version later.
    internal static string Print(TableSnapshot s) => System.Text.Json.JsonSerializer.Serialize(s with { TableVersion = 0 });
}
