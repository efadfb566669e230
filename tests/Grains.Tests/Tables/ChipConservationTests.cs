using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Tables;

[Collection(ClusterCollection.Name)]
public sealed class ChipConservationTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    /// <summary>
    /// Random sits, leaves, sit-ins, actions and clock advances: players time out and sit out, sitting out too long
    /// stands them up, a table left idle closes (the play goes on at a new one), and admins ban seated players (stood up
    /// and cashed out) and lift bans. Every chip is always somewhere.
    /// </summary>
    [Fact]
    public async Task Balances_stacks_pots_and_rake_always_add_up_to_what_was_issued()
    {
        var config = TableKit.Holdem(c => c with { RakePercent = 5, RakeCap = 3, TimeoutsBeforeSitOut = 3, MaxPlayers = 6, IdleCloseAfter = TimeSpan.FromMinutes(10) });
        var tables = new List<ITableGrain> { await kit.NewTable(config) };
        var players = new long[9];
        for (var i = 0; i < players.Length; i++)
        {
            players[i] = await kit.NewPlayer();
        }

        var issued = (await Task.WhenAll(players.Select(kit.Balance))).Sum();
        var random = new Random(20261127);
        var admin = new Random(20261203); // the admins' own draws, so the players' sequence stays as it was
        var (hands, played, idleCloses, bans) = (0, 0L, 0, 0);
        var banned = new HashSet<long>();
        // Timers fire between the test's calls, so the mix is not the same twice: 3000 steps played 93-138 hands. The run
        // stops at 150 hands, with room to get there.
        for (var step = 0; step < 8000 && hands < 150; step++)
        {
            var table = tables[^1];
            var snapshot = await table.GetSnapshot(null);
            var view = snapshot.View;
            if (view.Status == TableStatus.Ended)
            {
                // Closed for idleness: everyone was cashed out; the play moves to a new table.
                (played, idleCloses) = (played + view.HandNo, idleCloses + 1);
                tables.Add(await kit.NewTable(config));
                continue;
            }

            hands = (int)(played + view.HandNo);
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

            if (admin.Next(250) == 0 && view.Seats.Where(s => s.PlayerId is not null).ToArray() is { Length: > 0 } seatedNow)
            {
                // An admin bans a seated player: stood up and cashed out (after the hand when in it), no buy-in meanwhile.
                var who = seatedNow[admin.Next(seatedNow.Length)].PlayerId!.Value;
                await fixture.Client.GetGrain<Interfaces.Players.IPlayerGrain>(who).Ban(1, "chip test");
                (bans, _) = (bans + 1, banned.Add(who));
            }
            else if (admin.Next(40) == 0 && banned.Count > 0)
            {
                var who = banned.First();
                await fixture.Client.GetGrain<Interfaces.Players.IPlayerGrain>(who).Unban(1, "chip test over");
                banned.Remove(who);
            }

            if (step % 50 == 0)
            {
                Assert.Equal(issued, await Total(tables, players));
            }
        }

        // The hand in play ends on the turn clock, one timeout per advance (up to 6 players x 4 streets of checks): after
        // each advance the test awaits the table's next event (the timeout, or the end), not a fixed time.
        var closing = tables[^1];
        var observer = new RecordingObserver();
        await closing.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        await closing.Close("test over");
        for (var (i, last) = (0, await closing.GetSnapshot(null)); i < 50 && last.View.Status != TableStatus.Ended; i++, last = await closing.GetSnapshot(null))
        {
            kit.Time.Advance(TimeSpan.FromSeconds(30));
            await observer.WaitFor(e => e.EventSeq > last.EventSeq);
        }

        Assert.True(hands >= 100, $"only {hands} hands were played ({bans} bans, {idleCloses} idle closes, {banned.Count} still banned)");
        Assert.Equal(TableStatus.Ended, (await closing.GetSummary()).Status);
        Assert.Equal(issued, await Total(tables, players));
        Assert.True(await Rake(tables) > 0);
        await fixture.HistoryWriter.FlushAsync();
        var standUps = 0;
        foreach (var table in tables)
        {
            standUps += (await fixture.SeatHistory.GetTableHistoryAsync(table.GetPrimaryKeyString())).Seats.Count(s => s.Reason == SeatLeftReason.SatOut);
        }

        Assert.True(idleCloses > 0 && standUps > 0 && bans > 0, $"the mix had {idleCloses} idle closes, {standUps} stand-ups and {bans} bans");
    }

    private async Task<long> Total(IReadOnlyList<ITableGrain> tables, long[] players)
    {
        var views = await Task.WhenAll(tables.Select(async t => (await t.GetSnapshot(null)).View));
        var balances = (await Task.WhenAll(players.Select(kit.Balance))).Sum();
        return balances + views.Sum(v => v.Seats.Sum(s => s.Stack) + v.Pots.Sum(p => p.Amount)) + await Rake(tables);
    }

    private async Task<long> Rake(IReadOnlyList<ITableGrain> tables)
    {
        var rake = 0L;
        foreach (var table in tables)
        {
            rake += (await fixture.Hands.GetTableHandsAsync(table.GetPrimaryKeyString(), 0, 10_000)).Sum(h => h.Rake);
        }

        return rake;
    }
}
