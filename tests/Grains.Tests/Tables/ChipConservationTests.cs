using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

[Collection(ClusterCollection.Name)]
public sealed class ChipConservationTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Balances_stacks_pots_and_rake_always_add_up_to_what_was_issued()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { RakePercent = 5, RakeCap = 3, TimeoutsBeforeSitOut = 3, MaxPlayers = 6 }));
        var tableId = table.GetPrimaryKeyString();
        var players = new long[9];
        for (var i = 0; i < players.Length; i++)
        {
            players[i] = await kit.NewPlayer();
        }

        var issued = (await Task.WhenAll(players.Select(kit.Balance))).Sum();
        var random = new Random(20261127);
        var hands = 0;
        for (var step = 0; step < 3000 && hands < 200; step++)
        {
            var snapshot = await table.GetSnapshot(null);
            var view = snapshot.View;
            hands = (int)view.HandNo;
            var roll = random.Next(100);
            if (roll < 4)
            {
                // Someone not seated sits down with a random legal buy-in (or a refused one: nothing may change).
                var outside = players.Where(p => view.Seats.All(s => s.PlayerId != p)).ToArray();
                if (outside.Length > 0)
                {
                    var who = outside[random.Next(outside.Length)];
                    await RandomPlay.Refusable(() => table.Sit(new SeatRequest(who, "p", random.Next(30, 220))));
                }
            }
            else if (roll < 7)
            {
                var seated = view.Seats.Where(s => s.PlayerId is not null).ToArray();
                if (seated.Length > 0)
                {
                    await RandomPlay.Refusable(() => table.Leave(seated[random.Next(seated.Length)].PlayerId!.Value));
                }
            }
            else if (roll < 9)
            {
                var sittingOut = view.Seats.Where(s => s.SittingOut && s.Stack > 0).ToArray();
                if (sittingOut.Length > 0)
                {
                    await RandomPlay.Refusable(() => table.SitIn(sittingOut[random.Next(sittingOut.Length)].PlayerId!.Value));
                }
            }
            else if (view.ActorSeat is null || roll < 12)
            {
                // Let time pass: the next hand starts, or the actor times out.
                kit.Time.Advance(TimeSpan.FromSeconds(random.Next(1, 25)));
            }
            else if (await kit.TryActor(table) is var (player, mine, turn))
            {
                // (Timers due after the last clock advance run between calls: the turn may have passed already.)
                await RandomPlay.Refusable(() => table.Act(player, turn, RandomPlay.Chaotic(random, mine.Legal!), kit.NextSeq()));
            }

            if (step % 50 == 0)
            {
                Assert.Equal(issued, await Total(table, tableId, players));
            }
        }

        // The hand in play ends on the turn clock, one timeout per advance (up to 6 players x 4 streets of checks): after
        // each advance the test awaits the table's next event (the timeout, or the end), not a fixed time.
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        await table.Close("test over");
        for (var (i, last) = (0, await table.GetSnapshot(null)); i < 50 && last.View.Status != TableStatus.Ended; i++, last = await table.GetSnapshot(null))
        {
            kit.Time.Advance(TimeSpan.FromSeconds(30));
            await observer.WaitFor(e => e.EventSeq > last.EventSeq);
        }

        Assert.True(hands >= 100, $"only {hands} hands were played");
        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        Assert.Equal(issued, await Total(table, tableId, players));
        Assert.True(await Rake(tableId) > 0);
    }

    private async Task<long> Total(ITableGrain table, string tableId, long[] players)
    {
        var view = (await table.GetSnapshot(null)).View;
        var balances = (await Task.WhenAll(players.Select(kit.Balance))).Sum();
        return balances + view.Seats.Sum(s => s.Stack) + view.Pots.Sum(p => p.Amount) + await Rake(tableId);
    }

    private async Task<long> Rake(string tableId) =>
        (await fixture.Hands.GetTableHandsAsync(tableId, 0, 10_000)).Sum(h => h.Rake);
}
