using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>The house ledger on a real PostgreSQL database: rake reaches the house account and the room's chips balance.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class PostgresLedgerBalanceTests(PostgresClusterFixture fixture) : IClassFixture<PostgresClusterFixture>
{
    private readonly TableKit kit = new(fixture.Grains, fixture.Time);

    [Fact]
    public async Task After_500_random_hands_with_rake_balances_plus_tables_plus_house_equal_all_chips_issued()
    {
        var table = await kit.NewTable(TableKit.RakedFourMax(rakePercent: 10, rakeCap: 5));
        var tableId = table.GetPrimaryKeyString();
        var players = await kit.Seat(table, 4, buyIn: 200);
        var random = new Random(20261202);
        var ledger = fixture.Grains.GetGrain<ILedgerGrain>(0);
        var paused = false;
        for (var step = 0; step < 40_000; step++)
        {
            if (await kit.TryActor(table) is var (player, mine, turn))
            {
                await RandomPlay.Refusable(() => table.Act(player, turn, RandomPlay.MostlyCalls(random, mine.Legal!), kit.NextSeq()));
                if (turn.HandNo >= 500 && !paused)
                {
                    // Hand 500 is the last: the table pauses once it ends.
                    await table.SetPaused(true);
                    paused = true;
                }

                continue;
            }

            if (paused)
            {
                break;
            }

            // Between hands: busted players buy chips again and sit back in; the next hand starts at once.
            await kit.RefillBusted(table, 200);
            kit.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var between = (await table.GetSnapshot(null)).View;
        var seated = await ledger.Balance();
        foreach (var player in players)
        {
            await table.Leave(player);
        }

        var left = await ledger.Balance();
        var rake = await fixture.Database.ScalarAsync<long>("SELECT coalesce(sum(rake), 0)::bigint FROM hand_histories WHERE table_id = @t", ("t", tableId));
        var hands = await fixture.Database.ScalarAsync<long>("SELECT count(*) FROM hand_histories WHERE table_id = @t", ("t", tableId));

        Assert.True(between.HandNo >= 500, $"only {between.HandNo} hands were dealt");
        Assert.Equal(between.HandNo, hands);
        Assert.True(rake > 0, "rake was taken");
        Assert.True(seated.Balanced, $"not balanced with players seated: {seated}");
        Assert.Equal(between.Seats.Sum(s => s.Stack), seated.OnTables);
        Assert.True(left.Balanced, $"not balanced after everyone left: {left}");
        Assert.Equal(0, left.OnTables);
        Assert.Equal(rake, left.House);
        Assert.Equal(left.Issued, left.Players + left.House);
    }
}
