using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Pings;

/// <summary>A table's turns reach the bot as pings through its presence grain: once per turn, only for players with no live connection who allow them.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TurnPingGrainTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_player_is_pinged_once_per_turn_only_while_not_connected_and_not_while_pings_are_off()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var tableId = table.GetPrimaryKeyString();
        var players = await kit.Seat(table, 2);
        foreach (var id in players)
        {
            await fixture.Grains.GetGrain<IPlayerGrain>(id).SetReachable(true);
        }

        var bot = new RecordingPings();
        var registry = fixture.Grains.GetGrain<ITurnPingsGrain>(ITurnPingsGrain.Key);
        var process = ClusterFixture.NewKey("bot");
        await registry.Subscribe(process, fixture.Client.CreateObjectReference<ITurnPingObserver>(bot));
        var presence = fixture.Grains.GetGrain<ITablePresenceGrain>(tableId);
        try
        {
            await kit.StartNextHand(table);
            var (first, _, turn1) = await kit.Actor(table);
            var pinged = await bot.WaitFor(p => p.Turn == turn1);
            var second = players.Single(p => p != first);

            // The second player has the table open: their turn is not pinged.
            await presence.Enter(second, "gateway-1", TimeSpan.FromMinutes(3));
            await table.Act(first, turn1, new PlayerAction(ActionKind.Call), kit.NextSeq());
            var passed = await bot.WaitFor(p => p.Turn == turn1, passed: true);
            var (_, _, turn2) = await kit.Actor(table);

            // Gone from the app, but with pings off: not pinged either.
            await presence.Leave(second, "gateway-1");
            await fixture.Grains.GetGrain<IPlayerGrain>(second).SetSettings(new PlayerSettings(TurnPings: false));
            await table.Act(second, turn2, new PlayerAction(ActionKind.Check), kit.NextSeq());
            var (third, _, turn3) = await kit.Actor(table);
            await table.Act(third, turn3, new PlayerAction(ActionKind.Check), kit.NextSeq());
            var (fourth, _, turn4) = await kit.Actor(table);
            await bot.WaitFor(p => p.Turn == turn4);

            // Pings on again: the presence grain, which read the setting once, reads it again at once.
            await fixture.Grains.GetGrain<IPlayerGrain>(second).SetSettings(new PlayerSettings(TurnPings: true));
            await table.Act(fourth, turn4, new PlayerAction(ActionKind.Check), kit.NextSeq());
            var (fifth, _, turn5) = await kit.Actor(table);
            var again = await bot.WaitFor(p => p.Turn == turn5);

            Assert.Equal((first, tableId, "en"), (pinged.PlayerId, pinged.TableId, pinged.Language));
            Assert.True(pinged.Legal is { CanFold: true, CallAmount: > 0 }, "the ping carries the spot's fold and call");
            Assert.Equal(pinged, passed);
            Assert.Equal((second, first, second), (third, fourth, fifth));
            Assert.Equal([turn1, turn4, turn5], bot.Pings.Select(p => p.Turn));
            Assert.Equal([first, first, second], bot.Pings.Select(p => p.PlayerId));
            Assert.Equal(second, again.PlayerId);
        }
        finally
        {
            await registry.Unsubscribe(process);
            await table.Close("test over");
        }
    }

    /// <summary>A bot process's observer: the pings and passed turns it got, awaited without sleeping.</summary>
    private sealed class RecordingPings : ITurnPingObserver
    {
        private readonly ConcurrentQueue<(TurnPing Ping, bool Passed)> seen = new();
        private readonly SemaphoreSlim arrived = new(0);

        public IReadOnlyList<TurnPing> Pings => seen.Where(s => !s.Passed).Select(s => s.Ping).ToList();

        public Task OnPing(TurnPing ping) => Add(ping, false);

        public Task OnPassed(TurnPing ping) => Add(ping, true);

        public async Task<TurnPing> WaitFor(Func<TurnPing, bool> match, bool passed = false)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                if (seen.FirstOrDefault(s => s.Passed == passed && match(s.Ping)) is { Ping: { } found })
                {
                    return found;
                }

                await arrived.WaitAsync(timeout.Token);
            }
        }

        private Task Add(TurnPing ping, bool passed)
        {
            seen.Enqueue((ping, passed));
            arrived.Release();
            return Task.CompletedTask;
        }
    }
}
