using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// A table loaded again with a long hand in progress, as after a crash: heads-up tables play <c>actions</c> min-raises
/// in one hand (the table stores every <see cref="TableGrain.MovesBetweenStates"/>+1-th version whole, the moves between
/// in its journal), are deactivated, and the first call's time is measured — storage read, the journal's moves made
/// again, the whole state stored, the recovery.
/// </summary>
public static class ActivationRun
{
    private static long nextPlayerId = 7_000_000_000;

    public static async Task Run(string? postgres, int tables, int actions, string suffix)
    {
        await using var cluster = await BenchCluster.StartAsync(postgres);
        var grains = cluster.Client;
        var template = $"bench-long-{Guid.NewGuid():N}";
        await grains.GetGrain<ITemplateGrain>(template).Create(TestTemplates.Chained("Bench long hand", 2) with { MaxBuyIn = 2_000, WaitlistEnabled = false });
        var timings = new List<double>();
        for (var t = 0; t < tables; t++)
        {
            var table = grains.GetGrain<ITableGrain>($"bench-long-tbl-{Guid.NewGuid():N}");
            await table.Create(new TableCreation(template, 1));
            for (var seat = 0; seat < 2; seat++)
            {
                var id = Interlocked.Increment(ref nextPlayerId);
                await grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, DisplayName = $"L{id}" });
                await table.Sit(new SeatRequest(id, $"L{id % 10_000}", 2_000, seat));
            }

            var hand = (await table.GetSnapshot(null)).View.HandNo;
            for (var a = 0; a < actions; a++)
            {
                var view = (await table.GetSnapshot(null)).View;
                var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
                var legal = (await table.GetSnapshot(actor)).Mine!.Legal!;
                await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.BetOrRaise, legal.MinRaiseTo), a + 1);
            }

            if ((await table.GetSnapshot(null)).View.HandNo != hand)
            {
                throw new InvalidOperationException("The long hand ended before its last raise");
            }

            await cluster.Deactivate(table);
            var clock = Stopwatch.StartNew();
            await table.GetSummary();
            timings.Add(clock.Elapsed.TotalMilliseconds);
            await table.Close("benchmark over");
        }

        timings.Sort();
        var tail = actions - ((actions / (TableGrain.MovesBetweenStates + 1)) * (TableGrain.MovesBetweenStates + 1));
        Figure.Print($"activation_ms_{actions}_action_hand{suffix}", timings[timings.Count / 2], "ms");
        Figure.Print($"activation_ms_{actions}_action_hand_max{suffix}", timings[^1], "ms");
        Figure.Note($"activation: {tables} heads-up tables, each deactivated after {actions} min-raises in one hand ({tail} of them made again from the journal), median and slowest first call after it");
    }
}
