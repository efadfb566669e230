using Orleans.Poker.Grains.Interfaces.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tables;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>
/// A table stored by earlier code loads unchanged. <c>Fixtures/table-state.bin</c> is a <see cref="TableState"/> as the
/// grain storage serializes it, written by the table grain of commit 55e3cb4 (before the table model was split out):
/// a 1/2 hold'em table with 5 % rake, three players (990000001–990000003) who bought in 100, 120 and 140, hand 1
/// played to the end and hand 2 on the flop (board 7s 5h Ks, pot 6, seat 0 to act, turn id 23).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class StoredStateTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_table_stored_by_earlier_code_loads_and_plays_on()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Tables", "Fixtures", "table-state.bin"));
        var stored = cluster.SiloServices.GetRequiredService<Serializer>().Deserialize<TableState>(bytes);
        var table = cluster.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl-stored"));
        var storage = cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);
        await storage.WriteStateAsync("table", table.GetGrainId(), new GrainState<TableState>(stored));
        foreach (var seat in stored!.Seats.OfType<SeatState>())
        {
            await cluster.Grains.GetGrain<IPlayerGrain>(seat.PlayerId).Register(new PlayerProfile { PlayerId = seat.PlayerId, TelegramId = seat.PlayerId, DisplayName = seat.Name });
        }

        var view = (await table.GetSnapshot(null)).View;
        Assert.Equal((2L, 1, 0, 23L), (view.HandNo, view.Street, view.ActorSeat, view.TurnId));
        Assert.Equal(["7s", "5h", "Ks"], view.Board);
        Assert.Equal([96L, 122, 136], view.Seats.Take(3).Select(s => s.Stack));
        Assert.Equal(6, view.Pots.Sum(p => p.Amount));
        Assert.All(view.Seats.Take(3), s => Assert.Equal(["??", "??"], s.Cards));
        var mine = (await table.GetSnapshot(990_000_001)).Mine!;
        Assert.Equal(2, mine.Cards.Count);
        Assert.NotNull(mine.Legal);

        // A stale turn id is refused; the stored one acts.
        var kit = new TableKit(cluster.Grains, cluster.Time);
        await Assert.ThrowsAsync<PokerException>(() => table.Act(990_000_001, new TurnRef(2, 22), new PlayerAction(ActionKind.Check), kit.NextSeq()));
        await kit.PlayPassivelyToEnd(table, 2);
        var after = (await table.GetSnapshot(null)).View;
        Assert.Equal(2, after.LastResult!.HandNo);
        Assert.Equal(360, after.Seats.Sum(s => s.Stack) + after.LastResult.Rake);

        var next = await kit.StartNextHand(table);
        Assert.Equal(3, next.View.HandNo);
        Assert.NotNull(await table.GetHandHistory(2));
    }

    [Fact]
    public async Task A_button_on_the_first_seat_is_there_when_the_table_is_loaded_again_and_a_new_table_has_none()
    {
        var kit = new TableKit(cluster.Grains, cluster.Time);
        var table = await kit.NewTable(TableKit.Holdem());
        var empty = (await table.GetSnapshot(null)).View;
        await kit.Seat(table, 3);
        var view = (await kit.StartNextHand(table)).View;
        await cluster.Cluster.DeactivateAsync(table);
        var loaded = (await table.GetSnapshot(null)).View;

        Assert.Null(empty.ButtonSeat);
        Assert.Equal(0, view.ButtonSeat);
        Assert.Equal(0, loaded.ButtonSeat);
        await table.Close("test over");
    }
}
